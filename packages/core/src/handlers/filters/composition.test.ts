import { describe, expect, it } from "vitest";
import type { WhatsApp } from "../../client/whatsapp.ts";
import type { Message } from "../../updates/message.ts";
import { StopHandling } from "../control.ts";
import { Filter } from "../filter.ts";
import { filters } from "./index.ts";

const wa = { phoneId: "PN1" } as unknown as WhatsApp;
const check = (f: Filter<never>, u: unknown) => f.check(wa, u as never);

const text = (body: string): Message =>
  ({ kind: "message", type: "text", text: body, textFields: [body] }) as unknown as Message;
const image = { kind: "message", type: "image", image: { id: "M", mimeType: "image/png" }, textFields: [] };

/** A filter that answers `value` and counts how often it was asked. */
function spy(value: boolean) {
  const f = filters.new(() => {
    f.calls++;
    return value;
  }, `spy(${value})`) as Filter<unknown> & { calls: number };
  f.calls = 0;
  return f;
}

describe("composition", () => {
  it("and / or / not, as methods and functions", () => {
    const hi = text("hi there");
    expect(check(filters.text.and(filters.startsWith("HI", { ignoreCase: true })), hi)).toBe(true);
    expect(check(filters.text.and(filters.startsWith("bye")), hi)).toBe(false);
    expect(check(filters.image.or(filters.contains("there")), hi)).toBe(true);
    expect(check(filters.image.or(filters.contains("nope")), hi)).toBe(false);
    expect(check(filters.image.not(), hi)).toBe(true);
    expect(check(filters.and(filters.image, filters.not(filters.forwarded)), image)).toBe(true);
    expect(check(filters.and(filters.image, filters.not(filters.forwarded)), { ...image, forwarded: true })).toBe(false);
    expect(check(filters.or(filters.video, filters.audio, filters.text), hi)).toBe(true);
    expect(check(filters.and(), hi)).toBe(true);
    expect(check(filters.or(), hi)).toBe(false);
  });

  it("and: the right side is not asked when the left says no", () => {
    const right = spy(true);
    expect(check(filters.false.and(right), text("x"))).toBe(false);
    expect(right.calls).toBe(0);
    expect(check(filters.true.and(right), text("x"))).toBe(true);
    expect(right.calls).toBe(1);
  });

  it("or: the right side is not asked when the left says yes", () => {
    const right = spy(false);
    expect(check(filters.text.or(right), text("x"))).toBe(true);
    expect(right.calls).toBe(0);
    expect(check(filters.image.or(right), text("x"))).toBe(false);
    expect(right.calls).toBe(1);
  });

  it("sync chains stay sync", () => {
    const r = check(filters.text.and(filters.not(filters.forwarded)).or(filters.image), text("x"));
    expect(r).toBe(true);
  });

  it("async filters compose, short-circuiting too", async () => {
    const slowYes = filters.new(async () => true, "slowYes");
    const slowNo = filters.new(async () => false, "slowNo");
    const after = spy(true);
    const r1 = check(filters.text.and(slowYes), text("x"));
    expect(r1).toBeInstanceOf(Promise);
    expect(await r1).toBe(true);
    expect(await check(slowNo.and(after), text("x"))).toBe(false);
    expect(after.calls).toBe(0);
    expect(await check(slowNo.or(filters.text), text("x"))).toBe(true);
    expect(await check(filters.not(slowYes), text("x"))).toBe(false);
  });

  it("StopHandling thrown by a filter propagates through composition", async () => {
    const stop = filters.new(() => {
      throw new StopHandling();
    });
    expect(() => check(filters.text.and(stop), text("x"))).toThrow(StopHandling);
    expect(() => check(filters.not(stop), text("x"))).toThrow(StopHandling);
    // not reached: the left side already decided
    expect(check(filters.image.and(stop), text("x"))).toBe(false);
    const asyncStop = filters.new(async () => {
      throw new StopHandling();
    });
    await expect(check(filters.text.and(asyncStop), text("x"))).rejects.toBeInstanceOf(StopHandling);
  });

  it("StopHandling from an update's getter propagates through a built-in filter", () => {
    const u = {
      kind: "message",
      type: "text",
      get textFields(): string[] {
        throw new StopHandling();
      },
    };
    expect(() => check(filters.matches("x"), u)).toThrow(StopHandling);
  });

  it("any other error from an update's getter is a non-match", () => {
    const u = {
      kind: "message",
      type: "text",
      get textFields(): string[] {
        throw new TypeError("boom");
      },
    };
    expect(check(filters.matches("x"), u)).toBe(false);
  });

  it("filters have readable names", () => {
    expect(String(filters.text)).toBe("text");
    expect(String(filters.text.and(filters.startsWith("hi")))).toBe('(text & startsWith("hi"))');
    expect(String(filters.not(filters.image))).toBe("~image");
  });
});

/** Every filter of the namespace, factories called with plausible arguments. */
function everyFilter(): [string, Filter<never>][] {
  const made: Record<string, Filter<never>> = {
    ofKind: filters.ofKind("message"),
    webhookFields: filters.webhookFields("messages"),
    updateId: filters.updateId("wamid.A"),
    wabaId: filters.wabaId("W"),
    sentTo: filters.sentTo({ phoneNumberId: "PN1" }),
    fromUsers: filters.fromUsers("US.1", "+1 555", "ann"),
    fromCountries: filters.fromCountries("US", "1"),
    fromGroups: filters.fromGroups("G"),
    replyTo: filters.replyTo("wamid.Q"),
    matches: filters.matches("x"),
    startsWith: filters.startsWith("x"),
    endsWith: filters.endsWith("x"),
    contains: filters.contains("x"),
    regex: filters.regex("x", /y/g),
    command: filters.command("start"),
    locationInRadius: filters.locationInRadius(0, 0, 1),
    reactionEmojis: filters.reactionEmojis("👍"),
    mimetypes: filters.mimetypes("image/png"),
    extensions: filters.extensions(".png"),
    failedWith: filters.failedWith(131047),
  };
  const out: [string, Filter<never>][] = [];
  for (const [name, value] of Object.entries(filters)) {
    if (value instanceof Filter) out.push([name, value as Filter<never>]);
    else if (name in made) out.push([name, made[name]!]);
  }
  return out;
}

