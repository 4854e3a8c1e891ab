import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { open, rsaKeys, seal } from "../support/flow-crypto.ts";
import { PHONE_ID, USER, click, sticker, text } from "../support/payloads.ts";
import { metaSignature } from "../support/webhook.ts";
import { bundleWorker } from "./support/bundle.ts";
import { readReceipts, sentTexts, sends, timesSent, wamidOf } from "./support/graph.ts";
import { postWebhook, sleep, startWorker, until } from "./support/runtime.ts";

/**
 * The example bot (examples/cloudflare, exactly what the root wrangler.toml deploys)
 * in workerd: webhooks signed as Meta signs them, Graph API calls going to the local
 * Graph API server on 127.0.0.1, state in real Durable Objects.
 */
const TOKEN = "cf-example-token";
const SECRET = "cf-example-app-secret";
const VERIFY = "cf-example-verify";
let server: GraphServer;
let script: string;
let mf: Miniflare;

const bindings = () => ({
  WHATSAPP_PHONE_ID: PHONE_ID,
  WHATSAPP_TOKEN: TOKEN,
  WHATSAPP_APP_SECRET: SECRET,
  WHATSAPP_VERIFY_TOKEN: VERIFY,
  WHATSAPP_GRAPH_URL: server.url,
});

beforeAll(async () => {
  [server, script] = await Promise.all([startGraphServer({ token: TOKEN }), bundleWorker("examples/cloudflare/src/index.ts")]);
  mf = startWorker({ script, bindings: bindings() });
  await mf.ready;
});
afterAll(async () => {
  await mf?.dispose();
  await server?.close();
});
beforeEach(() => server.clear());

