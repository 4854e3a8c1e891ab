import { describe, expect, it } from "vitest";
import {
  SignupError, SignupMissingPlaceholderValueError, SignupNotFoundError, SignupTOSAlreadyAccepted, WhatsApp, WhatsAppError,
} from "@edgewa/core";
import {
  CreatedSignup, SIGNUP_TOS_URL, SignupDetails, createSignup, getSignup, getSignups, signupDeeplink, updateSignup,
} from "../packages/core/src/client/signups/index.ts";
import { TOKEN, graphSuite } from "./support/graph-suite.ts";

/** In-app signups (marketing opt-in links): every call's request, the models and their shortcuts, the link. */
const WABA_ID = "102290129340398";
const SIGNUPS = `/v25.0/${WABA_ID}/signups`;
const FIELDS = "id,waba_id,status,signup_message,confirmation_message,privacy_policy_url,promo_code,display_name,website_url";

const suite = graphSuite({ wabaId: WABA_ID });
const { server, sent } = suite;

/** `wabaId: null`: a client without a default WABA. */
const client = (wabaId: string | null = WABA_ID) => suite.client({ wabaId: wabaId ?? undefined });

const wire = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  waba_id: WABA_ID,
  signup_message: `Join ${id}`,
  confirmation_message: "Thanks! Code: {{promo_code}}",
  privacy_policy_url: "https://acme.example/privacy",
  promo_code: "WELCOME10",
  status: "ACTIVE",
  display_name: "Summer sale",
  website_url: "https://acme.example",
  ...extra,
});

const base = { message: "Get our offers on WhatsApp", confirmationMessage: "Thank you for signing up!", privacyPolicyUrl: "https://acme.example/privacy" };

describe("createSignup", () => {
  it("POST /{waba-id}/signups with the three required fields only → CreatedSignup { id, raw }", async () => {
    server.respondOnce({ method: "POST", path: SIGNUPS }, { status: 200, json: { id: "9876543210123456" } });
    const created = await createSignup(client(), base);
    expect(sent()).toEqual({
      method: "POST",
      path: SIGNUPS,
      query: {},
      body: { signup_message: base.message, confirmation_message: base.confirmationMessage, privacy_policy_url: base.privacyPolicyUrl },
    });
    expect(created).toBeInstanceOf(CreatedSignup);
    expect(created.id).toBe("9876543210123456");
    expect(created.raw).toEqual({ id: "9876543210123456" });
    expect(created.getDeeplink("+1 555-123-4567")).toBe("https://wa.me/15551234567/signup/9876543210123456");
  });

  it("every optional field, and acceptPolicy as Meta's policy object, to another WABA", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/OTHER/signups" }, { status: 200, json: { id: 42 } });
    const created = await createSignup(client(), {
      message: "Join us",
      confirmationMessage: "Your code: {{promo_code}}",
      privacyPolicyUrl: "https://acme.example/privacy",
      websiteUrl: "https://acme.example",
      promoCode: "WELCOME10",
      displayName: "Summer sale",
      acceptPolicy: true,
      wabaId: "OTHER",
    });
    expect(sent()).toEqual({
      method: "POST",
      path: "/v25.0/OTHER/signups",
      query: {},
      body: {
        signup_message: "Join us",
        confirmation_message: "Your code: {{promo_code}}",
        privacy_policy_url: "https://acme.example/privacy",
        website_url: "https://acme.example",
        promo_code: "WELCOME10",
        display_name: "Summer sale",
        policy: { tos: "https://www.facebook.com/legal/ads-manager-marketing-messages-terms", accepted: true },
      },
    });
    expect(SIGNUP_TOS_URL).toBe("https://www.facebook.com/legal/ads-manager-marketing-messages-terms");
    expect(created.id).toBe("42");
  });

  it("acceptPolicy: false sends no policy", async () => {
    server.respondOnce({ method: "POST", path: SIGNUPS }, { status: 200, json: { id: "1" } });
    await createSignup(client(), { ...base, acceptPolicy: false });
    expect(sent().body).not.toHaveProperty("policy");
  });

  it("{{promo_code}} without a promoCode, empty texts and a missing WABA are refused before any request", async () => {
    const wa = client();
    await expect(createSignup(wa, { ...base, confirmationMessage: "Code: {{promo_code}}" })).rejects.toThrow(/createSignup: confirmationMessage uses \{\{promo_code\}\}/);
    await expect(createSignup(wa, { ...base, message: "Sign up for {{promo_code}}" })).rejects.toThrow(/createSignup: message uses \{\{promo_code\}\}/);
    await expect(createSignup(wa, { ...base, confirmationMessage: "Code: {{promo_code}}", promoCode: "" })).rejects.toThrow(/pass promoCode/);
    await expect(createSignup(wa, { ...base, message: "" })).rejects.toThrow(/createSignup: message must be a non-empty string/);
    await expect(createSignup(wa, { ...base, confirmationMessage: "" })).rejects.toThrow(/confirmationMessage/);
    await expect(createSignup(wa, { ...base, privacyPolicyUrl: undefined as unknown as string })).rejects.toThrow(/privacyPolicyUrl/);
    await expect(createSignup(client(null), base)).rejects.toThrow(/createSignup: no WhatsApp Business Account id/);
    expect(server.requests).toHaveLength(0);
  });

  it("Meta's signup errors are typed: 2494176 is SignupTOSAlreadyAccepted, 2494167 SignupMissingPlaceholderValueError", async () => {
    server.respondWithError({ method: "POST", path: SIGNUPS }, { status: 400, code: 2494176, message: "Terms already accepted" });
    const again = await createSignup(client(), { ...base, acceptPolicy: true }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(SignupTOSAlreadyAccepted);
    expect(again).toBeInstanceOf(SignupError);

    server.respondWithError({ method: "POST", path: SIGNUPS }, { status: 400, code: 2494167, message: "Missing placeholder value" });
    const missing = await createSignup(client(), base).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SignupMissingPlaceholderValueError);
    expect((missing as WhatsAppError).code).toBe(2494167);
  });
});

