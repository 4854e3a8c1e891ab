import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WhatsApp } from "@edgewa/core";
import { resolveMediaParam } from "../packages/core/src/client/media/index.ts";
import { startGraphServer, type GraphServer, type RecordedRequest } from "./support/graph-server.ts";

/**
 * The media methods against the local Graph API server, over a real socket: what
 * the multipart upload carries (fields, filename, part type, size, SHA-256 of the
 * bytes), downloads with their headers, and how a send's media argument resolves.
 */
const PHONE_ID = "1234567890";
const TOKEN = "test-token";
const quiet = { debug() {}, warn() {}, error() {} };

let server: GraphServer;
let wa: WhatsApp;

beforeAll(async () => {
  server = await startGraphServer({ token: TOKEN });
  wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, graphUrl: server.url, logger: quiet, retry: { maxAttempts: 1 } });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Deterministic, non-repeating-looking bytes. */
function pattern(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function uploads(): RecordedRequest[] {
  return server.requests.filter((r) => r.method === "POST" && /\/media$/.test(r.path));
}
function onlyUpload(): RecordedRequest {
  const all = uploads();
  expect(all).toHaveLength(1);
  return all[0]!;
}

function streamOf(bytes: Uint8Array, chunk = 4096): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      // A fresh copy per chunk, as a network or file stream would hand them out.
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("uploadMedia", () => {
  it("uploads a Uint8Array as multipart/form-data with pywa's default name and type", async () => {
    const bytes = pattern(3000);
    const media = await wa.uploadMedia({ media: bytes, mediaType: "image" });

    const req = onlyUpload();
    expect(req.path).toBe(`/v25.0/${PHONE_ID}/media`);
    // fetch wrote the body and its boundary: edgewa never sets this header itself.
    expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.form?.fields).toEqual({ messaging_product: "whatsapp", type: "image/jpeg" });
    expect(req.form?.files.file).toEqual({ filename: "image.jpg", type: "image/jpeg", size: 3000, sha256: sha256(bytes) });

    expect(media).toEqual({ id: expect.stringMatching(/^\d+$/), uploadedTo: PHONE_ID, filename: "image.jpg", mimeType: "image/jpeg" });
    expect(server.media(media.id)).toMatchObject({ mimeType: "image/jpeg", size: 3000, sha256: sha256(bytes) });
  });

  it("sends only a view's own bytes (a subarray, like a pooled Buffer)", async () => {
    const whole = pattern(10_000);
    const view = whole.subarray(1000, 5000);
    await wa.uploadMedia({ media: view, mimeType: "application/pdf", filename: "part.pdf" });
    expect(onlyUpload().form?.files.file).toEqual({ filename: "part.pdf", type: "application/pdf", size: 4000, sha256: sha256(view) });
  });

  it("uploads an ArrayBuffer, with an explicit MIME type and filename", async () => {
    const bytes = pattern(2048, 2);
    const media = await wa.uploadMedia({ media: bytes.buffer, mimeType: "application/pdf", filename: "report.pdf", mediaType: "document" });
    const req = onlyUpload();
    expect(req.form?.fields.type).toBe("application/pdf");
    expect(req.form?.files.file).toEqual({ filename: "report.pdf", type: "application/pdf", size: 2048, sha256: sha256(bytes) });
    expect(media.filename).toBe("report.pdf");
  });

  it("uploads a Blob with its own type, naming it by that type", async () => {
    const bytes = pattern(5000, 3);
    const media = await wa.uploadMedia({ media: new Blob([bytes], { type: "image/png" }), mediaType: "image" });
    const req = onlyUpload();
    expect(req.form?.fields.type).toBe("image/png");
    expect(req.form?.files.file).toEqual({ filename: "image.png", type: "image/png", size: 5000, sha256: sha256(bytes) });
    expect(media.mimeType).toBe("image/png");
  });

  it("uploads a File under its own name and type", async () => {
    const bytes = pattern(1234, 4);
    await wa.uploadMedia({ media: new File([bytes], "notes.txt", { type: "text/plain" }), mediaType: "document" });
    expect(onlyUpload().form?.files.file).toEqual({ filename: "notes.txt", type: "text/plain", size: 1234, sha256: sha256(bytes) });
  });

  it("guesses an untyped File's type from its name; an explicit filename wins over the File's", async () => {
    const bytes = pattern(999, 5);
    await wa.uploadMedia({ media: new File([bytes], "clip.mp4"), filename: "holiday.mp4" });
    const req = onlyUpload();
    expect(req.form?.fields.type).toBe("video/mp4");
    expect(req.form?.files.file).toEqual({ filename: "holiday.mp4", type: "video/mp4", size: 999, sha256: sha256(bytes) });
  });

  it("uploads a ReadableStream, collected into one file", async () => {
    const bytes = pattern(300_000, 6);
    const media = await wa.uploadMedia({ media: streamOf(bytes, 16_384), mediaType: "video" });
    expect(onlyUpload().form?.files.file).toEqual({ filename: "video.mp4", type: "video/mp4", size: 300_000, sha256: sha256(bytes) });
    expect(server.media(media.id)?.sha256).toBe(sha256(bytes));
  });

  it("sends large inputs (over a MiB, assembled piecewise on Node) byte for byte", async () => {
    const bytes = pattern(3 * 1024 * 1024 + 123, 15);
    const inputs = [bytes, bytes.buffer, new Blob([bytes]), streamOf(bytes, 100_000)];
    for (const media of inputs) await wa.uploadMedia({ media, mimeType: "video/mp4" });
    const files = uploads().map((r) => r.form?.files.file);
    expect(files).toHaveLength(4);
    for (const file of files) expect(file).toEqual({ filename: "file.mp4", type: "video/mp4", size: bytes.byteLength, sha256: sha256(bytes) });
  });

  it("stops reading a stream when the call is aborted", async () => {
    const controller = new AbortController();
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (c) => {
        c.enqueue(pattern(1024));
        controller.abort(new Error("user gave up"));
        return new Promise(() => {}); // never another chunk
      },
      cancel: () => void (cancelled = true),
    });
    await expect(wa.uploadMedia({ media: endless, mediaType: "video", signal: controller.signal })).rejects.toThrow("user gave up");
    expect(cancelled).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it("uploads a data: URI, decoded, with the URI's MIME type", async () => {
    const bytes = pattern(777, 7);
    const uri = `data:image/webp;base64,${Buffer.from(bytes).toString("base64")}`;
    const media = await wa.uploadMedia({ media: uri, mediaType: "sticker" });
    expect(onlyUpload().form?.files.file).toEqual({ filename: "sticker.webp", type: "image/webp", size: 777, sha256: sha256(bytes) });
    expect(media.mimeType).toBe("image/webp");
  });

  it("falls back to pywa's file.txt / text/plain when nothing says what the bytes are", async () => {
    await wa.uploadMedia({ media: pattern(10) });
    const req = onlyUpload();
    expect(req.form?.fields.type).toBe("text/plain");
    expect(req.form?.files.file).toMatchObject({ filename: "file.txt", type: "text/plain" });
  });

  it("sends ttl_minutes only when set", async () => {
    await wa.uploadMedia({ media: pattern(100), mediaType: "image", ttlMinutes: 120 });
    expect(onlyUpload().form?.fields).toEqual({ messaging_product: "whatsapp", type: "image/jpeg", ttl_minutes: "120" });
  });

  it("uploads to another phone number id when given one", async () => {
    const media = await wa.uploadMedia({ media: pattern(100), mediaType: "image", phoneId: "555000" });
    expect(onlyUpload().path).toBe("/v25.0/555000/media");
    expect(media.uploadedTo).toBe("555000");
  });

  it("refuses a bad ttl, a non-data: string and a non-binary value before any request", async () => {
    await expect(wa.uploadMedia({ media: pattern(10), ttlMinutes: 1.5 })).rejects.toThrow(RangeError);
    await expect(wa.uploadMedia({ media: "/tmp/photo.jpg" })).rejects.toThrow(/data:<mime>;base64.*fs\.openAsBlob/s);
    await expect(wa.uploadMedia({ media: "data:image/png;base64,@@@@" })).rejects.toThrow(TypeError);
    await expect(wa.uploadMedia({ media: { nope: true } as unknown as Blob })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("surfaces a Graph API error", async () => {
    server.respondWithError({ method: "POST", path: `/${PHONE_ID}/media` }, { status: 400, code: 100, message: "(#100) Invalid parameter" });
    await expect(wa.uploadMedia({ media: pattern(10), mediaType: "image" })).rejects.toThrow(/Invalid parameter/);
  });
});

describe("getMediaUrl", () => {
  it("maps GET /{media-id} to camelCase, with phone_number_id only when given", async () => {
    const bytes = pattern(4096, 8);
    const id = server.addMedia(bytes, "image/jpeg");
    const url = await wa.getMediaUrl({ mediaId: id });
    expect(url).toEqual({
      id,
      url: expect.stringContaining(`${server.url}/media-download/${id}?`),
      mimeType: "image/jpeg",
      sha256: sha256(bytes),
      fileSize: 4096,
    });
    await wa.getMediaUrl({ mediaId: id, phoneId: PHONE_ID });
    const [plain, scoped] = server.requests;
    expect(plain).toMatchObject({ method: "GET", path: `/v25.0/${id}`, query: {} });
    expect(scoped).toMatchObject({ method: "GET", path: `/v25.0/${id}`, query: { phone_number_id: PHONE_ID } });
  });

  it("rejects an empty media id", async () => {
    await expect(wa.getMediaUrl({ mediaId: "" })).rejects.toThrow(TypeError);
  });
});

describe("downloads", () => {
  const bytes = pattern(200_000, 9); // several 64 KiB chunks on the wire
  let id: string;
  beforeAll(() => {
    id = server.addMedia(bytes, "video/mp4");
  });

  it("getMediaBytes by url and by mediaId give the same bytes", async () => {
    const { url } = await wa.getMediaUrl({ mediaId: id });
    const byUrl = await wa.getMediaBytes({ url });
    const byId = await wa.getMediaBytes({ mediaId: id });
    expect(sha256(byUrl)).toBe(sha256(bytes));
    expect(sha256(byId)).toBe(sha256(bytes));
    expect(byUrl.byteLength).toBe(bytes.byteLength);
  });

  it("streamMedia by url and by mediaId stream the same bytes", async () => {
    const { url } = await wa.getMediaUrl({ mediaId: id });
    const byUrl = await wa.streamMedia({ url });
    const byId = await wa.streamMedia({ mediaId: id });
    expect(byUrl).toBeInstanceOf(ReadableStream);
    expect(sha256(await readAll(byUrl))).toBe(sha256(bytes));
    expect(sha256(await readAll(byId))).toBe(sha256(bytes));
  });

  it("the download carries the token and a User-Agent (the CDN refuses it otherwise)", async () => {
    await wa.getMediaBytes({ mediaId: id });
    const download = server.requests.find((r) => r.path.startsWith("/media-download/"));
    expect(download?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(download?.headers["user-agent"]).toMatch(/^edgewa\//);
  });

  it("downloadMedia pipes into the sink and closes it", async () => {
    const chunks: Uint8Array[] = [];
    let closed = false;
    const sink = new WritableStream<Uint8Array>({
      write: (chunk) => void chunks.push(chunk),
      close: () => void (closed = true),
    });
    await wa.downloadMedia({ mediaId: id, sink });
    expect(closed).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes));
  });

  it("downloadMedia aborts the sink when the download cannot start", async () => {
    let aborted: unknown;
    const sink = new WritableStream<Uint8Array>({ abort: (reason) => void (aborted = reason) });
    const failure = wa.downloadMedia({ mediaId: "404404404", sink });
    await expect(failure).rejects.toThrow();
    expect(aborted).toBeDefined();
  });

  it("a url rejected by the CDN (404 page) is an error, not bytes", async () => {
    const { url } = await wa.getMediaUrl({ mediaId: id });
    const other = url.replace(`/media-download/${id}`, "/media-download/999999999");
    await expect(wa.getMediaBytes({ url: other })).rejects.toThrow();
  });

  it("a relative url is refused", async () => {
    await expect(wa.getMediaBytes({ url: "/media-download/1" })).rejects.toThrow(TypeError);
  });
});

describe("downloads from a host that is not Meta's", () => {
  let plain: Server;
  let plainUrl: string;
  const seen: IncomingHttpHeaders[] = [];
  const bytes = pattern(50_000, 10);

  beforeAll(async () => {
    plain = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { "content-type": "image/jpeg", "content-length": bytes.byteLength });
      res.end(bytes);
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => plain.close(() => resolve())));

  it("gets the bytes without the token (another port of 127.0.0.1 is another host)", async () => {
    const got = await wa.getMediaBytes({ url: `${plainUrl}/cat.jpg` });
    expect(sha256(got)).toBe(sha256(bytes));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toBeUndefined();
    expect(seen[0]!["user-agent"]).toMatch(/^edgewa\//);
  });
});

describe("deleteMedia", () => {
  it("deletes, with phone_number_id only when given", async () => {
    const a = server.addMedia(pattern(10), "image/jpeg");
    const b = server.addMedia(pattern(10), "image/jpeg");
    await expect(wa.deleteMedia({ mediaId: a })).resolves.toEqual({ success: true });
    await expect(wa.deleteMedia({ mediaId: b, phoneId: PHONE_ID })).resolves.toEqual({ success: true });
    const [first, second] = server.requests;
    expect(first).toMatchObject({ method: "DELETE", path: `/v25.0/${a}`, query: {} });
    expect(second).toMatchObject({ method: "DELETE", path: `/v25.0/${b}`, query: { phone_number_id: PHONE_ID } });
    expect(server.media(a)).toBeUndefined();
    expect(server.media(b)).toBeUndefined();
  });

  it("a media that is not there is a Graph error", async () => {
    await expect(wa.deleteMedia({ mediaId: "123123123" })).rejects.toThrow();
  });
});

describe("resolveMediaParam (a send's media argument)", () => {
  const base = { type: "image" as const, sender: PHONE_ID };

  it("a media id, a Media and an external URL go as they are, without a request", async () => {
    expect(await resolveMediaParam(wa, "1234567", base)).toEqual({ id: "1234567" });
    expect(await resolveMediaParam(wa, { id: "42", uploadedTo: PHONE_ID }, base)).toEqual({ id: "42" });
    expect(await resolveMediaParam(wa, "https://example.com/cat.jpg", base)).toEqual({ link: "https://example.com/cat.jpg" });
    expect(await resolveMediaParam(wa, "http://example.com/cat.jpg?x=1", base)).toEqual({ link: "http://example.com/cat.jpg?x=1" });
    expect(server.requests).toHaveLength(0);
  });

  it("bytes, a Blob and a stream are uploaded to the sender, named by the message type", async () => {
    const bytes = pattern(1500, 11);
    const fromBytes = await resolveMediaParam(wa, bytes, { type: "document", sender: "777" });
    const fromBlob = await resolveMediaParam(wa, new Blob([bytes]), { type: "audio", sender: PHONE_ID, filename: "memo.ogg" });
    const fromStream = await resolveMediaParam(wa, streamOf(bytes, 500), { type: "video", sender: PHONE_ID, mimeType: "video/3gpp" });
    const [u1, u2, u3] = uploads();
    expect(u1?.path).toBe("/v25.0/777/media");
    expect(u1?.form?.files.file).toEqual({ filename: "document.pdf", type: "application/pdf", size: 1500, sha256: sha256(bytes) });
    expect(u2?.form?.files.file).toEqual({ filename: "memo.ogg", type: "audio/ogg", size: 1500, sha256: sha256(bytes) });
    expect(u3?.form?.files.file).toEqual({ filename: "video.3gp", type: "video/3gpp", size: 1500, sha256: sha256(bytes) });
    for (const r of [fromBytes, fromBlob, fromStream]) expect(r).toEqual({ id: expect.stringMatching(/^\d+$/) });
  });

  it("a data: URI is decoded and uploaded", async () => {
    const bytes = pattern(600, 12);
    const result = await resolveMediaParam(wa, `data:image/png;base64,${Buffer.from(bytes).toString("base64")}`, base);
    expect(onlyUpload().form?.files.file).toEqual({ filename: "image.png", type: "image/png", size: 600, sha256: sha256(bytes) });
    expect(result).toEqual({ id: expect.stringMatching(/^\d+$/) });
  });

  it("a WhatsApp media URL (token-only) is downloaded with the token and uploaded again", async () => {
    const bytes = pattern(30_000, 13);
    const original = server.addMedia(bytes, "image/jpeg");
    const { url } = await wa.getMediaUrl({ mediaId: original });
    server.clear();

    const result = await resolveMediaParam(wa, url, base);
    expect(result).not.toEqual({ link: url });
    const id = (result as { id: string }).id;
    expect(id).not.toBe(original);
    expect(server.media(id)).toMatchObject({ mimeType: "image/jpeg", size: 30_000, sha256: sha256(bytes) });
    const [download, upload] = server.requests;
    expect(download?.path).toBe(`/media-download/${original}`);
    expect(download?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(upload?.form?.files.file).toEqual({ filename: "image.jpg", type: "image/jpeg", size: 30_000, sha256: sha256(bytes) });
  });

  it("a lookaside.fbsbx.com URL is recognised, fetched with the token, and uploaded again", async () => {
    // lookaside.fbsbx.com cannot be reached from a test, so this client's fetch sends
    // that one host to the local server (like a hosts-file entry); the request is
    // still real, and edgewa decided on the Authorization header from the lookaside URL.
    const bytes = pattern(20_000, 14);
    const original = server.addMedia(bytes, "audio/ogg");
    const { url: localUrl } = await wa.getMediaUrl({ mediaId: original });
    const lookaside = `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${original}&ext=1700000000&hash=abc`;
    const routed: typeof fetch = (input, init) => {
      const href = input instanceof Request ? input.url : String(input);
      return fetch(new URL(href).host === "lookaside.fbsbx.com" ? localUrl : href, init);
    };
    const client = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, graphUrl: server.url, logger: quiet, fetch: routed });
    server.clear();

    const result = await resolveMediaParam(client, lookaside, { type: "audio", sender: PHONE_ID });
    const id = (result as { id: string }).id;
    expect(server.media(id)).toMatchObject({ mimeType: "audio/ogg", sha256: sha256(bytes) });
    const download = server.requests.find((r) => r.path.startsWith("/media-download/"));
    expect(download?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(onlyUpload().form?.files.file).toEqual({ filename: "audio.ogg", type: "audio/ogg", size: 20_000, sha256: sha256(bytes) });
  });

  it("any other string is a TypeError that says what is accepted", async () => {
    for (const bad of ["./photo.jpg", "C:\\photos\\cat.jpg", "www.example.com/cat.jpg", "", "12a"]) {
      await expect(resolveMediaParam(wa, bad, base)).rejects.toThrow(TypeError);
    }
    await expect(resolveMediaParam(wa, "/home/me/cat.jpg", base)).rejects.toThrow(
      /media id.*http\(s\):\/\/ URL.*data:<mime>;base64.*File paths are not read/s,
    );
    expect(server.requests).toHaveLength(0);
  });
});
