import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DynamoDbStore } from "@edgewa/lambda";
import { MemoryStore } from "@edgewa/core";
// The example app's own route files and modules, imported as Next.js would load them.
import * as webhookRoute from "../../examples/vercel-next/app/api/whatsapp/route.ts";
import * as flowRoute from "../../examples/vercel-next/app/api/flows/signup/route.ts";
import { createWebhookBot } from "../../examples/vercel-next/lib/bot.ts";
import { createStore } from "../../examples/vercel-next/lib/store.ts";
import { startDynalite, LOCAL_AWS, type LocalDynamo } from "../lambda/support/dynalite.ts";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { PHONE_ID, USER, click, text } from "../support/payloads.ts";
import { signedRequest, waitUntilRecorder } from "../support/webhook.ts";
import { flowKeys, flowRequest, open, seal } from "../support/flow-crypto.ts";
import { insideVercel, within } from "./support.ts";

/**
 * examples/vercel-next: its app/api/whatsapp/route.ts and app/api/flows/signup/route.ts,
 * configured through the environment exactly as on Vercel, the bot's Graph API calls
 * going to the local Graph API server (WHATSAPP_GRAPH_URL).
 */
const ENV = {
  WHATSAPP_PHONE_ID: PHONE_ID,
  WHATSAPP_TOKEN: "example-vercel-token",
  WHATSAPP_APP_SECRET: "example-vercel-secret",
  WHATSAPP_VERIFY_TOKEN: "example-vercel-verify",
  // One line, "\n"-escaped, as a PEM usually ends up in a dashboard's env var.
  WHATSAPP_PRIVATE_KEY: flowKeys.privateKey.replace(/\n/g, "\\n"),
};
const SECRET = ENV.WHATSAPP_APP_SECRET;
const BASE = "https://edgewa-example.vercel.app";
const saved = new Map<string, string | undefined>();
function setEnv(name: string, value: string | undefined): void {
  if (!saved.has(name)) saved.set(name, process.env[name]);
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

let graph: GraphServer;
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
beforeAll(async () => {
  graph = await startGraphServer({ token: ENV.WHATSAPP_TOKEN });
  for (const [name, value] of Object.entries(ENV)) setEnv(name, value);
  setEnv("WHATSAPP_GRAPH_URL", graph.url);
  setEnv("TABLE_NAME", undefined);
});
afterAll(async () => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  warn.mockRestore();
  await graph.close();
});
beforeEach(() => graph.clear());

const post = (payload: unknown, signature?: string | null) =>
  webhookRoute.POST(signedRequest(SECRET, payload, { url: `${BASE}/api/whatsapp`, signature }));
const sends = () => graph.requests.filter((r) => r.path.endsWith("/messages") && (r.body as { type?: string }).type);
const sentTexts = () =>
  sends().map((r) => {
    const b = r.body as { type: string; text?: { body: string }; interactive?: { body: { text: string } } };
    return b.text?.body ?? b.interactive?.body.text ?? b.type;
  });
function wamidOf(body: string): string {
  const index = sentTexts().lastIndexOf(body);
  expect(index, `a message "${body}" was sent`).toBeGreaterThanOrEqual(0);
  return (sends()[index]!.response as { messages: { id: string }[] }).messages[0]!.id;
}

describe("examples/vercel-next: app/api/whatsapp/route.ts", () => {
  it("is a Node.js route with the webhook's GET and POST", () => {
    expect(webhookRoute.runtime).toBe("nodejs");
    expect(typeof webhookRoute.GET).toBe("function");
    expect(typeof webhookRoute.POST).toBe("function");
  });

  it("answers Meta's challenge; without TABLE_NAME it warns loudly that the MemoryStore is per instance", async () => {
    const url = `${BASE}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${ENV.WHATSAPP_VERIFY_TOKEN}&hub.challenge=777`;
    const res = await webhookRoute.GET(new Request(url));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("777");
    expect((await webhookRoute.GET(new Request(url.replace("example-vercel-verify", "guess")))).status).toBe(403);
    expect(warn.mock.calls.map(String).join("\n")).toMatch(/TABLE_NAME is not set: using a MemoryStore, which lives in ONE/);
  });

  it("a signed text is echoed (read receipt + quoted reply) through the Graph API", async () => {
    const res = await post(text("hello vercel", "wamid.VERCEL1"));
    expect(res.status).toBe(200);
    expect(graph.requests.map((r) => r.body)).toEqual([
      { messaging_product: "whatsapp", status: "read", message_id: "wamid.VERCEL1" },
      {
        messaging_product: "whatsapp",
        to: USER,
        recipient_type: "individual",
        type: "text",
        context: { message_id: "wamid.VERCEL1" },
        text: { body: "hello vercel", preview_url: false },
      },
    ]);
  });

  it("a bad signature is 403, a missing one 401, and nothing is sent", async () => {
    expect((await post(text("x"), "sha256=" + "ab".repeat(32))).status).toBe(403);
    expect((await post(text("x"), null)).status).toBe(401);
    expect(graph.requests).toEqual([]);
  });

  it("on Vercel the 200 comes back before the bot's Graph API calls, which finish under waitUntil", async () => {
    const recorder = waitUntilRecorder();
    graph.respondOnce({ method: "POST", path: /\/messages$/ }, { status: 200, json: { success: true }, delayMs: 300 });
    const started = Date.now();
    const res = await insideVercel(recorder.waitUntil, () => within(2000, "the response", post(text("fast ack", "wamid.VERCEL2"))));
    const answeredAfter = Date.now() - started;
    expect(res.status).toBe(200);
    expect(graph.requests).toEqual([]); // the handler has not called the Graph API yet
    await within(5000, "the handlers", recorder.settled());
    const doneAfter = Date.now() - started;
    expect(sentTexts()).toEqual(["fast ack"]);
    expect(graph.requests[0]!.body).toMatchObject({ status: "read", message_id: "wamid.VERCEL2" });
    expect(doneAfter - answeredAfter).toBeGreaterThanOrEqual(250); // the delayed Graph answer came after the response
  });

  it("runs the shared /signup conversation across deliveries", async () => {
    await post(text("/signup"));
    expect(sentTexts()).toEqual(["What's your name?"]);
    await post(text("Dana"));
    await post(text("33"));
    expect(sentTexts().slice(1)).toEqual(["How old are you? (digits please)", "Confirm: Dana, 33?"]);
    await post(click(wamidOf("Confirm: Dana, 33?"), "yes"));
    expect(sentTexts().at(-1)).toBe("Welcome, Dana!");
  });
});

