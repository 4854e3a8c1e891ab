import { describe, expect, it } from "vitest";
import { APIPermission, InvalidParameter, WhatsApp, WhatsAppError } from "@edgewa/core";
import {
  getOwnedBusinessAccounts, getSharedBusinessAccounts, updateBusinessAccountSettings,
} from "../packages/core/src/client/business/index.ts";
import { TOKEN, graphSuite } from "./support/graph-suite.ts";

/**
 * A business portfolio's WhatsApp Business Accounts (shared with it, owned by it) and
 * a WABA's own settings: each call's request on the local Graph API server.
 */
const WABA_FIELDS =
  "id,name,timezone_id,message_template_namespace,status,business_verification_status,is_enabled_for_insights," +
  "marketing_messages_lite_api_status,marketing_messages_onboarding_status,on_behalf_of_business_info,ownership_type," +
  "health_status,currency,country,subscribed_apps,owner_business_info,account_review_status,disable_marketing_messages_on_cloud_api";

const { server, client, sent } = graphSuite({ wabaId: "WABA_ID" });

const waba = (id: string) => ({
  id, name: `Acme ${id}`, currency: "USD", ownership_type: "CLIENT_OWNED",
  owner_business_info: { id: "OWNER", name: "Owner Inc" }, subscribed_apps: { data: [{ whatsapp_business_api_data: { id: "APP" } }] },
});

/** Three pages at `path`, linked by Meta-style absolute `next` URLs. */
function threePages(path: string, pages: object[][]): void {
  pages.forEach((data, i) => {
    const next = i < pages.length - 1 ? { next: `${server.url}${path}?fields=id&limit=2&after=c${i + 1}&access_token=${TOKEN}` } : {};
    server.respondOnce({ method: "GET", path }, { status: 200, json: { data, paging: { cursors: { before: `b${i + 1}`, after: `c${i + 1}` }, ...next } } });
  });
}