describe("signupDeeplink", () => {
  it("https://wa.me/<digits>/signup/<id>, from a number with +, spaces or dashes, or a number", () => {
    expect(signupDeeplink({ phoneNumber: "15551234567", signupId: "9876543210123456" })).toBe("https://wa.me/15551234567/signup/9876543210123456");
    expect(signupDeeplink({ phoneNumber: "+44 20 7946-0958", signupId: "1" })).toBe("https://wa.me/442079460958/signup/1");
    expect(signupDeeplink({ phoneNumber: 15551234567, signupId: "1" })).toBe("https://wa.me/15551234567/signup/1");
  });

  it("refuses what wa.me would read as another number, and an empty id", () => {
    const link = (phoneNumber: string) => () => signupDeeplink({ phoneNumber, signupId: "1" });
    expect(link("+44 (0)20 7946 0958")).toThrow(/international number/);
    expect(link("020 7946 0958")).toThrow(/international number/);
    expect(link("1555123456789012")).toThrow(/international number/);
    expect(link("")).toThrow(/international number/);
    expect(link("+1.555.123")).toThrow(/international number/);
    expect(() => signupDeeplink({ phoneNumber: "15551234567", signupId: "" })).toThrow(/signupId is empty/);
  });

  it("the id is one path segment", () => {
    expect(signupDeeplink({ phoneNumber: "15551234567", signupId: "a/../b" })).toBe("https://wa.me/15551234567/signup/a%2F..%2Fb");
  });
});

