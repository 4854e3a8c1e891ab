import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WhatsApp } from "@edgewa/core";

/**
 * `streamMedia` really streams (issue 3, item 3): a local route sends the first
 * 64 KiB of a media body and holds the rest until the test releases it. The
 * stream's first read must resolve while the rest is still held; a client that
 * buffered the whole download would wait for the release, which never comes first.
 *
 * The route is the client's `graphUrl` host, so the download is trusted and carries
 * the token, as a download from Meta's CDN does.
 */
const TOKEN = "stream-test-token";
const PHONE_ID = "1234567890";
const MEDIA_ID = "778899";
const HEAD = 64 * 1024;
const TAIL = 448 * 1024;
const quiet = { debug() {}, warn() {}, error() {} };

/** Deterministic bytes, so a misplaced chunk shows. */
function pattern(size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const MEDIA = pattern(HEAD + TAIL);

interface Held {
  headers: IncomingHttpHeaders;
  /** Sends the rest of the body and ends it. */
  release(): void;
  released: boolean;
}

let server: Server;
let base: string;
let wa: WhatsApp;
let downloads: Held[] = [];
let lookups: { path: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", base).pathname;
    if (req.method === "GET" && path === `/v25.0/${MEDIA_ID}`) {
      // getMediaUrl's lookup: Meta's answer, pointing at the held download.
      lookups.push({ path, headers: req.headers });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: MEDIA_ID, url: `${base}/media/held?ext=1`, mime_type: "video/mp4", sha256: "x", file_size: MEDIA.byteLength }));
      return;
    }
    if (req.method === "GET" && path === "/media/held") {
      res.writeHead(200, { "content-type": "video/mp4", "content-length": String(MEDIA.byteLength) });
      res.write(MEDIA.subarray(0, HEAD));
      const held: Held = {
        headers: req.headers,
        released: false,
        release() {
          held.released = true;
          res.end(MEDIA.subarray(HEAD));
        },
      };
      downloads.push(held);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, graphUrl: base, logger: quiet, retry: { maxAttempts: 1 } });
});
afterAll(async () => {
  for (const held of downloads) if (!held.released) held.release();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  downloads = [];
  lookups = [];
});

/** `promise`, or a failure naming `what` after `ms`: a stalled read fails the test instead of hanging it. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads the held head (all of it, while the tail is held), releases the tail, reads
 * to the end, and checks every byte.
 */
async function readHeldDownload(stream: ReadableStream<Uint8Array>): Promise<void> {
  expect(downloads).toHaveLength(1);
  const held = downloads[0]!;
  const reader = stream.getReader();
  const head: Uint8Array[] = [];

  const first = await within(reader.read(), 5_000, "the first read, before the release");
  expect(first.done).toBe(false);
  expect(held.released).toBe(false);
  expect(first.value!.byteLength).toBeGreaterThan(0);
  head.push(first.value!);
  while (head.reduce((n, c) => n + c.byteLength, 0) < HEAD) {
    const next = await within(reader.read(), 5_000, "the rest of the first 64 KiB, before the release");
    expect(next.done).toBe(false);
    head.push(next.value!);
  }
  expect(held.released).toBe(false);
  // Exactly what was sent so far, and nothing from the held tail.
  expect(Buffer.from(concat(head)).equals(Buffer.from(MEDIA.subarray(0, HEAD)))).toBe(true);

  held.release();
  const rest: Uint8Array[] = [];
  for (;;) {
    const next = await within(reader.read(), 5_000, "the tail, after the release");
    if (next.done) break;
    rest.push(next.value);
  }
  const all = concat([...head, ...rest]);
  expect(all.byteLength).toBe(MEDIA.byteLength);
  expect(Buffer.from(all).equals(Buffer.from(MEDIA))).toBe(true);

  // The graphUrl host is trusted: the download carried the token and the client's User-Agent.
  expect(held.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(held.headers["user-agent"]).toMatch(/^edgewa\//);
}

describe("streamMedia streams", () => {
  it("by url: the first read resolves while the tail is held; the whole media after the release", async () => {
    const stream = await within(wa.streamMedia({ url: `${base}/media/held?ext=1` }), 5_000, "streamMedia's response");
    expect(stream).toBeInstanceOf(ReadableStream);
    await readHeldDownload(stream);
    expect(lookups).toHaveLength(0);
  });

  it("by mediaId: the URL lookup, then the same held download, streamed", async () => {
    const stream = await within(wa.streamMedia({ mediaId: MEDIA_ID }), 5_000, "streamMedia's response");
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await readHeldDownload(stream);
  });
});
