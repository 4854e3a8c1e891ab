import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ExpiredAccessToken,
  GraphNetworkError,
  GraphResponseError,
  GraphTimeoutError,
  InvalidParameter,
  MediaUploadError,
  RateLimitHit,
  RecipientNotInAllowedList,
  WhatsApp,
  WhatsAppError,
  type Logger,
} from "@edgewa/core";
import { downloadMedia, getMediaBytes, uploadMedia } from "../packages/core/src/client/media/index.ts";
import { getMediaUrl } from "../packages/core/src/client/media/url.ts";
import { sendMessage } from "../packages/core/src/client/send/text.ts";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";

/**
 * The access token appears in no error and no log line, on every error path of the
 * Graph calls and media methods. The token is deliberately not shaped like Meta's
 * (`EAA…`): pattern-based redaction cannot catch it, so a pass here means edgewa never
 * put it anywhere, not that a regex masked it afterwards. Each path is run twice: once
 * called directly (the thrown error, its whole cause chain, in every form a caller
 * could print), once inside a webhook handler (everything the client's logger received).
 */
const TOKEN = "SECRET-TOKEN-abc123";
const PHONE_ID = "1234567890";
const USER = "15551234567";
const messages = { method: "POST", path: /\/messages$/ };
const mediaUpload = { method: "POST", path: `/v25.0/${PHONE_ID}/media` };
const cdn = { method: "GET", path: /^\/media-download\// };

let server: GraphServer;
/** A port nothing listens on. */
let refusedPort: number;
/** Accepts connections and drops them as soon as the request starts arriving. */
let dropper: Server;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = await startGraphServer({ token: TOKEN });
  refusedPort = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
  dropper = createServer((socket) => {
    sockets.add(socket);
    socket.once("data", () => socket.destroy());
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => dropper.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => dropper.close(resolve));
  await server.close();
});
beforeEach(() => server.clear());

// ── What "anywhere" means ────────────────────────────────────────────────────────────

/** The error and every error it leads to (`cause`, an AggregateError's `errors`). */
function chain(error: unknown, seen = new Set<unknown>()): unknown[] {
  if (error === null || error === undefined || seen.has(error)) return [];
  seen.add(error);
  const out: unknown[] = [error];
  if (typeof error === "object") {
    out.push(...chain((error as { cause?: unknown }).cause, seen));
    const nested = (error as { errors?: unknown }).errors;
    if (Array.isArray(nested)) for (const e of nested) out.push(...chain(e, seen));
  }
  return out;
}

/** Every way a caller might turn one error into text. */
function renderings(error: unknown): string[] {
  const out: string[] = [];
  const safe = (f: () => unknown) => {
    try {
      const v = f();
      if (typeof v === "string") out.push(v);
    } catch {
      // A rendering that throws shows nothing.
    }
  };
  for (const e of chain(error)) {
    safe(() => String(e));
    safe(() => (e as Error).message);
    safe(() => (e as Error).stack);
    safe(() => JSON.stringify(e));
    safe(() => inspect(e, { depth: 20, showHidden: true, getters: true }));
    if (typeof e === "object" && e !== null) {
      // Own properties, enumerable or not (e.g. `responseBody`), one by one.
      for (const key of Reflect.ownKeys(e)) {
        safe(() => inspect((e as Record<PropertyKey, unknown>)[key], { depth: 20, showHidden: true }));
        safe(() => JSON.stringify((e as Record<PropertyKey, unknown>)[key]));
      }
    }
  }
  return out;
}

/** A Bearer credential, unless masked (a server may echo the header: it is then `Bearer [redacted]`). */
const BEARER = /\bbearer\s+(?!\[redacted\])\S/i;
/** An Authorization header with a value, unless masked. */
const AUTHORIZATION_HEADER = /\bauthorization["']?\s*[:=]\s*["']?(?!(?:bearer\s+)?\[redacted\])\S/i;

function expectNoSecret(texts: string[], where: string): void {
  const all = texts.join("\n----\n");
  expect(all.includes(TOKEN), `${where}: the token`).toBe(false);
  expect(BEARER.test(all), `${where}: a Bearer credential`).toBe(false);
  expect(AUTHORIZATION_HEADER.test(all), `${where}: an Authorization header`).toBe(false);
}

interface Capture {
  logger: Logger;
  /** Each call, every argument rendered as inspect shows it (deeply, hidden fields too). */
  lines: string[];
}

function capturingLogger(): Capture {
  const lines: string[] = [];
  const record = (level: string) => (...args: unknown[]) =>
    void lines.push(`${level} ${args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 20, showHidden: true }))).join(" ")}`);
  return { lines, logger: { debug: record("debug"), warn: record("warn"), error: record("error") } };
}

function client(logger: Logger, extra: object = {}): WhatsApp {
  return new WhatsApp({
    phoneId: PHONE_ID,
    token: TOKEN,
    graphUrl: server.url,
    logger,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

let updates = 0;
/** A text message from USER, as Meta posts it: the handler under test runs on it. */
function textUpdate(): string {
  updates += 1;
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "WABA", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550000000", phone_number_id: PHONE_ID },
      contacts: [{ profile: { name: "U" }, wa_id: USER }],
      messages: [{ from: USER, id: `wamid.LEAK${updates}`, timestamp: "1700000000", type: "text", text: { body: "go" } }],
    } }] }],
  });
}

