import { describe, expect, it } from "vitest";
import { AuthException, PermissionDenied, WhatsAppError } from "@edgewa/core";
import {
  DEFAULT_WEBHOOK_FIELDS, deletePhoneCallbackUrl, deleteWabaCallbackUrl, getAppAccessToken, overridePhoneCallbackUrl,
  overrideWabaCallbackUrl, registerCallbackUrl, setAppCallbackUrl,
} from "../packages/core/src/client/app/index.ts";
import { PHONE_ID, graphSuite } from "./support/graph-suite.ts";
import type { RecordedRequest } from "./support/graph-server.ts";

/** The app token, callback URLs at app / WABA / phone level, and registerCallbackUrl (pywa's `callback_url`). */
const URL_ = "https://bot.example/webhook";

const { server, client } = graphSuite({ wabaId: "WABA_ID" });

function requests(): Pick<RecordedRequest, "method" | "path" | "query" | "body">[] {
  return server.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

const success = { status: 200, json: { success: true } };
const FIELDS = "messages,message_template_status_update,template_category_update,message_template_quality_update,message_template_components_update,user_preferences,calls,smb_message_echoes,account_update";

describe("app token and callback URLs", () => {
  it("getAppAccessToken: GET /oauth/access_token?grant_type=client_credentials&client_id&client_secret", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/oauth/access_token" }, { status: 200, json: { access_token: "APP|token", token_type: "bearer" } });
    expect(await getAppAccessToken(client(), { appId: "APP", appSecret: "s3cret" })).toBe("APP|token");
    expect(requests()).toEqual([
      { method: "GET", path: "/v25.0/oauth/access_token", query: { grant_type: "client_credentials", client_id: "APP", client_secret: "s3cret" }, body: undefined },
    ]);
  });

  it("getAppAccessToken: a wrong secret is typed; no app id is refused before any request", async () => {
    server.respondWithError({ method: "GET", path: "/v25.0/oauth/access_token" }, { status: 400, code: 0, message: "Error validating client secret" });
    await expect(getAppAccessToken(client(), { appId: "APP", appSecret: "wrong" })).rejects.toBeInstanceOf(AuthException);
    server.clear();
    await expect(getAppAccessToken(client(), { appSecret: "s" })).rejects.toThrow(/appId/);
    expect(server.requests).toHaveLength(0);
  });

  it("setAppCallbackUrl: POST /{app-id}/subscriptions, form-encoded, the app token out of the URL", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/APP/subscriptions" }, success);
    expect(await setAppCallbackUrl(client(), { appId: "APP", appAccessToken: "APP|token", callbackUrl: URL_, verifyToken: "vt", fields: ["messages", "calls"] })).toEqual({ success: true });
    expect(requests()).toEqual([{ method: "POST", path: "/v25.0/APP/subscriptions", query: {}, body: undefined }]);
    const req = server.requests[0]!;
    expect(req.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(req.form?.fields).toEqual({ object: "whatsapp_business_account", callback_url: URL_, verify_token: "vt", fields: "messages,calls", access_token: "APP|token" });
  });

  it("overrideWabaCallbackUrl / deleteWabaCallbackUrl: POST /{waba-id}/subscribed_apps with and without the override", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/WABA_ID/subscribed_apps" }, success);
    server.respondOnce({ method: "POST", path: "/v25.0/OTHER/subscribed_apps" }, success);
    await overrideWabaCallbackUrl(client(), { callbackUrl: URL_, verifyToken: "vt" });
    await deleteWabaCallbackUrl(client(), { wabaId: "OTHER" });
    expect(requests()).toEqual([
      { method: "POST", path: "/v25.0/WABA_ID/subscribed_apps", query: {}, body: { override_callback_uri: URL_, verify_token: "vt" } },
      { method: "POST", path: "/v25.0/OTHER/subscribed_apps", query: {}, body: undefined },
    ]);
  });

  it("overridePhoneCallbackUrl / deletePhoneCallbackUrl: POST /{phone-id} with webhook_configuration", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}` }, success);
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}` }, success);
    await overridePhoneCallbackUrl(client(), { callbackUrl: URL_, verifyToken: "vt" });
    await deletePhoneCallbackUrl(client());
    expect(requests()).toEqual([
      { method: "POST", path: `/v25.0/${PHONE_ID}`, query: {}, body: { webhook_configuration: { override_callback_uri: URL_, verify_token: "vt" } } },
      { method: "POST", path: `/v25.0/${PHONE_ID}`, query: {}, body: { webhook_configuration: { override_callback_uri: "" } } },
    ]);
  });

  it("a non-https callback URL, or a missing verify token, is refused before any request", async () => {
    await expect(overrideWabaCallbackUrl(client(), { callbackUrl: "http://bot.example/", verifyToken: "vt" })).rejects.toThrow(/https/);
    await expect(overridePhoneCallbackUrl(client(), { callbackUrl: "not a url", verifyToken: "vt" })).rejects.toThrow(/not a URL/);
    await expect(overrideWabaCallbackUrl(client(), { callbackUrl: URL_, verifyToken: "" })).rejects.toThrow(/verifyToken/);
    await expect(setAppCallbackUrl(client(), { appId: "A", appAccessToken: "t", callbackUrl: URL_, verifyToken: "vt", fields: [] })).rejects.toThrow(/fields/);
    expect(server.requests).toHaveLength(0);
  });

  it("Meta's failed verification of the URL surfaces as its error", async () => {
    server.respondWithError({ method: "POST", path: "/v25.0/WABA_ID/subscribed_apps" }, { status: 400, code: 2200, message: "Callback verification failed" });
    const error = await overrideWabaCallbackUrl(client(), { callbackUrl: URL_, verifyToken: "vt" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect((error as WhatsAppError).code).toBe(2200);
  });
});