describe("the webhook", () => {
  it("answers Meta's verification challenge with the verify token from env, and 403 without it", async () => {
    const ok = await mf.dispatchFetch(`https://bot.example/?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect([ok.status, await ok.text()]).toEqual([200, "1158201444"]);
    const wrong = await mf.dispatchFetch("https://bot.example/?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1");
    expect(wrong.status).toBe(403);
  });

  it("a signed text → the echo handler → a reply and a read receipt reach the local Graph API server", async () => {
    const payload = text("hello from workerd");
    const wamid = (payload.entry[0]!.changes[0]!.value as unknown as { messages: { id: string }[] }).messages[0]!.id;
    expect((await postWebhook(mf, SECRET, payload)).status).toBe(200);
    await until(() => sends(server).length === 1 && readReceipts(server).length === 1, { what: "the echo" });
    const [reply] = sends(server);
    expect(reply!.path).toBe(`/v25.0/${PHONE_ID}/messages`);
    expect(reply!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(reply!.body).toMatchObject({
      messaging_product: "whatsapp",
      to: USER,
      type: "text",
      text: { body: "hello from workerd" },
      context: { message_id: wamid },
    });
    expect(readReceipts(server)[0]!.body).toMatchObject({ status: "read", message_id: wamid });
  });

  it("401 without a signature, 403 with a wrong one, and no handler runs", async () => {
    expect((await postWebhook(mf, SECRET, text("unsigned"), { signature: null })).status).toBe(401);
    expect((await postWebhook(mf, SECRET, text("forged"), { signature: `sha256=${"0".repeat(64)}` })).status).toBe(403);
    expect((await postWebhook(mf, "another-secret", text("wrong key"))).status).toBe(403);
    await sleep(300);
    expect(server.requests).toEqual([]);
  });

  it("ten concurrent redeliveries of one update: the handler runs exactly once", async () => {
    const payload = text("only once");
    const results = await Promise.all(Array.from({ length: 10 }, () => postWebhook(mf, SECRET, payload)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    await until(() => timesSent(server, "only once") >= 1, { what: "the echo" });
    await sleep(500); // room for a second run, if there were one
    expect(timesSent(server, "only once")).toBe(1);
    expect(readReceipts(server)).toHaveLength(1);
    // And a redelivery after it finished is acknowledged and skipped.
    expect((await postWebhook(mf, SECRET, payload)).status).toBe(200);
    await sleep(200);
    expect(timesSent(server, "only once")).toBe(1);
  });

  it("refuses to run without its secrets: 500, and says which are missing", async () => {
    const bare = startWorker({ script, bindings: { WHATSAPP_GRAPH_URL: server.url } });
    try {
      expect((await postWebhook(bare, SECRET, text("hi"))).status).toBe(500);
    } finally {
      await bare.dispose();
    }
  });
});

describe("the signup conversation with DurableObjectStore, each delivery in a fresh runtime", () => {
  let dir: string;
  let runtime: Miniflare | undefined;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "edgewa-cf-"))));
  afterAll(async () => {
    await runtime?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One delivery: a new workerd process (new isolate, new Durable Object instances) over the same persisted storage. */
  async function deliver(payload: object): Promise<number> {
    await runtime?.dispose();
    runtime = startWorker({ script, bindings: bindings(), persistTo: dir });
    return (await postWebhook(runtime, SECRET, payload)).status;
  }
  const settle = (count: number) => until(() => sentTexts(server).length >= count, { what: `${count} messages sent` });

  it("asks each question once, swallows and passes on what it should, and welcomes", async () => {
    expect(await deliver(text("/signup"))).toBe(200);
    await settle(1);
    expect(sentTexts(server)).toEqual(["What's your name?"]);

    // A sticker while the name is awaited: swallowed (the media handler would react to it).
    expect(await deliver(sticker())).toBe(200);
    expect(await deliver(text("Dana"))).toBe(200);
    await settle(2);
    expect(sentTexts(server)).toEqual(["What's your name?", "How old are you? (digits please)"]);

    // Not digits while the age is awaited (ignoreUpdates: false): the echo handler gets it.
    expect(await deliver(text("thirty"))).toBe(200);
    await settle(3);
    expect(await deliver(text("30"))).toBe(200);
    await settle(4);
    expect(sentTexts(server)).toEqual(["What's your name?", "How old are you? (digits please)", "thirty", "Confirm: Dana, 30?"]);

    expect(await deliver(click(wamidOf(server, "Confirm: Dana, 30?"), "yes"))).toBe(200);
    await settle(5);
    // Over: the next text is echoed.
    expect(await deliver(text("hello again"))).toBe(200);
    await settle(6);
    await sleep(300);
    expect(sentTexts(server)).toEqual([
      "What's your name?",
      "How old are you? (digits please)",
      "thirty",
      "Confirm: Dana, 30?",
      "Welcome, Dana!",
      "hello again",
    ]);
  });
});

describe("the signup flow endpoint (/flows/signup), encrypted as the WhatsApp client does", () => {
  const keys = rsaKeys();
  let flows: Miniflare;
  beforeAll(async () => {
    flows = startWorker({ script, bindings: { ...bindings(), WHATSAPP_PRIVATE_KEY: keys.privateKey } });
    await flows.ready;
  });
  afterAll(() => flows?.dispose());

  async function exchange(payload: unknown, { publicKey = keys.publicKey, secret = SECRET } = {}) {
    const sealed = seal(payload, publicKey);
    const response = await flows.dispatchFetch("https://bot.example/flows/signup", {
      method: "POST",
      body: sealed.text,
      headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(secret, sealed.text) },
    });
    const body = await response.text();
    return { status: response.status, body, open: () => open(body, sealed) };
  }

  it("ping, INIT, a refused and an accepted data_exchange: each answer decrypts to the next screen", async () => {
    const ping = await exchange({ version: "3.0", action: "ping" });
    expect(ping.status).toBe(200);
    expect(ping.open()).toEqual({ data: { status: "active" } });

    const init = await exchange({ version: "3.0", action: "INIT", flow_token: "tok-1" });
    expect(init.open()).toEqual({ version: "3.0", screen: "SIGN_UP", data: { name: "", age: "" } });

    const refused = await exchange({ version: "3.0", action: "data_exchange", screen: "SIGN_UP", flow_token: "tok-1", data: { name: "Dana", age: "old" } });
    expect(refused.open()).toEqual({
      version: "3.0",
      screen: "SIGN_UP",
      data: { name: "Dana", age: "old", error_message: "Please give a name and an age in digits" },
    });

    const done = await exchange({ version: "3.0", action: "data_exchange", screen: "SIGN_UP", flow_token: "tok-1", data: { name: "Dana", age: "30" } });
    expect(done.open()).toEqual({
      version: "3.0",
      screen: "SUCCESS",
      data: { extension_message_response: { params: { flow_token: "tok-1", name: "Dana" } } },
    });
    // The profile went to KV (through KvStore: the value inside a versioned record).
    const kv = await flows.getKVNamespace("KV");
    expect(await kv.get("profile:tok-1", "json")).toMatchObject({ v: { name: "Dana", age: 30 } });
  });

  it("421 when the request was encrypted for another key, 432 when its signature is wrong", async () => {
    expect((await exchange({ version: "3.0", action: "ping" }, { publicKey: rsaKeys().publicKey })).status).toBe(421);
    expect((await exchange({ version: "3.0", action: "ping" }, { secret: "not-the-app-secret" })).status).toBe(432);
  });

  it("without WHATSAPP_PRIVATE_KEY there is no flow endpoint (404)", async () => {
    const sealed = seal({ version: "3.0", action: "ping" }, keys.publicKey);
    const response = await mf.dispatchFetch("https://bot.example/flows/signup", { method: "POST", body: sealed.text });
    expect(response.status).toBe(404);
  });
});