describe("getSignup / getSignups", () => {
  it("getSignup: GET /signups/{id} (the literal signups/ segment, no fields) → SignupDetails", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/signups/S1" }, { status: 200, json: wire("S1") });
    const signup = await getSignup(client(), { signupId: "S1" });
    expect(sent()).toEqual({ method: "GET", path: "/v25.0/signups/S1", query: {}, body: undefined });
    expect(signup).toBeInstanceOf(SignupDetails);
    expect({ ...signup }).toEqual({
      id: "S1",
      wabaId: WABA_ID,
      status: "ACTIVE",
      message: "Join S1",
      confirmationMessage: "Thanks! Code: {{promo_code}}",
      privacyPolicyUrl: "https://acme.example/privacy",
      promoCode: "WELCOME10",
      displayName: "Summer sale",
      websiteUrl: "https://acme.example",
      raw: wire("S1"),
    });
    expect(signup.getDeeplink("15551234567")).toBe("https://wa.me/15551234567/signup/S1");
  });

  it("getSignup: optional fields may be absent; an unknown status is kept; the id cannot escape its segment", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/signups/a%2F..%2Fb" }, { status: 200, json: { id: "a/../b", status: "PAUSED", message: "old name" } });
    const signup = await getSignup(client(), { signupId: "a/../b" });
    expect(sent().path).toBe("/v25.0/signups/a%2F..%2Fb");
    expect([signup.status, signup.message, signup.promoCode, signup.wabaId]).toEqual(["PAUSED", "old name", undefined, undefined]);
    await expect(getSignup(client(), { signupId: "" })).rejects.toThrow(/getSignup: signupId is empty/);
    expect(server.requests).toHaveLength(1);
  });

  it("2494164 is SignupNotFoundError, a SignupError", async () => {
    server.respondWithError({ method: "GET", path: "/v25.0/signups/GONE" }, { status: 400, code: 2494164, message: "Signup not found" });
    const error = await getSignup(client(), { signupId: "GONE" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignupNotFoundError);
    expect(error).toBeInstanceOf(SignupError);
    expect([(error as WhatsAppError).code, (error as WhatsAppError).statusCode]).toEqual([2494164, 400]);
  });

  it("getSignups: GET /{waba-id}/signups?fields=…, three pages", async () => {
    const pages = [[wire("A"), wire("B")], [wire("C"), wire("D")], [wire("E", { status: "DISABLED" })]];
    pages.forEach((data, i) => {
      const next = i < 2 ? { next: `${server.url}${SIGNUPS}?fields=id&limit=2&after=c${i + 1}&access_token=${TOKEN}` } : {};
      server.respondOnce({ method: "GET", path: SIGNUPS }, { status: 200, json: { data, paging: { cursors: { before: `b${i + 1}`, after: `c${i + 1}` }, ...next } } });
    });
    const first = await getSignups(client(), { limit: 2 });
    expect(first.data.map((s) => s.id)).toEqual(["A", "B"]);
    expect(first.data[0]).toBeInstanceOf(SignupDetails);
    expect([first.before, first.after, first.hasNext]).toEqual(["b1", "c1", true]);
    const all = await first.all();
    expect(all.map((s) => `${s.id}:${s.status}`)).toEqual(["A:ACTIVE", "B:ACTIVE", "C:ACTIVE", "D:ACTIVE", "E:DISABLED"]);
    expect(server.requests).toHaveLength(3);
    const [r1, r2, r3] = server.requests;
    expect([r1!.method, r1!.path, r1!.query]).toEqual(["GET", SIGNUPS, { fields: FIELDS, limit: "2" }]);
    expect(r2!.query).toEqual({ fields: "id", limit: "2", after: "c1" });
    expect(r3!.query).toEqual({ fields: "id", limit: "2", after: "c2" });
  });

  it("getSignups: another WABA and a cursor; no WABA at all is refused before any request", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/OTHER/signups" }, { status: 200, json: { data: [] } });
    const page = await getSignups(client(), { wabaId: "OTHER", after: "c9", before: undefined });
    expect(sent()).toEqual({ method: "GET", path: "/v25.0/OTHER/signups", query: { fields: FIELDS, after: "c9" }, body: undefined });
    expect([page.data, page.hasNext]).toEqual([[], false]);
    server.clear();
    await expect(getSignups(client(null))).rejects.toThrow(/getSignups: no WhatsApp Business Account id/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("updateSignup", () => {
  it("POST /signups/{id} with each field under Meta's name", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/signups/S1" }, { status: 200, json: { success: true } });
    const result = await updateSignup(client(), {
      signupId: "S1",
      status: "DISABLED",
      message: "New pre-consent text",
      confirmationMessage: "Welcome! Use {{promo_code}}",
      websiteUrl: "https://acme.example/new",
      promoCode: "SAVE20",
      displayName: "Winter sale",
    });
    expect(result).toEqual({ success: true });
    expect(sent()).toEqual({
      method: "POST",
      path: "/v25.0/signups/S1",
      query: {},
      body: {
        status: "DISABLED",
        signup_message: "New pre-consent text",
        confirmation_message: "Welcome! Use {{promo_code}}",
        website_url: "https://acme.example/new",
        promo_code: "SAVE20",
        display_name: "Winter sale",
      },
    });
  });

  it("only the fields given; {{promo_code}} alone is sent, since the signup may hold a code already", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/signups/S1" }, { status: 200, json: { success: true } });
    await updateSignup(client(), { signupId: "S1", confirmationMessage: "Your code: {{promo_code}}" });
    expect(sent().body).toEqual({ confirmation_message: "Your code: {{promo_code}}" });
  });

  it("nothing to update, a bad status, empty texts and an empty id are refused before any request", async () => {
    const wa = client();
    await expect(updateSignup(wa, { signupId: "S1" })).rejects.toThrow(/updateSignup: nothing to update/);
    await expect(updateSignup(wa, { signupId: "S1", status: "PAUSED" as "ACTIVE" })).rejects.toThrow(/"ACTIVE" or "DISABLED", got "PAUSED"/);
    await expect(updateSignup(wa, { signupId: "S1", message: "" })).rejects.toThrow(/updateSignup: message must be a non-empty string/);
    await expect(updateSignup(wa, { signupId: "S1", confirmationMessage: "" })).rejects.toThrow(/confirmationMessage/);
    await expect(updateSignup(wa, { signupId: "", status: "ACTIVE" })).rejects.toThrow(/updateSignup: signupId is empty/);
    expect(server.requests).toHaveLength(0);
  });

  it("updating an unknown signup is a SignupNotFoundError", async () => {
    server.respondWithError({ method: "POST", path: "/v25.0/signups/GONE" }, { status: 400, code: 2494164, message: "Signup not found" });
    await expect(updateSignup(client(), { signupId: "GONE", status: "ACTIVE" })).rejects.toBeInstanceOf(SignupNotFoundError);
  });
});

describe("SignupDetails shortcuts", () => {
  async function fetched(): Promise<SignupDetails> {
    server.respondOnce({ method: "GET", path: "/v25.0/signups/S1" }, { status: 200, json: wire("S1") });
    const signup = await getSignup(client(), { signupId: "S1" });
    server.clear();
    return signup;
  }

  it("disable() and enable() POST /signups/{id} {status}", async () => {
    const signup = await fetched();
    server.respondOnce({ method: "POST", path: "/v25.0/signups/S1" }, { status: 200, json: { success: true } });
    expect(await signup.disable()).toEqual({ success: true });
    expect(sent()).toEqual({ method: "POST", path: "/v25.0/signups/S1", query: {}, body: { status: "DISABLED" } });
    server.clear();
    server.respondOnce({ method: "POST", path: "/v25.0/signups/S1" }, { status: 200, json: { success: true } });
    await signup.enable();
    expect(sent().body).toEqual({ status: "ACTIVE" });
    expect(signup.status).toBe("ACTIVE");
  });

  it("update() sends the fields given for this signup; with none it is refused before any request", async () => {
    const signup = await fetched();
    server.respondOnce({ method: "POST", path: "/v25.0/signups/S1" }, { status: 200, json: { success: true } });
    await signup.update({ promoCode: "SAVE20", displayName: "Winter" });
    expect(sent()).toEqual({ method: "POST", path: "/v25.0/signups/S1", query: {}, body: { promo_code: "SAVE20", display_name: "Winter" } });
    server.clear();
    await expect(signup.update({})).rejects.toThrow(/nothing to update/);
    expect(server.requests).toHaveLength(0);
  });

  it("shortcuts on listed signups act on their own id", async () => {
    server.respondOnce({ method: "GET", path: SIGNUPS }, { status: 200, json: { data: [wire("A"), wire("B")] } });
    const page = await getSignups(client());
    server.clear();
    server.respondOnce({ method: "POST", path: "/v25.0/signups/B" }, { status: 200, json: { success: true } });
    await page.data[1]!.disable();
    expect(sent()).toEqual({ method: "POST", path: "/v25.0/signups/B", query: {}, body: { status: "DISABLED" } });
  });
});