describe("every filter", () => {
  /** Not an update at all, or an update whose every field has the wrong type. */
  const WRONG_SHAPES: unknown[] = [
    null,
    undefined,
    0,
    "text",
    true,
    [],
    {},
    () => {},
    { kind: "raw", id: "x", field: "unknown_field", value: {} },
    { kind: "message" },
    { kind: "messageStatus", status: 7, error: "x", errors: "y" },
    { kind: "callbackButton", from: "x", chat: 3, metadata: null, textFields: "abc", replyToMessage: 5 },
    { kind: "message", type: 5, textFields: [1, null, {}], from: { waId: 5, bsuid: null } },
  ];

  /** Messages of a type whose content is missing or malformed: a boolean answer, no exception. */
  const PARTIAL_MESSAGES: unknown[] = [
    { kind: "message", type: "text" },
    { kind: "message", type: "text", text: 5 },
    { kind: "message", type: "image", image: null },
    { kind: "message", type: "audio", audio: "x" },
    { kind: "message", type: "document", document: { mimeType: 3, filename: 4 } },
    { kind: "message", type: "location", location: "here" },
    { kind: "message", type: "location", location: { latitude: "x", longitude: null } },
    { kind: "message", type: "contacts", contacts: "x" },
    { kind: "message", type: "contacts", contacts: [null, { phones: [null, 1] }] },
    { kind: "message", type: "reaction" },
    { kind: "message", type: "reaction", reaction: { emoji: 5 } },
    { kind: "messageStatus", status: "failed", error: null, errors: [null, { code: "x" }] },
  ];

  it("never throws on partial messages", () => {
    for (const [name, f] of everyFilter()) {
      for (const u of PARTIAL_MESSAGES) {
        let result: unknown;
        expect(() => (result = check(f, u)), `${name} on ${JSON.stringify(u)}`).not.toThrow();
        expect(typeof result, `${name} on ${JSON.stringify(u)}`).toBe("boolean");
      }
    }
  });

  /** Filters that only look at `kind`: they rightly match a bare update of their kind. */
  const KIND_ONLY: Record<string, string> = {
    ofKind: "message",
    message: "message",
    messageStatus: "messageStatus",
    callbackButton: "callbackButton",
  };

  it("answers false (never throws) on updates of the wrong shape", () => {
    for (const [name, f] of everyFilter()) {
      if (name === "true") continue;
      for (const u of WRONG_SHAPES) {
        let result: unknown;
        expect(() => (result = check(f, u)), `${name} on ${JSON.stringify(u)}`).not.toThrow();
        const kind = (u as { kind?: unknown } | null | undefined)?.kind;
        const expected = KIND_ONLY[name] !== undefined && KIND_ONLY[name] === kind;
        expect(result, `${name} on ${JSON.stringify(u)}`).toBe(expected);
      }
    }
  });

  it("covers pywa's whole filter list (camelCased)", () => {
    const pywa = [
      "new", "true", "false", "webhook_fields", "update_id", "waba_id", "sent_to", "sent_to_me",
      "from_users", "from_countries", "from_groups", "private", "group", "without_wa_id",
      "forwarded", "forwarded_many_times", "reply", "has_referred_product",
      "matches", "startswith", "endswith", "contains", "regex", "is_command", "command",
      "message", "text", "image", "video", "document", "audio", "audio_only", "voice", "sticker",
      "animated_sticker", "static_sticker", "location", "current_location", "location_in_radius",
      "reaction", "reaction_added", "reaction_removed", "reaction_emojis", "contacts",
      "contact_info_shared", "contacts_has_wa", "order", "unsupported", "media", "has_caption",
      "mimetypes", "extensions", "callback_button", "callback_selection", "message_status", "sent",
      "delivered", "read", "failed", "played", "failed_with", "with_tracker", "template_status",
      "template_status_approved", "template_status_rejected", "template_quality", "template_category",
      "template_components", "flow_completion", "call_connect", "outgoing_call", "incoming_call",
      "call_status", "call_answered", "call_rejected", "call_ringing", "call_permission_update",
      "call_permission_accepted", "call_permission_rejected", "call_terminate", "phone_number_change",
      "identity_change", "user_marketing_preferences", "user_marketing_preferences_stop",
      "user_marketing_preferences_resume", "account_update", "account_deleted", "account_restriction",
      "account_violation", "ad_account_linked", "auth_intl_price_eligibility_update",
      "business_primary_location_country_update", "account_disabled", "mm_lite_terms_signed",
      "partner_added", "partner_app_installed", "partner_app_uninstalled",
      "partner_client_certification_status_update", "partner_removed", "volume_based_pricing_tier_update",
      "account_offboarded", "account_reconnected",
    ];
    const camel = (s: string) =>
      s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/^startswith$/, "startsWith").replace(/^endswith$/, "endsWith");
    const missing = pywa.map(camel).filter((n) => !(n in filters));
    expect(missing).toEqual([]);
    expect("replyTo" in filters).toBe(true); // pywa's replays_to
    expect(Object.isFrozen(filters)).toBe(true);
  });
});
