import { describe, expect, it } from "vitest";
import { onlyUpdate } from "../../../../test/fixtures/updates/classify-fixture.ts";

describe("PhoneNumberChange", () => {
  it("reads a number change: the user is the new BSUID with the old number", () => {
    const c = onlyUpdate("phone-number-change", "user_changed_number", "phoneNumberChange");
    expect(c.sysType).toBe("user_changed_number");
    expect(c.oldWaId).toBe("16505551234");
    expect(c.newWaId).toBe("16505559876");
    expect(c.newUserId).toBe("US.13491208655302741918");
    expect(c.body).toBe("User Pablo Morales changed from 16505551234 to 16505559876");
    expect(c.from.bsuid).toBe("US.13491208655302741918");
    expect(c.from.waId).toBe("16505551234");
    expect(c.isUserAction).toBe(false);
    expect(c.metadata.phoneNumberId).toBe("1234567890");
  });

  it("reads a BSUID change, which has no phone number at all", () => {
    const c = onlyUpdate("phone-number-change", "user_changed_user_id", "phoneNumberChange");
    expect(c.sysType).toBe("user_changed_user_id");
    expect(c.newUserId).toBe("MX.0987654321");
    expect(c.previousUserId).toBe("CO.1234567890");
    expect(c.oldWaId).toBeUndefined();
    expect(c.from.preferredId).toBe("MX.0987654321");
    expect(c.from.countryCode).toBe("MX");
  });

  it("keeps the legacy customer_changed_number wire value", () => {
    const c = onlyUpdate("phone-number-change", "customer_changed_number", "phoneNumberChange");
    expect(c.sysType).toBe("customer_changed_number");
    expect(c.oldWaId).toBe("447700900123");
    expect(c.newWaId).toBe("447700900999");
    expect(c.from.waId).toBe("447700900123");
  });
});

describe("IdentityChange", () => {
  it("reads the new identity", () => {
    const c = onlyUpdate("identity-change", "customer_identity_changed", "identityChange");
    expect(c.sysType).toBe("customer_identity_changed");
    expect(c.body).toBe("User Pablo Morales's security code changed");
    expect(c.identity).toEqual({ acknowledged: true, createdTimestamp: new Date(1750005200 * 1000), hash: "Sjvjlx8G6Z0=" });
    expect(c.from.name).toBe("Pablo Morales");
    expect(c.isUserAction).toBe(false);
  });
});
