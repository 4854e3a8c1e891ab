import { describe, expect, it } from "vitest";
import type { WhatsApp } from "../../client/whatsapp.ts";
import type { Message } from "../../updates/message.ts";
import type { Filter } from "../filter.ts";
import { filters } from "./index.ts";

const wa = { phoneId: "PN1" } as unknown as WhatsApp;
const check = (f: Filter<never>, u: unknown) => f.check(wa, u as never);

function user(fields: Record<string, unknown> = {}) {
  const u = { bsuid: "US.1349", waId: "16315551234", name: "Ann", username: "ann", parentBsuid: undefined, ...fields };
  return {
    ...u,
    get countryCode() {
      const b = u.bsuid as string | undefined;
      return b && b.indexOf(".") > 0 ? b.slice(0, b.indexOf(".")) : undefined;
    },
  };
}

function msg(fields: Record<string, unknown> = {}): Message {
  return {
    kind: "message",
    id: "wamid.A",
    wabaId: "WABA1",
    type: "text",
    text: "hi",
    textFields: ["hi"],
    metadata: { displayPhoneNumber: "15550783881", phoneNumberId: "PN1" },
    from: user(),
    chat: { id: "US.1349", type: "private" },
    raw: { field: "messages", value: {} },
    ...fields,
  } as unknown as Message;
}

describe("true / false", () => {
  it("always / never", () => {
    expect(check(filters.true, msg())).toBe(true);
    expect(check(filters.true, null)).toBe(true);
    expect(check(filters.false, msg())).toBe(false);
  });
});

describe("ofKind", () => {
  it("matches the kinds given", () => {
    expect(check(filters.ofKind("message", "callbackButton"), msg())).toBe(true);
    expect(check(filters.ofKind("editedMessage"), msg())).toBe(false);
  });
});

describe("webhookFields", () => {
  it("matches RawUpdate.field", () => {
    expect(check(filters.webhookFields("messages", "calls"), { kind: "raw", field: "calls" })).toBe(true);
    expect(check(filters.webhookFields("messages"), { kind: "raw", field: "account_update" })).toBe(false);
  });
  it("matches a typed update's raw.field", () => {
    expect(check(filters.webhookFields("messages"), msg())).toBe(true);
    expect(check(filters.webhookFields("calls"), msg())).toBe(false);
  });
});

describe("updateId / wabaId", () => {
  it("updateId", () => {
    expect(check(filters.updateId("wamid.A"), msg())).toBe(true);
    expect(check(filters.updateId("wamid.B"), msg())).toBe(false);
  });
  it("wabaId, falling back to id", () => {
    expect(check(filters.wabaId("WABA1"), msg())).toBe(true);
    expect(check(filters.wabaId("WABA2"), msg())).toBe(false);
    expect(check(filters.wabaId("BP1"), { kind: "accountUpdate", id: "BP1" })).toBe(true);
  });
});

describe("sentTo / sentToMe", () => {
  it("by phone number id", () => {
    expect(check(filters.sentTo({ phoneNumberId: "PN1" }), msg())).toBe(true);
    expect(check(filters.sentTo({ phoneNumberId: "PN2" }), msg())).toBe(false);
  });
  it("by display number, compared by digits", () => {
    expect(check(filters.sentTo({ displayPhoneNumber: "+1 555-078-3881" }), msg())).toBe(true);
    expect(check(filters.sentTo({ displayPhoneNumber: "+1 555-078-0000" }), msg())).toBe(false);
  });
  it("needs one of the two", () => {
    expect(() => filters.sentTo({})).toThrow(TypeError);
  });
  it("sentToMe compares with wa.phoneId", () => {
    expect(check(filters.sentToMe, msg())).toBe(true);
    const other = msg({ metadata: { displayPhoneNumber: "1", phoneNumberId: "PN9" } });
    expect(check(filters.sentToMe, other)).toBe(false);
    const noPhone = { phoneId: undefined } as unknown as WhatsApp;
    expect(filters.sentToMe.check(noPhone, msg())).toBe(false);
  });
});

describe("fromUsers", () => {
  it("matches a phone number however it is written", () => {
    expect(check(filters.fromUsers("+1 (631) 555-1234"), msg())).toBe(true);
    expect(check(filters.fromUsers("16315551234"), msg())).toBe(true);
    expect(check(filters.fromUsers("+1 (631) 555-9999"), msg())).toBe(false);
  });
  it("matches a BSUID and a parent BSUID", () => {
    expect(check(filters.fromUsers("US.1349"), msg())).toBe(true);
    expect(check(filters.fromUsers("US.9999"), msg())).toBe(false);
    const child = msg({ from: user({ parentBsuid: "US.ENT.77" }) });
    expect(check(filters.fromUsers("US.ENT.77"), child)).toBe(true);
    expect(check(filters.fromUsers("US.ENT.78"), child)).toBe(false);
  });
  it("matches a username, with or without @", () => {
    const anon = msg({ from: user({ waId: undefined, bsuid: "IL.5", username: "Ann_B" }) });
    expect(check(filters.fromUsers("@ann_b"), anon)).toBe(true);
    expect(check(filters.fromUsers("ann_b"), anon)).toBe(true);
    expect(check(filters.fromUsers("bob"), anon)).toBe(false);
  });
  it("a BSUID is not mistaken for digits", () => {
    // "US.1349" must not be reduced to "1349"
    expect(check(filters.fromUsers("US.1349"), msg({ from: user({ bsuid: "US.1", waId: "1349" }) }))).toBe(false);
  });
});

describe("fromCountries", () => {
  it("alpha codes against countryCode", () => {
    expect(check(filters.fromCountries("US"), msg())).toBe(true);
    expect(check(filters.fromCountries("us"), msg())).toBe(true);
    expect(check(filters.fromCountries("IL"), msg())).toBe(false);
  });
  it("numeric prefixes against waId", () => {
    expect(check(filters.fromCountries("+1"), msg({ from: user({ bsuid: undefined }) }))).toBe(true);
    expect(check(filters.fromCountries(1), msg({ from: user({ bsuid: undefined }) }))).toBe(true);
    expect(check(filters.fromCountries("972"), msg({ from: user({ bsuid: undefined }) }))).toBe(false);
  });
  it("a user without waId only matches by country", () => {
    const anon = msg({ from: user({ waId: undefined }) });
    expect(check(filters.fromCountries("1"), anon)).toBe(false);
    expect(check(filters.fromCountries("1", "US"), anon)).toBe(true);
  });
});

describe("chats", () => {
  const inGroup = msg({ chat: { id: "GROUP_A", type: "group" } });
  it("fromGroups", () => {
    expect(check(filters.fromGroups("GROUP_A", "GROUP_B"), inGroup)).toBe(true);
    expect(check(filters.fromGroups("GROUP_B"), inGroup)).toBe(false);
  });
  it("private / group", () => {
    expect(check(filters.private, msg())).toBe(true);
    expect(check(filters.private, inGroup)).toBe(false);
    expect(check(filters.group, inGroup)).toBe(true);
    expect(check(filters.group, msg())).toBe(false);
  });
});

describe("withoutWaId", () => {
  it("matches users who hide their number", () => {
    expect(check(filters.withoutWaId, msg({ from: user({ waId: undefined }) }))).toBe(true);
    expect(check(filters.withoutWaId, msg())).toBe(false);
  });
});
