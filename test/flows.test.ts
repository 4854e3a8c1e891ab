import { createCipheriv, createHash, createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WhatsApp, type WhatsAppOptions } from "@edgewa/core";
import {
  FlowEndpoints,
  FlowMediaDecryptionError,
  FlowRequest,
  FlowResponse,
  FlowResponseError,
  createFlowEndpoint,
  decryptFlowMedia,
  onFlowRequest,
  type FlowEndpointOptions,
  type FlowMedia,
  type FlowRequestCallback,
} from "../packages/core/src/flows/index.ts";
import { flowKeys, open, rsaKeys, seal, type Sealed } from "./support/flow-crypto.ts";

/**
 * The flow data endpoint, against requests encrypted exactly as the WhatsApp client
 * encrypts them, with node:crypto (an implementation independent of ours; see
 * test/support/flow-crypto.ts). Responses are decrypted with node:crypto too.
 */

const APP_SECRET = "flows-test-app-secret";
const PEM = flowKeys.privateKey;
const other = rsaKeys();

function post(body: unknown, { url = "https://bot.example/flows/signup", headers = {} as Record<string, string> } = {}): Request {
  return new Request(url, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
}

const hubSignature = (body: string) => "sha256=" + createHmac("sha256", APP_SECRET).update(body).digest("hex");

function signedPost(body: unknown): Request {
  const text = JSON.stringify(body);
  return post(text, { headers: { "x-hub-signature-256": hubSignature(text) } });
}

/** An HS256 JWT, made with node:crypto. */
function jwt(claims: Record<string, unknown>, secret = APP_SECRET, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const signingInput = `${part(header)}.${part(claims)}`;
  return `${signingInput}.${createHmac("sha256", secret).update(signingInput).digest("base64url")}`;
}

function captureLogger() {
  const lines: string[] = [];
  const push = (...args: unknown[]) =>
    lines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ""}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  return { lines, logger: { debug: push, warn: push, error: push } };
}

const WA = { marker: "wa" } as const;
type TestWa = typeof WA;

function endpoint(handler: FlowRequestCallback<TestWa>, options: Partial<FlowEndpointOptions<TestWa>> = {}) {
  const log = captureLogger();
  const fetchHandler = createFlowEndpoint<TestWa>({ handler, privateKey: PEM, wa: WA, logger: log.logger, path: "/flows/signup", ...options });
  return { fetch: fetchHandler, log };
}

const base = { version: "3.0", flow_token: "tok-123" };

