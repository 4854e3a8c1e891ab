import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuthException, WhatsApp } from "@edgewa/core";
import { resumableUpload } from "../packages/core/src/client/uploads/index.ts";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";

/** The Resumable Upload API helper, as templates (media examples) and the profile picture use it. */
const TOKEN = "test-token";
const quiet = { debug() {}, warn() {}, error() {} };

let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: TOKEN })));
afterAll(() => server.close());
beforeEach(() => server.clear());

/** A client whose fetch also keeps every Blob body it sends, to compare bytes. */
function client(): { wa: WhatsApp; bodies: Uint8Array[] } {
  const bodies: Uint8Array[] = [];
  const wa = new WhatsApp({
    phoneId: "1234567890",
    token: TOKEN,
    graphUrl: server.url,
    logger: quiet,
    retry: { maxAttempts: 1 },
    fetch: async (input, init) => {
      if (init?.body instanceof Blob) bodies.push(new Uint8Array(await init.body.arrayBuffer()));
      return fetch(input, init);
    },
  });
  return { wa, bodies };
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function session(id = "upload:MTphdHRhY2htZW50OjZi?sig=ARZ"): void {
  server.respondOnce({ method: "POST", path: "/v25.0/APP/uploads" }, { status: 200, json: { id } });
}

describe("resumableUpload", () => {
  it("opens a session with the encoded query, then posts the raw bytes with file_offset: 0", async () => {
    const { wa, bodies } = client();
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    session();
    server.respondOnce({ method: "POST", path: "/v25.0/upload:MTphdHRhY2htZW50OjZi" }, { status: 200, json: { h: "4::aW1hZ2UvanBlZw==:ARZhandle" } });
    const result = await resumableUpload(wa, { appId: "APP", file: bytes, fileName: "my photo & co.jpg", fileType: "image/jpeg" });
    expect(result).toEqual({ handle: "4::aW1hZ2UvanBlZw==:ARZhandle" });
    const [open, upload] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect({ method: open!.method, path: open!.path, query: open!.query, body: open!.body, size: open!.rawSize }).toEqual({
      method: "POST",
      path: "/v25.0/APP/uploads",
      query: { file_name: "my photo & co.jpg", file_length: "70000", file_type: "image/jpeg" },
      body: undefined,
      size: 0,
    });
    expect({ method: upload!.method, path: upload!.path, query: upload!.query }).toEqual({
      method: "POST",
      path: "/v25.0/upload:MTphdHRhY2htZW50OjZi",
      query: { sig: "ARZ" },
    });
    expect(upload!.headers.file_offset).toBe("0");
    expect(upload!.headers["content-type"]).toBe("image/jpeg");
    expect(upload!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(upload!.rawSize).toBe(70_000);
    expect(bodies.map(sha)).toEqual([sha(bytes)]);
  });

  it("a File gives its name and type; an ArrayBuffer works too", async () => {
    const { wa } = client();
    session("upload:ABC");
    server.respondOnce({ method: "POST", path: "/v25.0/upload:ABC" }, { status: 200, json: { h: "2:abc" } });
    await resumableUpload(wa, { appId: "APP", file: new File([new Uint8Array([1, 2, 3])], "doc.pdf", { type: "application/pdf" }) });
    expect(server.requests[0]!.query).toEqual({ file_name: "doc.pdf", file_length: "3", file_type: "application/pdf" });
    server.clear();
    session("upload:DEF");
    server.respondOnce({ method: "POST", path: "/v25.0/upload:DEF" }, { status: 200, json: { h: "2:def" } });
    expect(await resumableUpload(wa, { appId: "APP", file: new Uint8Array([9, 9]).buffer, fileType: "video/mp4" })).toEqual({ handle: "2:def" });
    expect(server.requests[0]!.query).toEqual({ file_name: "file", file_length: "2", file_type: "video/mp4" });
  });

  it("bytes without fileType, an empty file, or no app id are refused before any request", async () => {
    const { wa } = client();
    await expect(resumableUpload(wa, { appId: "APP", file: new Uint8Array([1]) })).rejects.toThrow(/fileType/);
    await expect(resumableUpload(wa, { appId: "APP", file: new Blob([], { type: "image/png" }) })).rejects.toThrow(/empty/);
    await expect(resumableUpload(wa, { file: new Blob(["x"], { type: "image/png" }) })).rejects.toThrow(/appId/);
    expect(server.requests).toHaveLength(0);
  });

  it("an answer without a session id or without a handle is an error; Graph errors are typed", async () => {
    const { wa } = client();
    server.respondOnce({ method: "POST", path: "/v25.0/APP/uploads" }, { status: 200, json: { id: "123" } });
    await expect(resumableUpload(wa, { appId: "APP", file: new Blob(["x"], { type: "image/png" }) })).rejects.toThrow(/upload session id/);
    session("upload:GHI");
    server.respondOnce({ method: "POST", path: "/v25.0/upload:GHI" }, { status: 200, json: {} });
    await expect(resumableUpload(wa, { appId: "APP", file: new Blob(["x"], { type: "image/png" }) })).rejects.toThrow(/file handle/);
    server.respondWithError({ method: "POST", path: "/v25.0/APP/uploads" }, { status: 400, code: 0, message: "Not allowed to upload for this app" });
    await expect(resumableUpload(wa, { appId: "APP", file: new Blob(["x"], { type: "image/png" }) })).rejects.toBeInstanceOf(AuthException);
  });
});