describe("examples/vercel-next: app/api/flows/signup/route.ts", () => {
  const url = `${BASE}/api/flows/signup`;

  it("is an Edge route with POST only", () => {
    expect(flowRoute.runtime).toBe("edge");
    expect(Object.keys(flowRoute).sort()).toEqual(["POST", "runtime"]);
  });

  it("INIT opens SIGN_UP; an empty name is an error on the screen; a name closes the flow", async () => {
    const init = seal({ version: "3.0", action: "INIT", flow_token: "signup-1" });
    const opened = await flowRoute.POST(flowRequest(url, init, SECRET));
    expect(opened.status).toBe(200);
    expect(open(await opened.text(), init)).toEqual({
      version: "3.0",
      screen: "SIGN_UP",
      data: { greeting: "Welcome! What's your name?" },
    });

    const empty = seal({ version: "3.0", action: "data_exchange", screen: "SIGN_UP", data: { name: " " }, flow_token: "signup-1" });
    expect(open(await (await flowRoute.POST(flowRequest(url, empty, SECRET))).text(), empty)).toEqual({
      version: "3.0",
      screen: "SIGN_UP",
      data: { error_message: "Please tell us your name." },
    });

    const named = seal({ version: "3.0", action: "data_exchange", screen: "SIGN_UP", data: { name: "Dana" }, flow_token: "signup-1" });
    expect(open(await (await flowRoute.POST(flowRequest(url, named, SECRET))).text(), named)).toEqual({
      version: "3.0",
      screen: "SUCCESS",
      data: { extension_message_response: { params: { flow_token: "signup-1", name: "Dana" } } },
    });
  });

  it("refuses an unsigned request (432)", async () => {
    const sealed = seal({ version: "3.0", action: "INIT" });
    expect((await flowRoute.POST(flowRequest(url, sealed, null))).status).toBe(432);
  });
});

describe("examples/vercel-next: the store", () => {
  let dynamo: LocalDynamo;
  beforeAll(async () => {
    dynamo = await startDynalite();
    setEnv("AWS_ACCESS_KEY_ID", LOCAL_AWS.accessKeyId);
    setEnv("AWS_SECRET_ACCESS_KEY", LOCAL_AWS.secretAccessKey);
  });
  afterAll(() => dynamo.close());

  it("is a MemoryStore without TABLE_NAME", async () => {
    expect(await createStore({})).toBeInstanceOf(MemoryStore);
  });

  it("with TABLE_NAME, a DynamoDbStore: a conversation survives a new bot instance per delivery (cold starts)", async () => {
    const env = {
      ...process.env,
      TABLE_NAME: await dynamo.table("vercel-example"),
      DYNAMODB_REGION: LOCAL_AWS.region,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
    };
    const store = await createStore(env);
    expect(store).toBeInstanceOf(DynamoDbStore);
    // Each delivery on a brand-new bot: nothing shared but the table.
    const deliver = async (payload: unknown) => {
      const wa = await createWebhookBot(env);
      const res = await wa.handleWebhook(signedRequest(SECRET, payload, { url: `${BASE}/api/whatsapp` }));
      expect(res.status).toBe(200);
    };
    await deliver(text("/signup"));
    await deliver(text("Noa"));
    await deliver(text("41"));
    expect(sentTexts()).toEqual(["What's your name?", "How old are you? (digits please)", "Confirm: Noa, 41?"]);
    await deliver(click(wamidOf("Confirm: Noa, 41?"), "yes"));
    expect(sentTexts().at(-1)).toBe("Welcome, Noa!");
    const redelivered = text("echo once", "wamid.VERCEL-DUP");
    await deliver(redelivered);
    await deliver(redelivered); // Meta's retry, on another instance: claimed in DynamoDB, not handled twice
    expect(sentTexts().filter((t) => t === "echo once")).toHaveLength(1);
  });
});