describe("flow endpoint: actions", () => {
  it("INIT reaches the handler typed, and req.respond's answer comes back encrypted as text/plain", async () => {
    let seen: FlowRequest | undefined;
    let seenWa: unknown;
    const { fetch } = endpoint((wa, req) => {
      seenWa = wa;
      seen = req;
      return req.respond({ screen: "START", data: { hello: "world" } });
    });
    const sealed = seal({ ...base, action: "INIT", screen: "", data: {} });
    const res = await fetch(post(sealed.body));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(open(await res.text(), sealed)).toEqual({ version: "3.0", screen: "START", data: { hello: "world" } });
    expect(seenWa).toBe(WA);
    expect(seen).toBeInstanceOf(FlowRequest);
    expect(seen).toMatchObject({ version: "3.0", action: "INIT", screen: undefined, data: undefined, flowToken: "tok-123", hasError: false });
    expect(seen!.raw).toEqual({ ...base, action: "INIT", screen: "", data: {} });
  });

  it("BACK: a plain { screen, data } return gets the request's version", async () => {
    const { fetch } = endpoint((_, req) => (req.action === "BACK" ? { screen: "BACK_SCREEN", data: { from: req.screen } } : undefined));
    const sealed = seal({ ...base, action: "BACK", screen: "DETAILS" });
    const res = await fetch(post(sealed.body));
    expect(res.status).toBe(200);
    expect(open(await res.text(), sealed)).toEqual({ version: "3.0", screen: "BACK_SCREEN", data: { from: "DETAILS" } });
  });

  it("data_exchange: screen and data reach the handler; closing the flow has Meta's SUCCESS shape", async () => {
    let data: unknown;
    const { fetch } = endpoint((_, req) => {
      data = req.data;
      return req.respond({ closeFlow: true, data: { done: true } });
    });
    const sealed = seal({ ...base, action: "data_exchange", screen: "SIGNUP", data: { name: "Dana", age: 31 } });
    const res = await fetch(post(sealed.body));
    expect(data).toEqual({ name: "Dana", age: 31 });
    expect(open(await res.text(), sealed)).toEqual({
      version: "3.0",
      screen: "SUCCESS",
      data: { extension_message_response: { params: { flow_token: "tok-123", done: true } } },
    });
  });

  it("navigate and unknown actions reach the handler as they are", async () => {
    const actions: string[] = [];
    const { fetch } = endpoint((_, req) => {
      actions.push(req.action);
      return new FlowResponse({ screen: "NEXT", data: {} });
    });
    for (const action of ["navigate", "weird"]) {
      const sealed = seal({ ...base, action, screen: "A" });
      const res = await fetch(post(sealed.body));
      expect(open(await res.text(), sealed)).toEqual({ version: "3.0", screen: "NEXT", data: {} });
    }
    expect(actions).toEqual(["navigate", "weird"]);
  });

  it("ping is answered {data:{status:active}} without calling the handler", async () => {
    const handler = vi.fn(() => ({ screen: "X", data: {} }));
    const { fetch } = endpoint(handler);
    const sealed = seal({ version: "3.0", action: "ping" });
    const res = await fetch(post(sealed.body));
    expect(res.status).toBe(200);
    expect(open(await res.text(), sealed)).toEqual({ data: { status: "active" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("an error notification reaches the handler (hasError) and is acknowledged whatever it returns", async () => {
    const seen: boolean[] = [];
    const { fetch } = endpoint((_, req) => {
      seen.push(req.hasError);
      return undefined;
    });
    const sealed = seal({ ...base, action: "data_exchange", screen: "SIGNUP", data: { error: "INVALID_SCREEN", error_message: "no such screen" } });
    const res = await fetch(post(sealed.body));
    expect(res.status).toBe(200);
    expect(open(await res.text(), sealed)).toEqual({ version: "3.0", data: { acknowledged: true } });
    expect(seen).toEqual([true]);
  });

  it("with acknowledgeErrors: false the handler's answer to an error notification is sent", async () => {
    const { fetch } = endpoint((_, req) => req.respond({ screen: "RETRY", data: {} }), { acknowledgeErrors: false });
    const sealed = seal({ ...base, action: "INIT", data: { error_key: "x" } });
    expect(open(await (await fetch(post(sealed.body))).text(), sealed)).toEqual({ version: "3.0", screen: "RETRY", data: {} });
  });

  it("an error message goes in data.error_message", async () => {
    const { fetch } = endpoint((_, req) => req.respond({ screen: "SIGNUP", data: { name: "" }, errorMessage: "Name is required" }));
    const sealed = seal({ ...base, action: "data_exchange", screen: "SIGNUP", data: { name: "" } });
    expect(open(await (await fetch(post(sealed.body))).text(), sealed)).toEqual({
      version: "3.0",
      screen: "SIGNUP",
      data: { name: "", error_message: "Name is required" },
    });
  });

  it("tokenNoLongerValid answers 427 with an encrypted {error_msg} (Meta's example encrypts it; the client decrypts it)", async () => {
    const { fetch } = endpoint((_, req) => req.tokenNoLongerValid("This offer has expired"));
    const sealed = seal({ ...base, action: "INIT" });
    const res = await fetch(post(sealed.body));
    expect(res.status).toBe(427);
    expect(open(await res.text(), sealed)).toEqual({ error_msg: "This offer has expired" });
  });

  it("a FlowResponseError subclass answers its own status and body", async () => {
    class Gone extends FlowResponseError {
      constructor() {
        super(410, "gone", { error: "gone" });
      }
    }
    const { fetch } = endpoint(() => {
      throw new Gone();
    });
    const sealed = seal({ ...base, action: "INIT" });
    const res = await fetch(post(sealed.body));
    expect(res.status).toBe(410);
    expect(open(await res.text(), sealed)).toEqual({ error: "gone" });
  });
});

describe("FlowResponse validation (pywa's rules)", () => {
  it("needs a screen unless closing; closing needs a token and takes neither screen nor error message", () => {
    expect(() => new FlowResponse({ data: {} })).toThrow(/screen is required/);
    expect(() => new FlowResponse({ closeFlow: true })).toThrow(/flowToken/);
    expect(() => new FlowResponse({ closeFlow: true, flowToken: "t", screen: "X" })).toThrow(/screen/);
    expect(() => new FlowResponse({ closeFlow: true, flowToken: "t", errorMessage: "no" })).toThrow(/errorMessage/);
    expect(new FlowResponse({ screen: "X" }).toJSON()).toEqual({ version: undefined, screen: "X", data: {} });
  });

  it("req.respond({ closeFlow }) without any flow token says why", () => {
    const req = new FlowRequest({ version: "3.0", action: "data_exchange" });
    expect(() => req.respond({ closeFlow: true })).toThrow(/iOS/);
    expect(req.respond({ closeFlow: true, flowToken: "given" }).toJSON()).toMatchObject({
      data: { extension_message_response: { params: { flow_token: "given" } } },
    });
  });
});

describe("flow endpoint: failures and status codes", () => {
  const okHandler = () => ({ screen: "OK", data: {} });

  it("421 for a key it cannot unwrap (another business key)", async () => {
    const { fetch, log } = endpoint(okHandler);
    const res = await fetch(post(seal({ ...base, action: "INIT" }, other.publicKey).body));
    expect(res.status).toBe(421);
    expect(await res.text()).toBe("Decryption failed");
    expect(log.lines.join("\n")).toMatch(/rsa-unwrap/);
  });

  it("421 for a tampered ciphertext, a tampered tag, a wrong IV length and an empty IV", async () => {
    const { fetch, log } = endpoint(okHandler);
    const flip = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, "base64");
      const i = at < 0 ? bytes.length + at : at;
      bytes[i] = bytes[i]! ^ 0x01;
      return bytes.toString("base64");
    };
    const cases = [
      (s: Sealed) => ({ ...s.body, encrypted_flow_data: flip(s.body.encrypted_flow_data, 0) }),
      (s: Sealed) => ({ ...s.body, encrypted_flow_data: flip(s.body.encrypted_flow_data, -1) }),
      (s: Sealed) => ({ ...s.body, initial_vector: s.iv.subarray(0, 12).toString("base64") }),
      (s: Sealed) => ({ ...s.body, initial_vector: "" }),
      (s: Sealed) => ({ ...s.body, encrypted_flow_data: Buffer.alloc(8).toString("base64") }),
    ];
    for (const mutate of cases) {
      const res = await fetch(post(mutate(seal({ ...base, action: "INIT" }))));
      expect(res.status).toBe(421);
    }
    expect(log.lines.map((l) => /\(([a-z-]+)\)/.exec(l)?.[1])).toEqual(["aes-gcm", "aes-gcm", "aes-gcm", "empty-iv", "short-ciphertext"]);
  });

  it("421 for bad base64 in a present field (it cannot be decrypted); 400 when a field is missing or not a string", async () => {
    const { fetch } = endpoint(okHandler);
    const sealed = seal({ ...base, action: "INIT" });
    for (const field of ["encrypted_flow_data", "encrypted_aes_key", "initial_vector"] as const) {
      for (const junk of ["not base64!", "QUJD=", "A", "QQ=Q"]) {
        const res = await fetch(post({ ...sealed.body, [field]: junk }));
        expect(res.status, `${field}=${junk}`).toBe(421);
      }
      const { [field]: _gone, ...missing } = sealed.body;
      expect((await fetch(post(missing))).status).toBe(400);
      expect((await fetch(post({ ...sealed.body, [field]: 42 }))).status).toBe(400);
    }
  });

  it("400 for a body that is not JSON, or not a JSON object", async () => {
    const { fetch } = endpoint(okHandler);
    for (const body of ["{not json", "[1,2,3]", '"text"', "null", ""]) {
      const res = await fetch(post(body));
      expect(res.status, body).toBe(400);
      expect(await res.text()).toBe("Bad Request");
    }
    expect((await fetch(new Request("https://bot.example/f", { method: "POST", body: new Uint8Array([0xff, 0xfe, 0x7b]) }))).status).toBe(400);
  });

  it("400 when the decrypted JSON has no string action", async () => {
    const { fetch } = endpoint(okHandler);
    expect((await fetch(post(seal({ version: "3.0" }).body))).status).toBe(400);
    expect((await fetch(post(seal([1, 2]).body))).status).toBe(400);
  });

  it("413 over the body limit (1 MiB by default), 405 for other methods", async () => {
    const { fetch } = endpoint(okHandler);
    const big = JSON.stringify({ encrypted_flow_data: "A".repeat(1024 * 1024), encrypted_aes_key: "", initial_vector: "" });
    expect((await fetch(post(big))).status).toBe(413);
    const small = endpoint(okHandler, { maxBodyBytes: 100 });
    expect((await small.fetch(post(seal({ ...base, action: "INIT" }).body))).status).toBe(413);
    const get = await fetch(new Request("https://bot.example/flows/signup"));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("432 when appSecret is set and X-Hub-Signature-256 is missing or wrong; 200 when it is right", async () => {
    const { fetch, log } = endpoint(okHandler, { appSecret: APP_SECRET });
    const sealed = seal({ ...base, action: "INIT" });
    const text = JSON.stringify(sealed.body);
    expect((await fetch(post(text))).status).toBe(432);
    expect((await fetch(post(text, { headers: { "x-hub-signature-256": hubSignature(text + " ") } }))).status).toBe(432);
    expect((await fetch(post(text, { headers: { "x-hub-signature-256": "sha256=zz" } }))).status).toBe(432);
    const ok = await fetch(post(text, { headers: { "x-hub-signature-256": hubSignature(text) } }));
    expect(ok.status).toBe(200);
    expect(open(await ok.text(), sealed)).toEqual({ version: "3.0", screen: "OK", data: {} });
    expect(log.lines.filter((l) => l.includes("X-Hub-Signature-256"))).toHaveLength(3);
  });

  it("a handler that throws: 500 with a fixed text, the error to onError, no stack in the response", async () => {
    const errors: unknown[] = [];
    const { fetch } = endpoint(
      () => {
        throw new Error("database down at /srv/app/db.ts:42");
      },
      { onError: (error, info) => void errors.push(error, info) },
    );
    const res = await fetch(post(seal({ ...base, action: "data_exchange", screen: "SIGNUP" }).body));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toBe("Internal Server Error");
    expect(errors[0]).toBeInstanceOf(Error);
    expect(errors[1]).toEqual({ path: "/flows/signup", action: "data_exchange", screen: "SIGNUP" });
  });

  it("a handler that returns nothing (outside error notifications): 500, logged", async () => {
    const { fetch, log } = endpoint(() => undefined);
    expect((await fetch(post(seal({ ...base, action: "INIT" }).body))).status).toBe(500);
    expect(log.lines.join("\n")).toMatch(/must return a FlowResponse/);
  });

  it("no key material, plaintext or stack trace in any response or log line", async () => {
    const marker = "PLAINTEXT-MARKER-7f3a";
    const { fetch, log } = endpoint(
      (_, req) => {
        if (req.screen === "THROW") throw new Error("boom");
        return { screen: "OK", data: { echoed: false } };
      },
      { appSecret: APP_SECRET, verifyFlowTokenSignature: false },
    );
    const seals: Sealed[] = [];
    const bodies: string[] = [];
    const requests = [
      () => post(seal({ ...base, action: "INIT", data: { secret: marker } }).body), // 432: unsigned
      () => signedPost(seal({ ...base, action: "INIT", data: { secret: marker } }, other.publicKey).body), // 421
      () => {
        const s = seal({ ...base, action: "INIT", data: { secret: marker } });
        seals.push(s);
        return signedPost({ ...s.body, encrypted_flow_data: Buffer.from(s.body.encrypted_flow_data, "base64").reverse().toString("base64") });
      }, // 421
      () => signedPost(seal({ ...base, action: "data_exchange", screen: "THROW", data: { secret: marker } }).body), // 500
      () => signedPost("{broken"), // 400
    ];
    for (const make of requests) {
      const res = await fetch(make());
      bodies.push(await res.text());
    }
    const everything = [...bodies, ...log.lines].join("\n");
    expect(bodies).toEqual(["Signature authentication failed", "Decryption failed", "Decryption failed", "Internal Server Error", "Bad Request"]);
    expect(everything).not.toContain(marker);
    expect(everything).not.toContain(APP_SECRET);
    const pemBody = PEM.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
    for (let i = 0; i + 32 <= pemBody.length; i += 32) expect(everything).not.toContain(pemBody.slice(i, i + 32));
    for (const s of seals) {
      expect(everything).not.toContain(s.key.toString("base64"));
      expect(everything).not.toContain(s.key.toString("hex"));
    }
    expect(bodies.join("\n")).not.toMatch(/\bat .*:\d+:\d+/); // no stack frames in responses
  });
});

describe("flow_token_signature (Data API 4.0)", () => {
  const okHandler = () => ({ screen: "OK", data: {} });
  const v4 = { version: "4.0", action: "data_exchange", screen: "S", flow_token: "tok-123" };

  it("a valid HS256 JWT over the flow token, signed with the app secret, passes", async () => {
    const { fetch } = endpoint(okHandler, { appSecret: APP_SECRET });
    const sealed = seal({ ...v4, flow_token_signature: jwt({ flow_token: "tok-123" }) });
    const res = await fetch(signedPost(sealed.body));
    expect(res.status).toBe(200);
    expect(open(await res.text(), sealed)).toEqual({ version: "4.0", screen: "OK", data: {} });
  });

  it("432 for a wrong key, another flow token, alg none, a mangled JWT or an expired one", async () => {
    const { fetch, log } = endpoint(okHandler, { appSecret: APP_SECRET });
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"flow_token":"tok-123"}').toString("base64url")}.`;
    const bad = [
      jwt({ flow_token: "tok-123" }, "another-secret"),
      jwt({ flow_token: "tok-999" }),
      none,
      "not.a.jwt",
      jwt({ flow_token: "tok-123" }) + "x",
      jwt({ flow_token: "tok-123", exp: Math.floor(Date.now() / 1000) - 3600 }),
      jwt({ flow_token: "tok-123" }, APP_SECRET, { alg: "HS512" }),
    ];
    for (const signature of bad) {
      const res = await fetch(signedPost(seal({ ...v4, flow_token_signature: signature }).body));
      expect(res.status, signature).toBe(432);
    }
    expect(log.lines.map((l) => /flow_token_signature (\S+);/.exec(l)?.[1])).toEqual([
      "signature",
      "flow-token",
      "algorithm",
      "malformed",
      "signature",
      "expired",
      "algorithm",
    ]);
  });

  it("absent: accepted by default, 432 with 'required'; never checked on ping", async () => {
    const lenient = endpoint(okHandler, { appSecret: APP_SECRET });
    expect((await lenient.fetch(signedPost(seal(v4).body))).status).toBe(200);
    const strict = endpoint(okHandler, { appSecret: APP_SECRET, verifyFlowTokenSignature: "required" });
    expect((await strict.fetch(signedPost(seal(v4).body))).status).toBe(432);
    expect((await strict.fetch(signedPost(seal({ version: "4.0", action: "ping" }).body))).status).toBe(200);
  });

  it("a custom verifier decides; 'required' without appSecret is refused at creation", async () => {
    const { fetch } = endpoint(okHandler, { verifyFlowTokenSignature: (req) => req.flowTokenSignature === "trusted" });
    expect((await fetch(post(seal({ ...v4, flow_token_signature: "trusted" }).body))).status).toBe(200);
    expect((await fetch(post(seal({ ...v4, flow_token_signature: "forged" }).body))).status).toBe(432);
    expect(() => endpoint(okHandler, { verifyFlowTokenSignature: "required" })).toThrow(/appSecret/);
  });
});

describe("the private key", () => {
  it("is imported once per PEM in the isolate, across endpoints (a fresh client per request, as on Lambda)", async () => {
    const fresh = rsaKeys();
    const importKey = vi.spyOn(crypto.subtle, "importKey");
    try {
      for (let i = 0; i < 3; i++) {
        const fetch = createFlowEndpoint({ handler: () => ({ screen: "OK", data: {} }), privateKey: fresh.privateKey, wa: WA, logger: captureLogger().logger });
        expect((await fetch(post(seal({ ...base, action: "INIT" }, fresh.publicKey).body))).status).toBe(200);
      }
      expect(importKey.mock.calls.filter(([format]) => format === "pkcs8")).toHaveLength(1);
    } finally {
      importKey.mockRestore();
    }
  });

  it("a password-protected PEM is read by flows/keys; a wrong password is logged without the password", async () => {
    const password = "correct horse battery";
    const encryptedPem = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: password },
    });
    const ok = endpoint(() => ({ screen: "OK", data: {} }), { privateKey: encryptedPem.privateKey, privateKeyPassword: password });
    const sealed = seal({ ...base, action: "INIT" }, encryptedPem.publicKey);
    expect(open(await (await ok.fetch(post(sealed.body))).text(), sealed)).toEqual({ version: "3.0", screen: "OK", data: {} });

    const wrong = endpoint(() => ({ screen: "OK", data: {} }), { privateKey: encryptedPem.privateKey, privateKeyPassword: "not it at all" });
    expect((await wrong.fetch(post(seal({ ...base, action: "INIT" }, encryptedPem.publicKey).body))).status).toBe(500);
    const logged = wrong.log.lines.join("\n");
    expect(logged).toMatch(/private key cannot be imported/);
    expect(logged).not.toContain("not it at all");
  });

  it("a loader function is called once, and again only after it failed", async () => {
    const key = await crypto.subtle.importKey(
      "pkcs8",
      Buffer.from(PEM.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, ""), "base64"),
      { name: "RSA-OAEP", hash: "SHA-256" },
      false,
      ["decrypt"],
    );
    let calls = 0;
    const { fetch, log } = endpoint(() => ({ screen: "OK", data: {} }), {
      privateKey: async () => {
        calls++;
        if (calls === 1) throw new Error("secret store unavailable");
        return key;
      },
    });
    expect((await fetch(post(seal({ ...base, action: "INIT" }).body))).status).toBe(500);
    for (let i = 0; i < 3; i++) expect((await fetch(post(seal({ ...base, action: "INIT" }).body))).status).toBe(200);
    expect(calls).toBe(2);
    expect(log.lines.join("\n")).toMatch(/loader failed: Error: secret store unavailable/);
  });

  it("a CryptoKey that cannot unwrap flow keys is refused at creation; an unreadable PEM is reported at startup", async () => {
    const signing = await crypto.subtle.generateKey(
      { name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    expect(() => endpoint(() => undefined, { privateKey: signing.privateKey })).toThrow(/RSA-OAEP/);
    const { fetch, log } = endpoint(() => undefined, { privateKey: "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----" });
    await new Promise((r) => setTimeout(r, 10));
    expect(log.lines.join("\n")).toMatch(/private key cannot be imported/);
    expect((await fetch(post(seal({ ...base, action: "INIT" }).body))).status).toBe(500);
  });
});

describe("decryptMedia (PhotoPicker / DocumentPicker)", () => {
  let cdn: Server;
  let cdnUrl: string;
  const files = new Map<string, Buffer>();
  const seenHeaders: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    cdn = createServer((req, res) => {
      seenHeaders.push(req.headers);
      const file = files.get(req.url ?? "");
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.length) }).end(file);
    });
    await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
    cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => cdn.close(() => resolve())));

  const b64sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("base64");

  /** A file encrypted for the CDN as WhatsApp does (Meta's media_upload reference), with node:crypto. */
  function upload(name: string, plaintext: Buffer, mutate?: (file: Buffer) => Buffer): FlowMedia {
    const encryptionKey = randomBytes(32);
    const hmacKey = randomBytes(32);
    const iv = randomBytes(16);
    const cipher = createCipheriv("aes-256-cbc", encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const mac = createHmac("sha256", hmacKey).update(Buffer.concat([iv, ciphertext])).digest().subarray(0, 10);
    const file = (mutate ?? ((f) => f))(Buffer.concat([ciphertext, mac]));
    files.set(`/${name}`, file);
    return {
      media_id: `media-${name}`,
      cdn_url: `${cdnUrl}/${name}`,
      file_name: `${name}.jpg`,
      encryption_metadata: {
        encrypted_hash: b64sha(file),
        iv: iv.toString("base64"),
        encryption_key: encryptionKey.toString("base64"),
        hmac_key: hmacKey.toString("base64"),
        plaintext_hash: b64sha(plaintext),
      },
    };
  }

  const photo = Buffer.from(Array.from({ length: 4099 }, (_, i) => (i * 31) & 0xff));

  it("downloads, checks and decrypts an upload through req.decryptMedia({ key, index }), with the client's fetch and no credentials", async () => {
    const media = upload("good", photo);
    const fetchSpy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    let decrypted: { mediaId: string; filename: string; bytes: Uint8Array } | undefined;
    const flow = endpoint(
      async (_, req) => {
        decrypted = await req.decryptMedia({ key: "photos", index: 0 });
        return req.respond({ screen: "THANKS", data: {} });
      },
      { fetch: fetchSpy as typeof fetch },
    );
    const sealed = seal({ ...base, action: "data_exchange", screen: "UPLOAD", data: { photos: [media] } });
    expect((await flow.fetch(post(sealed.body))).status).toBe(200);
    expect(decrypted?.mediaId).toBe("media-good");
    expect(decrypted?.filename).toBe("good.jpg");
    expect(Buffer.from(decrypted!.bytes).equals(photo)).toBe(true);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(seenHeaders.at(-1)?.authorization).toBeUndefined();
  });

  it("fails at the check that does not hold: encrypted_hash, HMAC, plaintext_hash, download", async () => {
    const reason = async (media: FlowMedia) => {
      const error = await decryptFlowMedia(media).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FlowMediaDecryptionError);
      return (error as FlowMediaDecryptionError).reason;
    };
    const badHash = upload("bad-hash", photo);
    badHash.encryption_metadata.encrypted_hash = b64sha(Buffer.from("something else"));
    expect(await reason(badHash)).toBe("encrypted-hash");

    // The MAC is wrong but the file's hash matches what the metadata says, so the HMAC check is the one that fails.
    const badMac = upload("bad-mac", photo, (file) => {
      const copy = Buffer.from(file);
      copy[copy.length - 1] = copy[copy.length - 1]! ^ 0x01;
      return copy;
    });
    expect(await reason(badMac)).toBe("hmac");

    const badPlain = upload("bad-plain", photo);
    badPlain.encryption_metadata.plaintext_hash = b64sha(Buffer.from("not the photo"));
    expect(await reason(badPlain)).toBe("plaintext-hash");

    expect(await reason({ ...upload("gone", photo), cdn_url: `${cdnUrl}/missing` })).toBe("download");
    expect(await reason({ ...upload("meta", photo), cdn_url: "ftp://example/x" })).toBe("metadata");
  });

  it("decryptMedia says which data item is missing", async () => {
    const req = new FlowRequest({ version: "3.0", action: "data_exchange", data: { photos: [] } });
    expect(() => req.decryptMedia({ key: "photos", index: 0 })).toThrow(/data\["photos"\]\[0\]/);
  });
});

