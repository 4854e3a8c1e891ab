import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../examples/node/src/register-webhook.ts";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";

/** `node examples/node/src/register-webhook.ts <url>`: the after-deploy registration, against the local Graph API server. */
const TOKEN = "cli-token";

let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: TOKEN })));
afterAll(() => server.close());
beforeEach(() => server.clear());

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { WHATSAPP_TOKEN: TOKEN, WHATSAPP_VERIFY_TOKEN: "vt", WHATSAPP_GRAPH_URL: server.url, ...extra };
}

describe("register-webhook CLI", () => {
  it("app scope by default, from WHATSAPP_APP_ID / WHATSAPP_APP_SECRET", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/oauth/access_token" }, { status: 200, json: { access_token: "APP|t" } });
    server.respondOnce({ method: "POST", path: "/v25.0/42/subscriptions" }, { status: 200, json: { success: true } });
    const done = await main(["https://my-worker.example/", "--fields", "messages,calls"], env({ WHATSAPP_APP_ID: "42", WHATSAPP_APP_SECRET: "sec" }));
    expect(done).toEqual({ scope: "app", callbackUrl: "https://my-worker.example/", fields: ["messages", "calls"] });
    expect(server.requests.map((r) => [r.method, r.path, r.query, r.form?.fields])).toEqual([
      ["GET", "/v25.0/oauth/access_token", { grant_type: "client_credentials", client_id: "42", client_secret: "sec" }, undefined],
      ["POST", "/v25.0/42/subscriptions", {}, { object: "whatsapp_business_account", callback_url: "https://my-worker.example/", verify_token: "vt", fields: "messages,calls", access_token: "APP|t" }],
    ]);
    for (const r of server.requests) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("--scope waba / --scope=phone use WHATSAPP_WABA_ID / WHATSAPP_PHONE_ID", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/W1/subscribed_apps" }, { status: 200, json: { success: true } });
    server.respondOnce({ method: "POST", path: "/v25.0/P1" }, { status: 200, json: { success: true } });
    await main(["https://my-worker.example/", "--scope", "waba"], env({ WHATSAPP_WABA_ID: "W1" }));
    await main(["--scope=phone", "https://my-worker.example/"], env({ WHATSAPP_PHONE_ID: "P1", WHATSAPP_CALLBACK_SCOPE: "app" }));
    expect(server.requests.map((r) => [r.path, r.body])).toEqual([
      ["/v25.0/W1/subscribed_apps", { override_callback_uri: "https://my-worker.example/", verify_token: "vt" }],
      ["/v25.0/P1", { webhook_configuration: { override_callback_uri: "https://my-worker.example/", verify_token: "vt" } }],
    ]);
  });

  it("explains what is missing, before any request", async () => {
    await expect(main([], env())).rejects.toThrow(/exactly one URL/);
    await expect(main(["https://x.example/", "--bogus"], env())).rejects.toThrow(/unknown option --bogus/);
    await expect(main(["https://x.example/"], { WHATSAPP_TOKEN: TOKEN })).rejects.toThrow(/WHATSAPP_VERIFY_TOKEN/);
    await expect(main(["https://x.example/"], env({ WHATSAPP_APP_ID: "42" }))).rejects.toThrow(/WHATSAPP_APP_SECRET/);
    expect(server.requests).toHaveLength(0);
  });
});