// ── The error paths ──────────────────────────────────────────────────────────────────

interface ErrorPath {
  name: string;
  /** What the call throws. */
  throws: abstract new (...args: never[]) => unknown;
  /** And what its message says, where that matters. */
  message?: RegExp;
  /** Client options besides the defaults (e.g. another graphUrl: a getter, as the ports are known only once beforeAll ran). */
  client?: object;
  /** Queue the server's answers; runs before each of the two runs. */
  arrange?: () => void;
  /** The call; `seen` collects anything else the token must stay out of (e.g. what a sink was aborted with). */
  run: (wa: WhatsApp, seen: unknown[]) => Promise<unknown>;
  /** The requests made (direct run), when the path reaches the server. */
  requests?: number;
}

const PIXEL = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

/** A sink that records what it was aborted with. */
function recordingSink(seen: unknown[], write?: (chunk: Uint8Array, controller: WritableStreamDefaultController) => void): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write: write ?? (() => {}),
    abort: (reason) => void seen.push(reason),
  });
}

const paths: ErrorPath[] = [
  {
    name: "getMediaUrl: Graph error (unknown media id)",
    throws: WhatsAppError,
    run: (wa) => getMediaUrl(wa, { mediaId: "404404" }),
    requests: 1,
  },
  {
    name: "getMediaUrl: Graph error whose message echoes access_token=…",
    throws: WhatsAppError,
    arrange: () => server.respondWithError({ method: "GET", path: "/v25.0/777" }, { status: 400, code: 100, message: `Invalid request https://graph.facebook.com/v25.0/777?access_token=${TOKEN}` }),
    run: (wa) => getMediaUrl(wa, { mediaId: "777" }),
    requests: 1,
  },
  {
    name: "getMediaBytes: the media URL (CDN) answers 404",
    throws: GraphResponseError,
    arrange: () => server.respondOnce(cdn, { status: 404, text: "<html><body>Not Found</body></html>", headers: { "content-type": "text/html" } }),
    run: (wa) => getMediaBytes(wa, { mediaId: server.addMedia(PIXEL, "image/jpeg") }),
    requests: 2,
  },
  {
    name: "getMediaBytes: a CDN URL given directly, unknown there (404)",
    throws: GraphResponseError,
    run: (wa) => getMediaBytes(wa, { url: `${server.url}/media-download/999?mid=999&ext=1&hash=abc` }),
    requests: 1,
  },
  {
    name: "uploadMedia: Graph error",
    throws: MediaUploadError,
    arrange: () => server.respondWithError(mediaUpload, { status: 400, code: 131053, message: "Media upload error", details: "Unsupported file type" }),
    run: (wa) => uploadMedia(wa, { media: new Blob([PIXEL], { type: "image/jpeg" }) }),
    requests: 1,
  },
  {
    name: "uploadMedia: connection refused",
    throws: GraphNetworkError,
    client: { get graphUrl() { return `http://127.0.0.1:${refusedPort}`; } },
    run: (wa) => uploadMedia(wa, { media: PIXEL, mimeType: "image/jpeg" }),
  },
  {
    name: "uploadMedia: the server drops the connection mid-request",
    throws: GraphNetworkError,
    client: { get graphUrl() { return `http://127.0.0.1:${(dropper.address() as AddressInfo).port}`; } },
    run: (wa) => uploadMedia(wa, { media: PIXEL, mimeType: "image/jpeg" }),
  },
  {
    name: "downloadMedia: the download fails (CDN 404); the sink is aborted with the error",
    throws: GraphResponseError,
    arrange: () => server.respondOnce(cdn, { status: 404, text: "<html>Not Found</html>" }),
    run: async (wa, seen) => {
      const sink = recordingSink(seen);
      const failed = await downloadMedia(wa, { mediaId: server.addMedia(PIXEL, "image/jpeg"), sink }).catch((e: unknown) => e);
      expect(seen, "the sink was aborted with the error").toContain(failed);
      throw failed;
    },
    requests: 2,
  },
  {
    name: "downloadMedia: the sink throws",
    throws: Error,
    run: (wa, seen) =>
      downloadMedia(wa, {
        mediaId: server.addMedia(PIXEL, "image/jpeg"),
        sink: recordingSink(seen, () => {
          throw new Error("disk full");
        }),
      }),
    requests: 2,
  },
  {
    name: "downloadMedia: the sink errors itself",
    throws: Error,
    run: (wa, seen) =>
      downloadMedia(wa, {
        mediaId: server.addMedia(PIXEL, "image/jpeg"),
        sink: recordingSink(seen, (_, controller) => controller.error(new Error("quota exceeded"))),
      }),
    requests: 2,
  },
  {
    name: "an AbortSignal aborts the call while it waits for the answer",
    throws: DOMException,
    message: /aborted/,
    arrange: () => server.respondOnce(messages, { status: 200, json: {}, delayMs: 60_000 }),
    run: (wa) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      return sendMessage(wa, { to: USER, text: "hi", signal: controller.signal });
    },
    requests: 1,
  },
  {
    name: "ThrottlingError once the retry budget is spent",
    throws: RateLimitHit,
    arrange: () => {
      for (let i = 0; i < 4; i++) {
        server.respondOnce(messages, { status: 429, json: { error: { message: "(#130429) Rate limit hit", code: 130429, type: "OAuthException" } }, headers: { "retry-after": "0" } });
      }
    },
    run: (wa) => sendMessage(wa, { to: USER, text: "hi" }),
    requests: 4,
  },
  {
    name: "a 5xx with an HTML body, after the retries",
    throws: GraphResponseError,
    arrange: () => {
      for (let i = 0; i < 4; i++) {
        server.respondOnce(messages, { status: 502, text: "<html><h1>502 Bad Gateway</h1></html>", headers: { "content-type": "text/html" } });
      }
    },
    run: (wa) => sendMessage(wa, { to: USER, text: "hi" }),
    requests: 4,
  },
  {
    name: "a 5xx HTML page that echoes the request's Authorization header",
    throws: GraphResponseError,
    message: /HTTP 500: <html><pre>Authorization: Bearer \[redacted\]<\/pre><\/html>$/,
    arrange: () => server.respondOnce(messages, { status: 500, text: `<html><pre>Authorization: Bearer ${TOKEN}</pre></html>` }),
    run: (wa) => sendMessage(wa, { to: USER, text: "hi", retry: false }),
    requests: 1,
  },
  {
    name: "Graph echoes the malformed token bare (\"Malformed access token …\")",
    throws: ExpiredAccessToken,
    message: /^Malformed access token \[redacted\] \(code 190\)$/,
    arrange: () => server.respondWithError(messages, { status: 400, code: 190, message: `Malformed access token ${TOKEN}`, type: "OAuthException" }),
    run: (wa) => sendMessage(wa, { to: USER, text: "hi" }),
    requests: 1,
  },
  {
    name: "a 5xx page that echoes the token bare",
    throws: GraphResponseError,
    message: /HTTP 502: <p>token \[redacted\] rejected<\/p>$/,
    arrange: () => server.respondOnce(messages, { status: 502, text: `<p>token ${TOKEN} rejected</p>` }),
    run: (wa) => sendMessage(wa, { to: USER, text: "hi", retry: false }),
    requests: 1,
  },
  {
    name: "a 200 answer that is not JSON and echoes the token",
    throws: GraphResponseError,
    message: /HTTP 200: debug: \[redacted\]$/,
    arrange: () => server.respondOnce(messages, { status: 200, text: `debug: ${TOKEN}` }),
    run: (wa) => sendMessage(wa, { to: USER, text: "hi" }),
    requests: 1,
  },
  {
    name: "a Graph error with results next to it that echo the token (kept as responseBody)",
    throws: WhatsAppError,
    arrange: () =>
      server.respondOnce(messages, {
        status: 400,
        json: {
          error: { message: "Some users could not be blocked", code: 139100, fbtrace_id: "Atrace" },
          block_users: { failed_users: [{ input: TOKEN, errors: [{ message: `not a user: ${TOKEN}`, code: 131009 }] }] },
        },
      }),
    run: async (wa) => {
      const failed = await sendMessage(wa, { to: USER, text: "hi" }).catch((e: unknown) => e);
      // The results are still there, masked.
      expect((failed as WhatsAppError).responseBody).toEqual({
        block_users: { failed_users: [{ input: "[redacted]", errors: [{ message: "not a user: [redacted]", code: 131009 }] }] },
      });
      throw failed;
    },
    requests: 1,
  },
  {
    name: "a send with an empty `to`: refused before any request",
    throws: TypeError,
    run: async (wa) => sendMessage(wa, { to: "", text: "hi" }),
    requests: 0,
  },
  {
    name: "a send to a recipient Graph refuses",
    throws: RecipientNotInAllowedList,
    arrange: () => server.respondWithError(messages, { status: 400, code: 131030, message: "Recipient phone number not in allowed list", details: "Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again." }),
    run: (wa) => sendMessage(wa, { to: "+1 (555) 000-0000", text: "hi" }),
    requests: 1,
  },
  {
    name: "the client's timeoutMs elapses (no answer)",
    throws: GraphTimeoutError,
    client: { timeoutMs: 40, retry: { maxAttempts: 1 } },
    arrange: () => server.respondOnce(messages, { status: 200, json: {}, delayMs: 60_000 }),
    run: (wa) => sendMessage(wa, { to: USER, text: "hi" }),
    requests: 1,
  },
  {
    name: "the server refuses the token (401, code 190)",
    throws: ExpiredAccessToken,
    client: { token: `${TOKEN}-but-revoked` },
    run: (wa) => sendMessage(wa, { to: USER, text: "hi" }),
    requests: 1,
  },
  {
    name: "a token no HTTP header can carry (a line break in it): refused before any request",
    throws: TypeError,
    message: /^The access token cannot go in an HTTP header/,
    client: { token: `${TOKEN}\nSECOND-LINE` },
    run: (wa) => sendMessage(wa, { to: USER, text: "hi" }),
    requests: 0,
  },
];

