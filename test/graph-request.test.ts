import { createServer } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ExpiredAccessToken,
  GraphNetworkError,
  GraphResponseError,
  GraphTimeoutError,
  InvalidParameter,
  MessageUndeliverable,
  RateLimitHit,
  ReEngagementMessage,
  ThrottlingError,
  WhatsApp,
  WhatsAppError,
} from "@edgewa/core";
import { startGraphServer, type GraphServer, type RecordedRequest } from "./support/graph-server.ts";

/**
 * The Graph API transport over a real socket: retries (what, how often, how long),
 * timeouts, cancellation, typed errors, and that the token never leaks into any
 * error a caller can see or log.
 */
const TOKEN = "EAAGsecret-token-that-must-never-leak";
const quiet = { debug() {}, warn() {}, error() {} };
let server: GraphServer;
/** When the server answered each recorded request (its immediate answers: ≈ its arrival). */
const answeredAt = new WeakMap<RecordedRequest, number>();

beforeAll(async () => {
  server = await startGraphServer({ token: TOKEN, onRequest: (r) => answeredAt.set(r, performance.now()) });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

const client = (extra: object = {}) =>
  new WhatsApp({
    phoneId: "1234567890",
    token: TOKEN,
    graphUrl: server.url,
    logger: quiet,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  });
const send = (wa: WhatsApp, extra: object = {}) => wa.sendMessage({ to: "15551234567", text: "hi", ...extra });
const messages = { method: "POST", path: /\/messages$/ };
const sends = () => server.requests.filter((r) => r.path.endsWith("/messages"));

/** Everything a caller could see of an error: message, stack, JSON, inspect. */
function everything(error: unknown): string {
  return [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join("\n");
}

describe("retries", () => {
  it("retries a rate limit, honouring Retry-After, then succeeds", async () => {
    server.respondOnce(messages, { status: 429, json: { error: { message: "slow down", code: 130429, type: "OAuthException" } }, headers: { "retry-after": "0" } });
    const sent = await send(client());
    expect(sent.id).toMatch(/^wamid\./);
    expect(sends()).toHaveLength(2);
  });

  it("retries a 5xx that is not Graph JSON, up to maxAttempts, then throws GraphResponseError", async () => {
    for (let i = 0; i < 3; i++) server.respondOnce(messages, { status: 502, text: "<html>Bad Gateway</html>" });
    const error = await send(client({ retry: { maxAttempts: 3, baseDelayMs: 1 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphResponseError);
    expect((error as GraphResponseError).statusCode).toBe(502);
    expect(sends()).toHaveLength(3);
  });

  it("retries Graph throttling codes even with a 400 status", async () => {
    server.respondWithError(messages, { status: 400, code: 131056, message: "pair rate limit" });
    await send(client());
    expect(sends()).toHaveLength(2);
  });

  it("never retries a non-retryable error: it throws the typed error after one request", async () => {
    server.respondWithError(messages, { status: 400, code: 131047, subcode: 2494010, message: "Re-engagement message", details: "More than 24 hours have passed" });
    const error = await send(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReEngagementMessage);
    expect(error).toBeInstanceOf(WhatsAppError);
    const e = error as ReEngagementMessage;
    expect([e.code, e.subcode, e.statusCode, e.details]).toEqual([131047, 2494010, 400, "More than 24 hours have passed"]);
    expect(e.fbtraceId).toBeTruthy();
    expect(sends()).toHaveLength(1);
  });

  it("gives up at once when Retry-After is beyond the retry budget", async () => {
    server.respondOnce(messages, { status: 429, json: { error: { message: "later", code: 4 } }, headers: { "retry-after": "3600" } });
    const error = await send(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingError);
    expect(sends()).toHaveLength(1);
  });

  it("retry: false makes a single attempt", async () => {
    server.respondOnce(messages, { status: 503, text: "unavailable" });
    await expect(send(client(), { retry: false })).rejects.toBeInstanceOf(GraphResponseError);
    expect(sends()).toHaveLength(1);
  });
});

describe("the retry policy's timing and bounds", () => {
  const rateLimited = (retryAfter: string) =>
    server.respondOnce(messages, { status: 429, json: { error: { message: "slow down", code: 130429, type: "OAuthException" } }, headers: { "retry-after": retryAfter } });

  it("Retry-After: 1 makes the retry arrive at least ~1 s after the first attempt", async () => {
    rateLimited("1");
    // The client's own backoff is at most 20 ms: only Retry-After explains a 1 s gap.
    const sent = await send(client());
    expect(sent.id).toMatch(/^wamid\./);
    const [first, second] = sends();
    expect(sends()).toHaveLength(2);
    const gap = answeredAt.get(second!)! - answeredAt.get(first!)!;
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(5_000);
  });

  it("the default policy makes exactly 4 attempts at four 503s, then throws the typed error", async () => {
    // A fifth request would get the route's normal answer, and the send would succeed.
    for (let i = 0; i < 4; i++) server.respondOnce(messages, { status: 503, text: "<html>Service Unavailable</html>" });
    const wa = new WhatsApp({ phoneId: "1234567890", token: TOKEN, graphUrl: server.url, logger: quiet });
    const error = await send(wa).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphResponseError);
    expect((error as GraphResponseError).statusCode).toBe(503);
    expect((error as GraphResponseError).body).toBe("<html>Service Unavailable</html>");
    expect(sends()).toHaveLength(4);
  });

  it("maxTotalMs: no retry starts when its wait would end past the budget", async () => {
    for (let i = 0; i < 3; i++) rateLimited("1");
    const wa = client({ retry: { maxAttempts: 10, maxTotalMs: 1_500 } });
    const started = performance.now();
    const error = await send(wa).catch((e: unknown) => e);
    const took = performance.now() - started;
    expect(error).toBeInstanceOf(RateLimitHit);
    expect(error).toBeInstanceOf(ThrottlingError);
    // Attempt 1 at 0 s, waits 1 s (ends at 1 s ≤ 1.5 s); attempt 2 at ~1 s would wait
    // until ~2 s > 1.5 s: it gives up right away instead of sleeping first.
    expect(sends()).toHaveLength(2);
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(1_800);
  });

  it("new WhatsApp({ timeoutMs }) bounds every attempt of a call that never gets an answer", async () => {
    for (let i = 0; i < 4; i++) server.respondOnce(messages, { status: 200, json: {}, delayMs: 60_000 });
    const wa = client({ timeoutMs: 50 });
    const started = performance.now();
    const error = await send(wa).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTimeoutError);
    expect((error as GraphTimeoutError).timeoutMs).toBe(50);
    expect((error as GraphTimeoutError).message).toMatch(/timed out after 50 ms/);
    // Timeouts are retried: four attempts of 50 ms and three short backoffs.
    expect(sends()).toHaveLength(4);
    expect(performance.now() - started).toBeLessThan(3_000);
  }, 8_000);

  it.each([
    { code: 131009, status: 400, cls: InvalidParameter },
    { code: 100, status: 400, cls: WhatsAppError },
    { code: 190, status: 401, cls: ExpiredAccessToken },
    { code: 131026, status: 400, cls: MessageUndeliverable },
  ])("never retries Graph error $code (HTTP $status)", async ({ code, status, cls }) => {
    server.respondWithError(messages, { status, code, message: "nope" });
    const error = await send(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect((error as WhatsAppError).code).toBe(code);
    expect(sends()).toHaveLength(1);
  });
});

describe("timeouts and cancellation", () => {
  it("a slow answer times out per attempt with GraphTimeoutError", async () => {
    server.respondOnce(messages, { status: 200, json: {}, delayMs: 500 });
    const started = Date.now();
    const error = await send(client(), { timeoutMs: 50, retry: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTimeoutError);
    expect((error as GraphTimeoutError).timeoutMs).toBe(50);
    expect(Date.now() - started).toBeLessThan(450);
  });

  it("an AbortSignal cancels the call, also while waiting to retry", async () => {
    server.respondOnce(messages, { status: 429, json: { error: { message: "x", code: 130429 } }, headers: { "retry-after": "5" } });
    const controller = new AbortController();
    const pending = send(client({ retry: { maxTotalMs: 60_000 } }), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await expect(pending).rejects.toThrow("user gave up");
    expect(sends()).toHaveLength(1);
  });

  it("a refused connection is a GraphNetworkError, retried", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const wa = client({ graphUrl: `http://127.0.0.1:${port}`, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const error = await send(wa).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphNetworkError);
  });
});

describe("the token", () => {
  it("is sent only as a Bearer Authorization header", async () => {
    await send(client());
    const [request] = sends();
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(request!.query)).not.toContain(TOKEN);
    expect(JSON.stringify(request!.body)).not.toContain(TOKEN);
  });

  it("appears in no error on any error path", async () => {
    const paths: (() => Promise<unknown>)[] = [
      () => (server.respondWithError(messages, { status: 400, code: 100, message: `Invalid OAuth access_token=${TOKEN}` }), send(client())),
      () => (server.respondWithError(messages, { status: 401, code: 190, message: "Error validating access token" }), send(client())),
      () => (server.respondOnce(messages, { status: 500, text: `<html>oops ${TOKEN}</html>` }), send(client(), { retry: false })),
      () => (server.respondOnce(messages, { status: 200, text: "not json" }), send(client())),
      () => (server.respondOnce(messages, { status: 200, json: {}, delayMs: 300 }), send(client(), { timeoutMs: 20, retry: false })),
      () => send(client({ graphUrl: "http://127.0.0.1:1" }), { retry: false }),
      () => send(client({ token: "wrong-token" })),
    ];
    for (const path of paths) {
      const error = await path().then(
        () => new Error("expected a failure"),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(everything(error)).not.toContain(TOKEN);
    }
  });

  it("appears in no log line when a handler's send fails", async () => {
    const lines: string[] = [];
    const logger = { debug: (...a: unknown[]) => void lines.push(a.map((x) => inspect(x)).join(" ")), warn: (...a: unknown[]) => void lines.push(a.map((x) => inspect(x)).join(" ")), error: (...a: unknown[]) => void lines.push(a.map((x) => inspect(x)).join(" ")) };
    const wa = new WhatsApp({ phoneId: "1234567890", token: TOKEN, graphUrl: server.url, logger, retry: { maxAttempts: 1 } });
    wa.onMessage((_, msg) => msg.reply("hi"));
    server.respondWithError(messages, { status: 400, code: 100, message: `Invalid parameter access_token=${TOKEN}` });
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "W", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp", metadata: { display_phone_number: "1", phone_number_id: "1234567890" },
      contacts: [{ profile: { name: "U" }, wa_id: "15551234567" }],
      messages: [{ from: "15551234567", id: "wamid.LOG", timestamp: "1", type: "text", text: { body: "x" } }] } }] }] });
    await wa.webhookUpdateHandler(body);
    expect(lines.join("\n")).toContain("Invalid parameter");
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("a client without a token says how to give one", async () => {
    const wa = new WhatsApp({ phoneId: "1234567890", graphUrl: server.url, logger: quiet });
    await expect(send(wa)).rejects.toThrow(/pass `token`/);
  });
});

describe('host: "api" (api.facebook.com, unversioned)', () => {
  const path = "/WABA_ID/message_templates/archive";

  /**
   * A client on Meta's own graphUrl. api.facebook.com cannot be reached from a test, so
   * its fetch records the URL and Authorization header edgewa chose, then forwards
   * the request to the local server (which checks the token as Meta would).
   */
  function metaClient() {
    const seen: { url: string; authorization: string | null }[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = new URL(String(input));
      seen.push({ url: url.href, authorization: new Headers(init?.headers).get("authorization") });
      return globalThis.fetch(`${server.url}${url.pathname}${url.search}`, init);
    };
    return { wa: new WhatsApp({ phoneId: "1234567890", token: TOKEN, logger: quiet, fetch, retry: { maxAttempts: 1 } }), seen };
  }

  it("goes to https://api.facebook.com{path}, with no version, carrying the token", async () => {
    const { wa, seen } = metaClient();
    server.respondOnce({ method: "POST", path }, { status: 200, json: { archived_templates: ["1"] } });
    const answer = await wa.api.request({ method: "POST", host: "api", path, query: { a: 1 }, json: { hsm_ids: "1" } });
    expect(answer).toEqual({ archived_templates: ["1"] });
    expect(seen).toEqual([{ url: `https://api.facebook.com${path}?a=1`, authorization: `Bearer ${TOKEN}` }]);
    expect(wa.api.url({ path, host: "api" })).toBe(`https://api.facebook.com${path}`);
    expect(wa.api.url({ path })).toBe(`https://graph.facebook.com/v25.0${path}`);
  });

  it("with a graphUrl of its own (tests, the playground), goes to {graphUrl}{path}, also unversioned", async () => {
    server.respondOnce({ method: "POST", path }, { status: 200, json: { archived_templates: [] } });
    const wa = client();
    await wa.api.request({ method: "POST", host: "api", path, json: { hsm_ids: "1" } });
    expect(server.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([["POST", path, `Bearer ${TOKEN}`]]);
    expect(wa.api.url({ path, host: "api" })).toBe(`${server.url}${path}`);
  });

  it("trusting api.facebook.com hands the token to no other host", async () => {
    const { wa, seen } = metaClient();
    const elsewhere = [
      { path: "https://api.facebook.com.evil.example/x" },
      { path: "http://api.facebook.com/x" }, // not https
      { path: "https://evil.example/api.facebook.com/x" },
      { path: ".evil.example/x", host: "api" as const }, // → https://api.facebook.com.evil.example/x
      { path: "@evil.example/x", host: "api" as const }, // → userinfo "api.facebook.com", host evil.example
    ];
    for (const req of elsewhere) await wa.api.request({ method: "GET", retry: false, ...req }).catch(() => undefined);
    expect(seen.map((s) => new URL(s.url).hostname)).toEqual([
      "api.facebook.com.evil.example", "api.facebook.com", "evil.example", "api.facebook.com.evil.example", "evil.example",
    ]);
    expect(seen.map((s) => s.authorization)).toEqual([null, null, null, null, null]);
    // The local server saw the same five requests, none with the token anywhere.
    expect(server.requests).toHaveLength(5);
    for (const r of server.requests) expect(JSON.stringify(r)).not.toContain(TOKEN);
  });
});
