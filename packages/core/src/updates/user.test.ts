import { describe, expect, it } from "vitest";
import { resolveUser } from "./sender.ts";
import { User } from "./user.ts";

describe("User", () => {
  it("prefers bsuid, then waId, then parentBsuid", () => {
    expect(new User({ bsuid: "US.1", waId: "1650", parentBsuid: "US.ENT.9" }).preferredId).toBe("US.1");
    expect(new User({ waId: "1650", parentBsuid: "US.ENT.9" }).preferredId).toBe("1650");
    expect(new User({ parentBsuid: "US.ENT.9" }).preferredId).toBe("US.ENT.9");
    expect(new User({}).preferredId).toBe("");
  });

  it("treats empty identifiers as absent", () => {
    const u = User.fromContact({ wa_id: "", user_id: "BR.42", profile: { name: "Ana", username: "" } });
    expect(u.waId).toBeUndefined();
    expect(u.username).toBeUndefined();
    expect(u.bsuid).toBe("BR.42");
    expect(u.name).toBe("Ana");
  });

  it("takes the country code from the BSUID", () => {
    expect(new User({ bsuid: "US.13491208655302741918" }).countryCode).toBe("US");
    expect(new User({ waId: "16505551234" }).countryCode).toBeUndefined();
    expect(new User({ bsuid: "nodot" }).countryCode).toBeUndefined();
  });

  it("reads a contact, identity key hash included", () => {
    const u = User.fromContact({
      profile: { name: "Pablo", username: "@p" },
      wa_id: "16505551234",
      user_id: "US.1",
      parent_user_id: "US.ENT.2",
      identity_key_hash: "abc=",
    });
    expect(u).toEqual(
      new User({ name: "Pablo", username: "@p", waId: "16505551234", bsuid: "US.1", parentBsuid: "US.ENT.2", identityKeyHash: "abc=" }),
    );
    expect(User.fromContact(null).preferredId).toBe("");
  });
});

describe("resolveUser", () => {
  const value = {
    contacts: [
      { profile: { name: "First" }, wa_id: "111", user_id: "US.1" },
      { profile: { name: "Second" }, user_id: "US.2" },
      { profile: { name: "Third" }, wa_id: "333" },
    ],
  };

  it("matches the contact on any identifier the item carries", () => {
    expect(resolveUser(value, { bsuid: "US.2" }).name).toBe("Second");
    expect(resolveUser(value, { waId: "333" }).name).toBe("Third");
    expect(resolveUser(value, { waId: "111", bsuid: "US.1" }).name).toBe("First");
  });

  it("merges the item's identifiers into a matched contact", () => {
    const u = resolveUser(value, { waId: "333", bsuid: "US.3" });
    expect([u.name, u.waId, u.bsuid]).toEqual(["Third", "333", "US.3"]);
  });

  it("builds the user from the item when no contact matches", () => {
    const u = resolveUser(value, { waId: "999" });
    expect([u.name, u.waId]).toEqual([undefined, "999"]);
  });

  it("falls back to the first contact for an item without identifiers", () => {
    expect(resolveUser(value, {}).name).toBe("First");
  });

  it("refuses a user without any identifier", () => {
    expect(() => resolveUser({}, {})).toThrow(/no user identifier/);
    expect(() => resolveUser({ contacts: [{ profile: { name: "x" } }] }, {})).toThrow(/no user identifier/);
  });
});