describe("FlowEndpoints (the glue the client uses)", () => {
  const wa = new WhatsApp({ logger: captureLogger().logger, skipDuplicateUpdates: false });

  it("registers by path, refuses duplicates and the webhook path, and needs a key", () => {
    const flows = new FlowEndpoints({ wa, privateKey: PEM, reservedPaths: ["/"], logger: captureLogger().logger });
    flows.on("flows/a", () => ({ screen: "A", data: {} }));
    expect(flows.paths).toEqual(["/flows/a"]);
    expect(() => flows.on("/flows/a", () => undefined)).toThrow(/already registered/);
    expect(() => flows.on("/", () => undefined)).toThrow(/webhook/);
    expect(() => flows.get("/nope")).toThrow(/no flow endpoint/);
    expect(typeof flows.get("/flows/a")).toBe("function");
    const keyless = new FlowEndpoints({ wa });
    expect(() => keyless.on("/x", () => undefined)).toThrow(/businessPrivateKey/);
  });

  it("routes to sub-callbacks as pywa: no-screen ones first, then the screen's, then the main callback", async () => {
    const flows = new FlowEndpoints({ wa, privateKey: PEM, logger: captureLogger().logger });
    const handler = onFlowRequest("/flows/b", (_, req) => ({ screen: "MAIN", data: { action: req.action } }))
      .onInit((_, req) => req.respond({ screen: "FROM_INIT" }))
      .onDataExchange({ screen: "ONE" }, (_, req) => req.respond({ screen: "FROM_ONE" }))
      .onBack({ screen: "TWO" }, (_, req) => req.respond({ screen: "FROM_BACK" }));
    flows.add(handler);
    const send = async (payload: Record<string, unknown>) => {
      const sealed = seal({ ...base, ...payload });
      return open(await (await flows.get("/flows/b")(post(sealed.body))).text(), sealed);
    };
    expect(await send({ action: "INIT" })).toMatchObject({ screen: "FROM_INIT" });
    expect(await send({ action: "data_exchange", screen: "ONE" })).toMatchObject({ screen: "FROM_ONE" });
    expect(await send({ action: "data_exchange", screen: "OTHER" })).toMatchObject({ screen: "MAIN" });
    expect(await send({ action: "BACK", screen: "TWO" })).toMatchObject({ screen: "FROM_BACK" });
    // An error notification on INIT skips onInit (callOnError false) and is acknowledged.
    expect(await send({ action: "INIT", data: { error: "x" } })).toEqual({ version: "3.0", data: { acknowledged: true } });
  });

  it("the router lines for the lead: one catch-all that asks match(), after the webhook routes", async () => {
    const flows = new FlowEndpoints({ wa, privateKey: PEM, reservedPaths: ["/"], logger: captureLogger().logger });
    const app = new Hono();
    app.post("/", (c) => c.text("webhook"));
    // ── exactly what router.ts gets ──
    app.all("*", async (c, next) => {
      const endpoint = flows.match(c.req.path);
      if (!endpoint) return next();
      return endpoint(c.req.raw);
    });
    app.notFound((c) => c.text("Not Found", 404));
    expect(await (await app.fetch(new Request("https://bot.example/", { method: "POST" }))).text()).toBe("webhook");
    // Registered after the first request: Hono's matcher is built by now, match() still finds it.
    flows.on("/flows/late", (_, req) => req.respond({ screen: "LATE" }));
    const sealed = seal({ ...base, action: "INIT" });
    const res = await app.fetch(post(sealed.body, { url: "https://bot.example/flows/late" }));
    expect(open(await res.text(), sealed)).toMatchObject({ screen: "LATE" });
    expect((await app.fetch(new Request("https://bot.example/flows/late"))).status).toBe(405);
    expect((await app.fetch(new Request("https://bot.example/elsewhere", { method: "POST" }))).status).toBe(404);
  });
});

