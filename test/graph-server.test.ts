import { createHash, randomFillSync } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";
import { MultipartParser } from "../packages/playground/src/graph/multipart.ts";

const PHONE_ID = "1234567890";
const AUTH = { authorization: "Bearer test-token", "user-agent": "edgewa-tests" };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function post(server: GraphServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { ...AUTH, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A GET through node:http, so that no default User-Agent is added. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), text: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end();
  });
}

function expectGraphError(json: unknown, code: number) {
  const error = (json as { error: Record<string, unknown> }).error;
  expect(error).toBeTypeOf("object");
  expect(error.code).toBe(code);
  expect(error.message).toBeTypeOf("string");
  expect(error.type).toBeTypeOf("string");
  expect(error.fbtrace_id).toMatch(/^[\w-]{10,}$/);
  return error;
}

describe("graph server: defaults", () => {
  let server: GraphServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  afterEach(() => server.clear());

  it("answers a send with Meta's response shape and records the request", async () => {
    const body = { messaging_product: "whatsapp", recipient_type: "individual", to: "+1 (555) 000-1111", type: "text", text: { body: "hi" } };
    const res = await post(server, `/v25.0/${PHONE_ID}/messages?debug=all`, body);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const json = (await res.json()) as { messaging_product: string; contacts: unknown[]; messages: { id: string; message_status?: string }[] };
    expect(json.messaging_product).toBe("whatsapp");
    expect(json.contacts).toEqual([{ input: "+1 (555) 000-1111", wa_id: "15550001111" }]);
    expect(json.messages).toHaveLength(1);
    expect(json.messages[0]!.id).toMatch(/^wamid\.HBg[A-Za-z0-9+/=]+$/);
    expect(json.messages[0]!.message_status).toBeUndefined();

    expect(server.requests).toHaveLength(1);
    const [recorded] = server.requests;
    expect(recorded).toMatchObject({ method: "POST", path: `/v25.0/${PHONE_ID}/messages`, query: { debug: "all" }, body });
    expect(recorded!.headers.authorization).toBe("Bearer test-token");
    expect(recorded!.rawSize).toBe(Buffer.byteLength(JSON.stringify(body)));
  });

  it("gives fresh ids, accepted templates, BSUID contacts, and works under any version", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await post(server, `/v2${i % 10}.0/${PHONE_ID}/messages`, { messaging_product: "whatsapp", to: "972501234567", type: "text", text: { body: `${i}` } });
      ids.add(((await res.json()) as { messages: { id: string }[] }).messages[0]!.id);
    }
    expect(ids.size).toBe(20);

    const tpl = await post(server, `/v21.0/${PHONE_ID}/messages`, {
      messaging_product: "whatsapp", to: "972501234567", type: "template", template: { name: "hello_world", language: { code: "en_US" } },
    });
    expect(((await tpl.json()) as { messages: unknown[] }).messages[0]).toMatchObject({ id: expect.stringMatching(/^wamid\./), message_status: "accepted" });

    const bsuid = await post(server, `/v25.0/${PHONE_ID}/messages`, { messaging_product: "whatsapp", recipient: "US.13491208655302741918", type: "text", text: { body: "x" } });
    expect(((await bsuid.json()) as { contacts: unknown[] }).contacts).toEqual([{ input: "US.13491208655302741918", user_id: "US.13491208655302741918" }]);
  });

  it("answers mark-as-read and typing with success", async () => {
    const read = await post(server, `/v25.0/${PHONE_ID}/messages`, { messaging_product: "whatsapp", status: "read", message_id: "wamid.X" });
    expect(await read.json()).toEqual({ success: true });
    const typing = await post(server, `/v25.0/${PHONE_ID}/messages`, { messaging_product: "whatsapp", status: "read", message_id: "wamid.X", typing_indicator: { type: "text" } });
    expect(await typing.json()).toEqual({ success: true });
  });

  it("rejects an invalid envelope with Graph's 400 / code 100 envelope", async () => {
    const cases: [unknown, string][] = [
      [{ to: "1", type: "text", text: { body: "x" } }, "messaging_product"],
      [{ messaging_product: "whatsapp", to: "1", text: { body: "x" } }, "type"],
      [{ messaging_product: "whatsapp", type: "text", text: { body: "x" } }, "to"],
      [{ messaging_product: "whatsapp", to: "1", type: "image", text: { body: "x" } }, "image"],
    ];
    for (const [body, missing] of cases) {
      const res = await post(server, `/v25.0/${PHONE_ID}/messages`, body);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const error = expectGraphError(await res.json(), 100);
      expect(error.message).toBe(`(#100) The parameter ${missing} is required.`);
      expect(error.error_data).toMatchObject({ messaging_product: "whatsapp", details: expect.any(String) });
    }

    const bad = await post(server, `/v25.0/${PHONE_ID}/messages`, "{not json");
    expect(bad.status).toBe(400);
    expect(expectGraphError(await bad.json(), 100).message).toMatch(/JSON/);
    expect(server.requests.at(-1)).toMatchObject({ body: undefined, rawSize: 9 });

    // A JSON string sent as text/plain is not parsed, as Graph would not parse it either.
    const plain = await post(server, `/v25.0/${PHONE_ID}/messages`, { messaging_product: "whatsapp" }, { "content-type": "text/plain" });
    expect(plain.status).toBe(400);
  });

  it("answers unknown paths with a 404 GraphMethodException", async () => {
    const res = await fetch(`${server.url}/v25.0/${PHONE_ID}/nothing_here`, { headers: AUTH });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const error = expectGraphError(await res.json(), 100);
    expect(error).toMatchObject({ type: "GraphMethodException", error_subcode: 33 });
    expect(error.message).toMatch(/^Unsupported get request\. Object with ID '1234567890'/);
  });

  it("streams a 50 MB multipart upload, then serves its metadata", async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024);
    randomFillSync(bytes);
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", "video/mp4");
    form.set("file", new Blob([bytes], { type: "video/mp4" }), "big video.mp4");
    const res = await fetch(`${server.url}/v25.0/${PHONE_ID}/media`, { method: "POST", headers: AUTH, body: form });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^\d{16}$/);

    const recorded = server.requests.at(-1)!;
    expect(recorded.body).toBeUndefined();
    expect(recorded.form?.fields).toEqual({ messaging_product: "whatsapp", type: "video/mp4" });
    expect(recorded.form?.files.file).toEqual({ filename: "big video.mp4", type: "video/mp4", size: bytes.length, sha256: sha256(bytes) });
    expect(recorded.rawSize).toBeGreaterThan(bytes.length);

    expect(server.media(id)).toEqual({ mimeType: "video/mp4", size: bytes.length, sha256: sha256(bytes) }); // no bytes: over 1 MiB
    const info = await fetch(`${server.url}/v25.0/${id}`, { headers: AUTH });
    expect(await info.json()).toMatchObject({ messaging_product: "whatsapp", id, mime_type: "video/mp4", sha256: sha256(bytes), file_size: bytes.length });
  });

  it("requires messaging_product and a file part for uploads, and survives a broken multipart body", async () => {
    const noFile = new FormData();
    noFile.set("messaging_product", "whatsapp");
    const a = await fetch(`${server.url}/v25.0/${PHONE_ID}/media`, { method: "POST", headers: AUTH, body: noFile });
    expect(a.status).toBe(400);
    expect(expectGraphError(await a.json(), 100).message).toBe("(#100) The parameter file is required.");

    const noProduct = new FormData();
    noProduct.set("file", new Blob(["x"], { type: "text/plain" }), "a.txt");
    const b = await fetch(`${server.url}/v25.0/${PHONE_ID}/media`, { method: "POST", headers: AUTH, body: noProduct });
    expect(expectGraphError(await b.json(), 100).message).toBe("(#100) The parameter messaging_product is required.");

    const broken = await fetch(`${server.url}/v25.0/${PHONE_ID}/media`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "multipart/form-data; boundary=XYZ" },
      body: "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nno closing boundary",
    });
    expect(broken.status).toBe(400);
    expectGraphError(await broken.json(), 100);
  });

  it("round-trips a small upload: media URL → download with auth", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4 tiny");
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", "application/pdf");
    form.set("file", new Blob([bytes], { type: "application/pdf" }), "doc.pdf");
    const { id } = (await (await fetch(`${server.url}/v25.0/${PHONE_ID}/media`, { method: "POST", headers: AUTH, body: form })).json()) as { id: string };
    expect(server.media(id)).toEqual({ mimeType: "application/pdf", size: bytes.length, sha256: sha256(bytes), bytes });

    const { url } = (await (await fetch(`${server.url}/v25.0/${id}`, { headers: AUTH })).json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${server.url}/media-download/${id}\\?mid=${id}&ext=\\d+&hash=[\\w-]+$`));
    const dl = await fetch(url, { headers: AUTH });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(bytes);
  });

  it("serves media added by a test; the download needs Authorization and a User-Agent", async () => {
    const bytes = new Uint8Array(8 * 1024 * 1024 + 123);
    randomFillSync(bytes);
    const id = server.addMedia(bytes, "image/jpeg");
    expect(server.media(id)).toMatchObject({ mimeType: "image/jpeg", size: bytes.length, sha256: sha256(bytes) });

    const info = (await (await fetch(`${server.url}/v25.0/${id}`, { headers: AUTH })).json()) as Record<string, unknown>;
    expect(info).toEqual({ messaging_product: "whatsapp", url: expect.any(String), mime_type: "image/jpeg", sha256: sha256(bytes), file_size: bytes.length, id });
    const url = info.url as string;

    const dl = await fetch(url, { headers: AUTH });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("image/jpeg");
    expect(dl.headers.get("content-length")).toBe(String(bytes.length));
    expect(sha256(new Uint8Array(await dl.arrayBuffer()))).toBe(sha256(bytes));

    const noAuth = await fetch(url, { headers: { "user-agent": "edgewa-tests" } });
    expect(noAuth.status).toBe(401);
    expectGraphError(await noAuth.json(), 190);

    const noUa = await rawGet(url, { authorization: "Bearer test-token" });
    expect(noUa.status).toBe(404);
    expect(noUa.type).toMatch(/^text\/html/);
  });

  it("deletes media, then answers 404 code 100 subcode 33", async () => {
    const id = server.addMedia(new Uint8Array([1, 2, 3]), "image/png");
    const del = await fetch(`${server.url}/v25.0/${id}?phone_number_id=${PHONE_ID}`, { method: "DELETE", headers: AUTH });
    expect(await del.json()).toEqual({ success: true });
    expect(server.media(id)).toBeUndefined();
    const again = await fetch(`${server.url}/v25.0/${id}`, { method: "DELETE", headers: AUTH });
    expect(again.status).toBe(404);
    expect(expectGraphError(await again.json(), 100)).toMatchObject({ error_subcode: 33 });
  });

  it("answers a queued one-shot answer once (Retry-After, version-agnostic, regex, delay)", async () => {
    server.respondOnce({ method: "POST", path: `/${PHONE_ID}/messages` }, { status: 429, json: { error: { code: 130429 } }, headers: { "Retry-After": "2" } });
    const body = { messaging_product: "whatsapp", to: "1", type: "text", text: { body: "x" } };
    const first = await post(server, `/v19.0/${PHONE_ID}/messages`, body);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("2");
    expect(await first.json()).toEqual({ error: { code: 130429 } });
    const second = await post(server, `/v25.0/${PHONE_ID}/messages`, body);
    expect(second.status).toBe(200);
    expect(server.requests).toHaveLength(2);

    server.respondOnce({ path: /\/messages$/ }, { status: 502, text: "<html>Bad Gateway</html>", headers: { "content-type": "text/html" }, delayMs: 150 });
    const started = Date.now();
    const third = await post(server, `/v25.0/${PHONE_ID}/messages`, body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(third.status).toBe(502);
    expect(third.headers.get("content-type")).toBe("text/html");
    expect(await third.text()).toBe("<html>Bad Gateway</html>");

    server.respondOnce({ method: "GET", path: "/v25.0/123" }, { status: 200, json: { id: "123" } });
    expect((await fetch(`${server.url}/v24.0/123`, { headers: AUTH })).status).toBe(404); // other version: not matched
    expect(await (await fetch(`${server.url}/v25.0/123`, { headers: AUTH })).json()).toEqual({ id: "123" });
  });

  it("answers a queued Graph error envelope", async () => {
    server.respondWithError({ method: "POST", path: `/${PHONE_ID}/messages` }, { status: 400, code: 131047, subcode: 2494010, details: "More than 24 hours have passed." });
    const res = await post(server, `/v25.0/${PHONE_ID}/messages`, { messaging_product: "whatsapp", to: "1", type: "text", text: { body: "x" } });
    expect(res.status).toBe(400);
    const error = expectGraphError(await res.json(), 131047);
    expect(error).toMatchObject({
      message: "(#131047) Re-engagement message",
      type: "OAuthException",
      error_subcode: 2494010,
      error_data: { messaging_product: "whatsapp", details: "More than 24 hours have passed." },
    });
  });

  it("clear() forgets requests and unused one-shot answers", async () => {
    server.respondOnce({ path: "/anything" }, { status: 500 });
    await fetch(`${server.url}/v25.0/${PHONE_ID}`, { headers: AUTH });
    expect(server.requests).toHaveLength(1);
    server.clear();
    expect(server.requests).toHaveLength(0);
    expect((await fetch(`${server.url}/v25.0/anything`, { headers: AUTH })).status).toBe(404);
  });
});

describe("graph server: token and version checks", () => {
  let server: GraphServer;
  beforeAll(async () => {
    server = await startGraphServer({ token: "test-token", apiVersion: "v25.0" });
  });
  afterAll(() => server.close());

  it("answers 401 / code 190 without the right bearer token", async () => {
    const body = { messaging_product: "whatsapp", to: "1", type: "text", text: { body: "x" } };
    for (const authorization of [undefined, "Bearer wrong", "Basic abc"]) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (authorization) headers.authorization = authorization;
      const res = await fetch(`${server.url}/v25.0/${PHONE_ID}/messages`, { method: "POST", headers, body: JSON.stringify(body) });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^OAuth /);
      expect(expectGraphError(await res.json(), 190).type).toBe("OAuthException");
    }
    expect(server.requests).toHaveLength(3); // recorded all the same
    expect((await post(server, `/v25.0/${PHONE_ID}/messages`, body)).status).toBe(200);

    const id = server.addMedia(new Uint8Array([1]), "image/png");
    const { url } = (await (await fetch(`${server.url}/v25.0/${id}`, { headers: AUTH })).json()) as { url: string };
    expect((await fetch(url, { headers: { ...AUTH, authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await fetch(url, { headers: AUTH })).status).toBe(200);
  });

  it("refuses another API version when apiVersion is set", async () => {
    const res = await fetch(`${server.url}/v20.0/${PHONE_ID}`, { headers: AUTH });
    expect(res.status).toBe(400);
    expectGraphError(await res.json(), 2635);
  });
});

describe("multipart parser", () => {
  it("parses a body fed one byte at a time", () => {
    const boundary = "----b0undary";
    const text =
      `preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="messaging_product"\r\n\r\nwhatsapp\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a \\"q\\".bin"\r\nContent-Type: application/x-test\r\n\r\n` +
      `line1\r\n--${boundary.slice(0, 5)}not a boundary\r\n\r\n--${boundary}--\r\nepilogue`;
    const parser = new MultipartParser(boundary);
    for (const byte of Buffer.from(text)) parser.write(Uint8Array.of(byte));
    const result = parser.end();
    const content = Buffer.from(`line1\r\n--${boundary.slice(0, 5)}not a boundary\r\n`);
    expect(result.fields).toEqual({ messaging_product: "whatsapp" });
    expect(result.files.file).toEqual({ filename: 'a "q".bin', type: "application/x-test", size: content.length, sha256: sha256(content), bytes: new Uint8Array(content) });
  });
});