describe("the access token on every error path", () => {
  it.each(paths)("$name: not in the thrown error, its causes, or any rendering of them", async (path) => {
    const { logger, lines } = capturingLogger();
    const wa = client(logger, path.client);
    path.arrange?.();
    const seen: unknown[] = [];
    const error = await path.run(wa, seen).then(
      () => new Error("expected the call to fail"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(path.throws);
    expect((error as Error).message).not.toBe("expected the call to fail");
    if (path.message) expect((error as Error).message).toMatch(path.message);
    if (path.requests !== undefined) expect(server.requests).toHaveLength(path.requests);
    expectNoSecret(renderings(error), "the error");
    expectNoSecret(seen.flatMap(renderings), "what the sink was aborted with");
    expectNoSecret(lines, "the logger");
    expect(lines.join("\n")).not.toContain("SECOND-LINE");
    expect(renderings(error).join("\n")).not.toContain("SECOND-LINE");
  });

  it.each(paths)("$name: not in what the client logs when a handler fails with it", async (path) => {
    const { logger, lines } = capturingLogger();
    const wa = client(logger, path.client);
    let thrown: unknown;
    wa.onMessage(async () => {
      try {
        await path.run(wa, []);
      } catch (error) {
        thrown = error;
        throw error;
      }
    });
    path.arrange?.();
    await wa.webhookUpdateHandler(textUpdate());
    expect(thrown).toBeInstanceOf(path.throws);
    // The failure was logged, with its message: the check below has something to look at.
    const logged = lines.filter((l) => l.startsWith("error "));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).toContain((thrown as Error).message.split("\n")[0]!.slice(0, 40));
    expectNoSecret(lines, "the logger");
    expect(lines.join("\n")).not.toContain("SECOND-LINE");
  });
});

describe("masking the client's own token in Graph's answers", () => {
  it("never breaks the JSON it is in: a token that is also a JSON key still gives the typed error", async () => {
    // A server that checks no token, so that the client's token can be any string.
    const open = await startGraphServer();
    try {
      const wa = new WhatsApp({ phoneId: PHONE_ID, token: "message", graphUrl: open.url, logger: capturingLogger().logger, retry: { maxAttempts: 1 } });
      open.respondWithError(messages, { status: 400, code: 131009, message: "Parameter value is not valid", details: "message is missing" });
      const error = await sendMessage(wa, { to: USER, text: "hi" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameter);
      expect((error as InvalidParameter).graphMessage).toBe("Parameter value is not valid");
      expect((error as InvalidParameter).details).toBe("[redacted] is missing");
    } finally {
      await open.close();
    }
  });
});

describe("the client's logger", () => {
  it("masks the token even in an error a handler made up with it", async () => {
    const { logger, lines } = capturingLogger();
    const wa = client(logger);
    wa.onMessage(() => {
      throw new Error(`handler failed`, { cause: new Error(`called with ${TOKEN}`) });
    });
    await wa.webhookUpdateHandler(textUpdate());
    expect(lines.join("\n")).toContain("called with [redacted]");
    expect(lines.join("\n")).not.toContain(TOKEN);
  });
});