describe("getSharedBusinessAccounts / getOwnedBusinessAccounts", () => {
  const SHARED = "/v25.0/PORTFOLIO/client_whatsapp_business_accounts";
  const OWNED = "/v25.0/PORTFOLIO/owned_whatsapp_business_accounts";

  it("shared: GET /{portfolio-id}/client_whatsapp_business_accounts?fields=<getBusinessAccount's>, three pages", async () => {
    threePages(SHARED, [[waba("A"), waba("B")], [waba("C"), waba("D")], [waba("E")]]);
    const first = await getSharedBusinessAccounts(client(), { businessPortfolioId: "PORTFOLIO", limit: 2 });
    expect(first.data.map((w) => w.id)).toEqual(["A", "B"]);
    expect(first.data[0]).toMatchObject({
      id: "A", name: "Acme A", currency: "USD", ownershipType: "CLIENT_OWNED",
      ownerBusinessInfo: { id: "OWNER", name: "Owner Inc" }, subscribedApps: [{ whatsapp_business_api_data: { id: "APP" } }],
      raw: waba("A"),
    });
    expect([first.before, first.after, first.hasNext]).toEqual(["b1", "c1", true]);
    expect((await first.all()).map((w) => w.id)).toEqual(["A", "B", "C", "D", "E"]);
    const [r1, r2, r3] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect([r1!.method, r1!.path, r1!.query, r1!.body]).toEqual(["GET", SHARED, { fields: WABA_FIELDS, limit: "2" }, undefined]);
    expect([r2!.path, r2!.query]).toEqual([SHARED, { fields: "id", limit: "2", after: "c1" }]);
    expect(r3!.query).toEqual({ fields: "id", limit: "2", after: "c2" });
    for (const r of server.requests) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("owned: GET /{portfolio-id}/owned_whatsapp_business_accounts, with the cursors given", async () => {
    server.respondOnce({ method: "GET", path: OWNED }, { status: 200, json: { data: [waba("X")] } });
    const page = await getOwnedBusinessAccounts(client(), { businessPortfolioId: "PORTFOLIO", after: "CUR", limit: 5 });
    expect(sent()).toEqual({ method: "GET", path: OWNED, query: { fields: WABA_FIELDS, limit: "5", after: "CUR" }, body: undefined });
    expect(page.data.map((w) => w.name)).toEqual(["Acme X"]);
    expect(page.hasNext).toBe(false);
  });

  it("the portfolio defaults to the client's businessPortfolioId; one given to the call wins", async () => {
    const wa = client({ businessPortfolioId: "PORTFOLIO" });
    server.respondOnce({ method: "GET", path: SHARED }, { status: 200, json: { data: [waba("A")] } });
    expect((await getSharedBusinessAccounts(wa)).data.map((w) => w.id)).toEqual(["A"]);
    expect(sent()).toEqual({ method: "GET", path: SHARED, query: { fields: WABA_FIELDS }, body: undefined });
    server.clear();
    server.respondOnce({ method: "GET", path: "/v25.0/P2/owned_whatsapp_business_accounts" }, { status: 200, json: { data: [] } });
    expect((await getOwnedBusinessAccounts(wa, { businessPortfolioId: "P2" })).data).toEqual([]);
    expect(sent().path).toBe("/v25.0/P2/owned_whatsapp_business_accounts");
  });

  it("a portfolio id stays one path segment", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/a%2F..%2Fb/client_whatsapp_business_accounts" }, { status: 200, json: { data: [] } });
    await getSharedBusinessAccounts(client(), { businessPortfolioId: "a/../b" });
    expect(sent().path).toBe("/v25.0/a%2F..%2Fb/client_whatsapp_business_accounts");
  });

  it("without a portfolio id anywhere: a TypeError saying what to pass, before any request", async () => {
    const wa = client();
    await expect(getSharedBusinessAccounts(wa)).rejects.toThrow(
      /^getSharedBusinessAccounts: no business portfolio id: pass `businessPortfolioId` to new WhatsApp\(\{ … \}\) or to this call$/,
    );
    await expect(getOwnedBusinessAccounts(wa, { businessPortfolioId: "" })).rejects.toThrow(/getOwnedBusinessAccounts: no business portfolio id/);
    await expect(getOwnedBusinessAccounts(wa)).rejects.toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("a token without business_management is an APIPermission error", async () => {
    server.respondWithError({ method: "GET", path: OWNED }, { status: 403, code: 200, message: "(#200) Requires business_management permission" });
    const error = await getOwnedBusinessAccounts(client(), { businessPortfolioId: "PORTFOLIO" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIPermission);
    expect((error as WhatsAppError).statusCode).toBe(403);
  });
});

describe("updateBusinessAccountSettings", () => {
  it("POST /{waba-id} {disable_marketing_messages_on_cloud_api, degrees_of_freedom_spec.creative_features_spec}", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/WABA_ID" }, { status: 200, json: { success: true } });
    const result = await updateBusinessAccountSettings(client(), {
      disableMarketingMessagesOnCloudApi: true,
      degreesOfFreedomSpec: { creativeFeaturesSpec: { image_touchups: true, add_text_overlay: false, image_animation: undefined } },
    });
    expect(result).toEqual({ success: true });
    expect(sent()).toEqual({
      method: "POST",
      path: "/v25.0/WABA_ID",
      query: {},
      body: {
        disable_marketing_messages_on_cloud_api: true,
        degrees_of_freedom_spec: {
          creative_features_spec: { image_touchups: { enroll_status: "OPT_IN" }, add_text_overlay: { enroll_status: "OPT_OUT" } },
        },
      },
    });
  });

  it("only what is given is sent; false is sent; another WABA by wabaId", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/W2" }, { status: 200, json: { success: true } });
    await updateBusinessAccountSettings(client(), { disableMarketingMessagesOnCloudApi: false, wabaId: "W2" });
    expect(sent()).toEqual({ method: "POST", path: "/v25.0/W2", query: {}, body: { disable_marketing_messages_on_cloud_api: false } });
    server.clear();
    server.respondOnce({ method: "POST", path: "/v25.0/WABA_ID" }, { status: 200, json: { success: true } });
    await updateBusinessAccountSettings(client(), { degreesOfFreedomSpec: { creativeFeaturesSpec: { some_new_feature: true } } });
    expect(sent().body).toEqual({ degrees_of_freedom_spec: { creative_features_spec: { some_new_feature: { enroll_status: "OPT_IN" } } } });
  });

  it("refuses, before any request: nothing to change, a non-boolean, an empty or malformed spec, no WABA", async () => {
    const wa = client();
    await expect(updateBusinessAccountSettings(wa, {})).rejects.toThrow(
      /updateBusinessAccountSettings: give disableMarketingMessagesOnCloudApi and\/or degreesOfFreedomSpec/,
    );
    await expect(updateBusinessAccountSettings(wa, { disableMarketingMessagesOnCloudApi: "yes" as unknown as boolean })).rejects.toThrow(/must be true or false/);
    await expect(updateBusinessAccountSettings(wa, { degreesOfFreedomSpec: { creativeFeaturesSpec: {} } })).rejects.toThrow(/needs at least one feature/);
    await expect(updateBusinessAccountSettings(wa, { degreesOfFreedomSpec: {} as never })).rejects.toThrow(/needs at least one feature/);
    await expect(
      updateBusinessAccountSettings(wa, { degreesOfFreedomSpec: { creativeFeaturesSpec: { image_touchups: "OPT_IN" as unknown as boolean } } }),
    ).rejects.toThrow(/creativeFeaturesSpec\.image_touchups must be true \(OPT_IN\) or false \(OPT_OUT\)/);
    await expect(updateBusinessAccountSettings(client({ wabaId: undefined }), { disableMarketingMessagesOnCloudApi: true })).rejects.toThrow(
      /updateBusinessAccountSettings: no WhatsApp Business Account id/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("an invalid value is an InvalidParameter error", async () => {
    server.respondWithError({ method: "POST", path: "/v25.0/WABA_ID" }, { status: 400, code: 131009, message: "Parameter value is not valid" });
    const error = await updateBusinessAccountSettings(client(), { degreesOfFreedomSpec: { creativeFeaturesSpec: { image_touchups: true } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as WhatsAppError).code).toBe(131009);
  });
});
