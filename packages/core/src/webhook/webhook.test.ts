import { describe, expect, it, vi } from "vitest";
import { WhatsApp } from "../client/whatsapp.ts";
import type { WhatsAppOptions } from "../client/options.ts";
import type { Logger } from "../client/log.ts";
import { metaSignature, signedRequest, textPayload, waitUntilRecorder } from "../../../../test/support/webhook.ts";

const SECRET = "app-secret-0123456789";
const TOKEN = "EAAG-access-token-SECRET";
const VERIFY = "verify-me-please";

function silentLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  return { lines, debug: push, warn: push, error: push };
}

function client(options: Partial<WhatsAppOptions> = {}) {
  const logger = silentLogger();
  const wa = new WhatsApp({ phoneId: "1234567890", token: TOKEN, appSecret: SECRET, verifyToken: VERIFY, logger, ...options });
  return { wa, logger };
}

const get = (query: string, path = "/") => new Request(`https://bot.example${path}?${query}`);

describe("GET challenge", () => {
  it("echoes the challenge as text when mode is subscribe and the token matches", async () => {
    const { wa } = client();
    const res = await wa.fetch(get(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("1158201444");
  });

  it.each([
    ["a wrong token", `hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`],
    ["a token that is a prefix of ours", `hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1`],
    ["no mode", `hub.verify_token=${VERIFY}&hub.challenge=1`],
    ["another mode", `hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`],
    ["no token", `hub.mode=subscribe&hub.challenge=1`],
  ])("answers 403 to %s", async (_, query) => {
    const { wa } = client();
    const res = await wa.fetch(get(query));
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("1");
  });

  it("refuses every challenge when no verifyToken is configured", async () => {
    const { wa } = client({ verifyToken: undefined });
    const res = await wa.fetch(get(`hub.mode=subscribe&hub.verify_token=&hub.challenge=1`));
    expect(res.status).toBe(403);
  });

  it("is also available as webhookChallengeHandler for servers of your own", () => {
    const { wa } = client();
    expect(wa.webhookChallengeHandler(VERIFY, "42")).toEqual({ status: 200, body: "42" });
    expect(wa.webhookChallengeHandler("x", "42").status).toBe(403);
  });
});

describe("POST webhook", () => {
  it("runs the handler for a correctly signed update and answers 200", async () => {
    const { wa } = client();
    const seen: string[] = [];
    wa.onMessage((_, msg) => void seen.push(msg.text ?? ""));
    const res = await wa.fetch(signedRequest(SECRET, textPayload("hello")));
    expect(res.status).toBe(200);
    expect(seen).toEqual(["hello"]);
  });

  it("answers 401 without a signature header and runs no handler", async () => {
    const { wa } = client();
    const handler = vi.fn();
    wa.onMessage(handler);
    wa.onRawUpdate(handler);
    const res = await wa.fetch(signedRequest(SECRET, textPayload("x"), { signature: null }));
    expect(res.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ["signed with another secret", (body: string) => metaSignature("other-secret", body)],
    ["without the sha256= prefix", (body: string) => metaSignature(SECRET, body).slice(7)],
    ["truncated", (body: string) => metaSignature(SECRET, body).slice(0, 40)],
    ["not hex", () => `sha256=${"z".repeat(64)}`],
    ["over a different body", () => metaSignature(SECRET, "{}")],
  ])("answers 403 to a signature %s and runs no handler", async (_, sign) => {
    const { wa } = client();
    const handler = vi.fn();
    wa.onMessage(handler);
    wa.onRawUpdate(handler);
    const body = JSON.stringify(textPayload("x"));
    const res = await wa.fetch(signedRequest(SECRET, body, { signature: sign(body) }));
    expect(res.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it("checks the signature over the raw bytes, not re-serialised JSON", async () => {
    const { wa } = client();
    const handler = vi.fn();
    wa.onMessage(handler);
    // Whitespace and key order that JSON.stringify would not reproduce.
    const body = JSON.stringify(textPayload("spacing"), null, 3).replace('"object"', ' "object"');
    const res = await wa.fetch(signedRequest(SECRET, body));
    expect(res.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });

  it("answers 400 to a signed body that is not JSON", async () => {
    const { wa } = client();
    const res = await wa.fetch(signedRequest(SECRET, "{not json"));
    expect(res.status).toBe(400);
  });

  it("answers 413 to a body over the limit, declared or streamed", async () => {
    const { wa } = client({ maxBodyBytes: 1000 });
    const handler = vi.fn();
    wa.onRawUpdate(handler);
    const big = JSON.stringify({ object: "x", entry: [], pad: "a".repeat(2000) });
    expect((await wa.fetch(signedRequest(SECRET, big))).status).toBe(413);

    // No Content-Length: the body arrives as a stream and is cut off mid-way.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode("a".repeat(400)));
        if (pulled > 100) controller.close();
      },
    });
    const req = new Request("https://bot.example/", {
      method: "POST",
      body: stream,
      headers: { "x-hub-signature-256": metaSignature(SECRET, "x") },
      duplex: "half",
    } as RequestInit);
    expect((await wa.fetch(req)).status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(handler).not.toHaveBeenCalled();
  });

  it("default limit is 1 MiB", async () => {
    const { wa } = client();
    const payload = { object: "whatsapp_business_account", entry: [], pad: "a".repeat(1024 * 1024) };
    expect((await wa.fetch(signedRequest(SECRET, payload))).status).toBe(413);
    payload.pad = "a".repeat(1024 * 1024 - 100);
    expect((await wa.fetch(signedRequest(SECRET, payload))).status).toBe(200);
  });

  it("answers 200 when no handler matched", async () => {
    const { wa } = client();
    const handler = vi.fn();
    wa.onMessage((_, m) => m.text === "never", (_, m) => handler(m));
    expect((await wa.fetch(signedRequest(SECRET, textPayload("hi")))).status).toBe(200);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 200 when a handler threw, and hands the error to onError", async () => {
    const onError = vi.fn();
    const { wa } = client({ onError });
    wa.onMessage(() => {
      throw new Error("boom");
    });
    const res = await wa.fetch(signedRequest(SECRET, textPayload("hi")));
    expect(res.status).toBe(200);
    expect(onError).toHaveBeenCalledOnce();
    const [error, info] = onError.mock.calls[0]!;
    expect((error as Error).message).toBe("boom");
    expect(info).toEqual({ phase: "handler", kind: "message", updateId: "wamid.TEST1" });
  });

  it("logs a handler's error without any secret in it", async () => {
    const { wa, logger } = client();
    wa.onMessage(() => {
      throw new Error(`request failed with token ${TOKEN} and secret ${SECRET}`);
    });
    await wa.fetch(signedRequest(SECRET, textPayload("hi")));
    const logged = logger.lines.join("\n");
    expect(logged).toContain("request failed");
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(SECRET);
  });

  it("answers 405 to other methods on the webhook path and 404 elsewhere", async () => {
    const { wa } = client();
    const put = await wa.fetch(new Request("https://bot.example/", { method: "PUT", body: "x" }));
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    expect((await wa.fetch(new Request("https://bot.example/elsewhere"))).status).toBe(404);
    expect((await wa.fetch(signedRequest(SECRET, textPayload("x"), { url: "https://bot.example/other" }))).status).toBe(404);
  });

  it("serves a configured webhook path", async () => {
    const { wa } = client({ webhookEndpoint: "/api/whatsapp" });
    const handler = vi.fn();
    wa.onMessage(handler);
    expect((await wa.fetch(signedRequest(SECRET, textPayload("x")))).status).toBe(404);
    const res = await wa.fetch(signedRequest(SECRET, textPayload("x"), { url: "https://bot.example/api/whatsapp" }));
    expect(res.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });

  it("handleWebhook serves the webhook on any path (for platforms that route by themselves)", async () => {
    const { wa } = client();
    const handler = vi.fn();
    wa.onMessage(handler);
    const url = "https://bot.example/api/whatsapp";
    expect((await wa.handleWebhook(signedRequest(SECRET, textPayload("x"), { url }))).status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
    const challenge = await wa.handleWebhook(new Request(`${url}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=7`));
    expect(await challenge.text()).toBe("7");
    expect((await wa.handleWebhook(new Request(url, { method: "DELETE" }))).status).toBe(405);
    expect((await wa.handleWebhook(signedRequest(SECRET, textPayload("x"), { url, signature: null }))).status).toBe(401);
  });

  it("without appSecret, warns once that signatures are not checked, and accepts unsigned posts", async () => {
    const logger = silentLogger();
    const a = new WhatsApp({ phoneId: "1234567890", logger });
    new WhatsApp({ phoneId: "1234567890", logger });
    expect(logger.lines.filter((l) => l.includes("NOT checked"))).toHaveLength(1);
    const handler = vi.fn();
    a.onMessage(handler);
    const res = await a.fetch(signedRequest(SECRET, textPayload("x"), { signature: null }));
    expect(res.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });

  it("with appSecret, says nothing about signatures", () => {
    const { logger } = client();
    expect(logger.lines).toEqual([]);
  });

  it("webhookUpdateHandler takes raw bytes and the signature header", async () => {
    const { wa } = client();
    const handler = vi.fn();
    wa.onMessage(handler);
    const body = JSON.stringify(textPayload("raw"));
    expect(await wa.webhookUpdateHandler(new TextEncoder().encode(body), metaSignature(SECRET, body))).toEqual({
      status: 200,
      body: "OK",
    });
    expect((await wa.webhookUpdateHandler(body, "sha256=00")).status).toBe(403);
    expect(handler).toHaveBeenCalledOnce();
  });
});

describe("waitUntil", () => {
  it("returns 200 before the handlers run, and runs them inside waitUntil", async () => {
    const { wa } = client();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    wa.onMessage(async () => {
      order.push("handler started");
      await gate;
      order.push("handler finished");
    });
    const rec = waitUntilRecorder();
    const res = await wa.fetch(signedRequest(SECRET, textPayload("x")), { waitUntil: rec.waitUntil });
    order.push(`response ${res.status}`);
    expect(order[0]).toBe("response 200");
    release();
    await rec.settled();
    expect(order).toEqual(["response 200", "handler started", "handler finished"]);
  });

  it("takes waitUntil from a Workers-style (request, env, ctx) call", async () => {
    const { wa } = client();
    const handler = vi.fn();
    wa.onMessage(handler);
    const rec = waitUntilRecorder();
    const ctx = { waitUntil: rec.waitUntil, passThroughOnException() {} };
    const res = await wa.fetch(signedRequest(SECRET, textPayload("x")), { SOME_BINDING: "x" }, ctx);
    expect(res.status).toBe(200);
    await rec.settled();
    expect(handler).toHaveBeenCalledOnce();
  });

  it("still refuses bad signatures and bad JSON synchronously", async () => {
    const { wa } = client();
    const rec = waitUntilRecorder();
    expect((await wa.fetch(signedRequest(SECRET, "nope", { signature: "sha256=1" }), rec)).status).toBe(403);
    expect((await wa.fetch(signedRequest(SECRET, "nope"), rec)).status).toBe(400);
  });
});