// ── Through wa.fetch ────────────────────────────────────────────────────────────

const wiredOptions: WhatsAppOptions = { appSecret: APP_SECRET, businessPrivateKey: PEM, logger: captureLogger().logger, skipDuplicateUpdates: false };

describe("wa.onFlowRequest + wa.fetch", () => {
  it("serves a flow endpoint next to the webhook, signed and encrypted", async () => {
    const wa = new WhatsApp(wiredOptions);
    let seenWa: unknown;
    wa.onFlowRequest("/flows/signup", (w, req) => {
      seenWa = w;
      return req.respond({ screen: "WELCOME", data: { token: req.flowToken } });
    });
    const sealed = seal({ ...base, action: "INIT" });
    const text = JSON.stringify(sealed.body);
    const res = await wa.fetch(
      new Request("https://bot.example/flows/signup", { method: "POST", body: text, headers: { "x-hub-signature-256": hubSignature(text) } }),
    );
    expect(res.status).toBe(200);
    expect(open(await res.text(), sealed)).toEqual({ version: "3.0", screen: "WELCOME", data: { token: "tok-123" } });
    expect(seenWa).toBe(wa);
    const unsigned = await wa.fetch(new Request("https://bot.example/flows/signup", { method: "POST", body: text }));
    expect(unsigned.status).toBe(432);
    const ping = seal({ version: "3.0", action: "ping" });
    const direct = wa.getFlowRequestHandler("/flows/signup");
    const pingText = JSON.stringify(ping.body);
    const pong = await direct(new Request("https://x/", { method: "POST", body: pingText, headers: { "x-hub-signature-256": hubSignature(pingText) } }));
    expect(open(await pong.text(), ping)).toEqual({ data: { status: "active" } });
  });
});