describe("registerCallbackUrl", () => {
  it('scope "app" (the default): app token, then the subscription with pywa\'s default fields', async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/oauth/access_token" }, { status: 200, json: { access_token: "APP|token" } });
    server.respondOnce({ method: "POST", path: "/v25.0/APP/subscriptions" }, success);
    const done = await registerCallbackUrl(client(), { url: "https://bot.example/", verifyToken: "vt", appId: "APP", appSecret: "s3cret" });
    expect(done).toEqual({ scope: "app", callbackUrl: "https://bot.example/", fields: DEFAULT_WEBHOOK_FIELDS });
    expect(requests()).toEqual([
      { method: "GET", path: "/v25.0/oauth/access_token", query: { grant_type: "client_credentials", client_id: "APP", client_secret: "s3cret" }, body: undefined },
      { method: "POST", path: "/v25.0/APP/subscriptions", query: {}, body: undefined },
    ]);
    expect(server.requests[1]!.form?.fields).toEqual({
      object: "whatsapp_business_account", callback_url: "https://bot.example/", verify_token: "vt", fields: FIELDS, access_token: "APP|token",
    });
  });

  it("fields: { add, remove } edits the defaults, an array replaces them; webhookEndpoint is joined like pywa", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/oauth/access_token" }, { status: 200, json: { access_token: "T1" } });
    server.respondOnce({ method: "POST", path: "/v25.0/APP/subscriptions" }, success);
    const edited = await registerCallbackUrl(client(), {
      url: "https://bot.example/", webhookEndpoint: "/wa", verifyToken: "vt", appId: "APP", appSecret: "s",
      fields: { add: ["message_echoes"], remove: ["smb_message_echoes", "account_update"] },
    });
    expect(edited.callbackUrl).toBe("https://bot.example/wa");
    expect(server.requests[1]!.form?.fields.fields).toBe(
      "messages,message_template_status_update,template_category_update,message_template_quality_update,message_template_components_update,user_preferences,calls,message_echoes",
    );
    server.clear();
    server.respondOnce({ method: "GET", path: "/v25.0/oauth/access_token" }, { status: 200, json: { access_token: "T1" } });
    server.respondOnce({ method: "POST", path: "/v25.0/APP/subscriptions" }, success);
    await registerCallbackUrl(client(), { url: URL_, verifyToken: "vt", appId: "APP", appSecret: "s", fields: ["messages", "messages", "calls"] });
    expect(server.requests[1]!.form?.fields.fields).toBe("messages,calls");
  });

  it('scope "waba" and "phone": the override of that level only', async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/WABA_ID/subscribed_apps" }, success);
    server.respondOnce({ method: "POST", path: "/v25.0/555" }, success);
    expect(await registerCallbackUrl(client(), { url: URL_, scope: "waba", verifyToken: "vt" })).toEqual({ scope: "waba", callbackUrl: URL_, fields: undefined });
    await registerCallbackUrl(client(), { url: URL_, scope: "phone", verifyToken: "vt", phoneId: "555" });
    expect(requests()).toEqual([
      { method: "POST", path: "/v25.0/WABA_ID/subscribed_apps", query: {}, body: { override_callback_uri: URL_, verify_token: "vt" } },
      { method: "POST", path: "/v25.0/555", query: {}, body: { webhook_configuration: { override_callback_uri: URL_, verify_token: "vt" } } },
    ]);
  });

  it("throws when Meta does not confirm (pywa's RuntimeError), or with Meta's typed error", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/WABA_ID/subscribed_apps" }, { status: 200, json: { success: false } });
    await expect(registerCallbackUrl(client(), { url: URL_, scope: "waba", verifyToken: "vt" })).rejects.toThrow(/did not confirm the waba callback URL/);
    server.respondWithError({ method: "POST", path: `/v25.0/${PHONE_ID}` }, { status: 403, code: 10, message: "Permission denied" });
    await expect(registerCallbackUrl(client(), { url: URL_, scope: "phone", verifyToken: "vt" })).rejects.toBeInstanceOf(PermissionDenied);
  });

  it('scope "app" without appSecret, or an unknown scope, is refused before any request', async () => {
    server.clear();
    await expect(registerCallbackUrl(client(), { url: URL_, verifyToken: "vt", appId: "APP" })).rejects.toThrow(/appSecret/);
    await expect(registerCallbackUrl(client(), { url: URL_, verifyToken: "vt", scope: "everything" as "app" })).rejects.toThrow(/scope must be/);
    expect(server.requests).toHaveLength(0);
  });
});
