import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FlowRequest, WhatsApp, onFlowRequest, type WhatsAppOptions } from "@edgewa/core";
import { flowRequest, open, seal } from "./support/flow-crypto.ts";

/**
 * Flow endpoints through the client (issue 4, item 1 and its conventions):
 * `wa.addFlowRequestHandler(onFlowRequest(...))` served by `wa.fetch` at its path,
 * `new WhatsApp({ businessPrivateKey, businessPrivateKeyPassword })` with a
 * password-protected PKCS#8 key made by node:crypto, and a per-endpoint key that
 * overrides the client's. Requests are sealed with node:crypto as the WhatsApp
 * client seals them (test/support/flow-crypto.ts).
 */

interface KeyPair {
  publicKey: string;
  /** PKCS#8 PEM, encrypted (`BEGIN ENCRYPTED PRIVATE KEY`) when made with a password. */
  privateKey: string;
}

/** A fresh RSA-2048 pair; with a password, the private key is PKCS#8 under PBES2 + AES-256-CBC. */
function keyPair(password?: string): KeyPair {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding:
      password === undefined
        ? { type: "pkcs8", format: "pem" }
        : { type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: password },
  });
}

const CLIENT_PASSWORD = "client-key-password-7c1e";
const OVERRIDE_PASSWORD = "endpoint-key-password-42ab";
const clientKeys = keyPair(CLIENT_PASSWORD);
const overrideKeys = keyPair(OVERRIDE_PASSWORD);
const plainKeys = keyPair();

const ORIGIN = "https://bot.example";
const base = { version: "3.0", flow_token: "tok-123" };

function captureLogger() {
  const lines: string[] = [];
  const push = (...args: unknown[]) => lines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "));
  return { lines, logger: { debug: push, warn: push, error: push } };
}

function client(options: WhatsAppOptions = {}) {
  const log = captureLogger();
  const wa = new WhatsApp({
    businessPrivateKey: clientKeys.privateKey,
    businessPrivateKeyPassword: CLIENT_PASSWORD,
    logger: log.logger,
    skipDuplicateUpdates: false,
    ...options,
  });
  return { wa, log };
}

/** Posts a request sealed for `publicKey` to `path` through `wa.fetch`; the response and the sealed request. */
async function post(wa: WhatsApp, path: string, payload: Record<string, unknown>, publicKey = clientKeys.publicKey) {
  const sealed = seal({ ...base, ...payload }, publicKey);
  const response = await wa.fetch(flowRequest(`${ORIGIN}${path}`, sealed, null));
  return { response, sealed };
}

describe("wa.addFlowRequestHandler + wa.fetch", () => {
  it("a handler made by onFlowRequest(...) and added to the client is served by wa.fetch at its path", async () => {
    const { wa } = client();
    const seen: { wa: unknown; req: FlowRequest }[] = [];
    const handler = onFlowRequest("/flows/signup", (w, req) => {
      seen.push({ wa: w, req });
      return req.respond({ screen: "WELCOME", data: { token: req.flowToken, screen: req.screen ?? null } });
    });
    expect(wa.addFlowRequestHandler(handler)).toBe(wa);

    const { response, sealed } = await post(wa, "/flows/signup", { action: "data_exchange", screen: "FORM", data: { name: "Dana" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(open(await response.text(), sealed)).toEqual({ version: "3.0", screen: "WELCOME", data: { token: "tok-123", screen: "FORM" } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.wa).toBe(wa);
    expect(seen[0]!.req).toBeInstanceOf(FlowRequest);
    expect(seen[0]!.req).toMatchObject({ action: "data_exchange", screen: "FORM", data: { name: "Dana" }, flowToken: "tok-123" });

    // Its sub-callbacks come along: pywa's on_init on the standalone handler.
    handler.onInit((_, req) => req.respond({ screen: "FIRST" }));
    const init = await post(wa, "/flows/signup", { action: "INIT" });
    expect(open(await init.response.text(), init.sealed)).toEqual({ version: "3.0", screen: "FIRST", data: {} });

    // ping never reaches the handler.
    const ping = await post(wa, "/flows/signup", { action: "ping" });
    expect(open(await ping.response.text(), ping.sealed)).toEqual({ data: { status: "active" } });
    expect(seen).toHaveLength(1);

    // Only at its path: elsewhere wa.fetch answers 404, and the handler is not called.
    expect((await post(wa, "/flows/other", { action: "INIT" })).response.status).toBe(404);
    expect((await post(wa, "/flows/signup/extra", { action: "INIT" })).response.status).toBe(404);
    expect(seen).toHaveLength(1);
    // The same endpoint, as a fetch handler to mount elsewhere.
    const direct = await wa.getFlowRequestHandler("/flows/signup")(flowRequest(`${ORIGIN}/anywhere`, sealed, null));
    expect(open(await direct.text(), sealed)).toMatchObject({ screen: "WELCOME" });
  });

  it("a handler added after the client has served requests is reachable; the webhook path stays the webhook's", async () => {
    const { wa } = client({ verifyToken: "vt" });
    const challenge = await wa.fetch(new Request(`${ORIGIN}/?hub.mode=subscribe&hub.verify_token=vt&hub.challenge=1234`));
    expect(await challenge.text()).toBe("1234");
    expect((await post(wa, "/flows/late", { action: "INIT" })).response.status).toBe(404);

    wa.addFlowRequestHandler(onFlowRequest("flows/late", (_, req) => req.respond({ screen: "LATE" })));
    const { response, sealed } = await post(wa, "/flows/late", { action: "INIT" });
    expect(response.status).toBe(200);
    expect(open(await response.text(), sealed)).toEqual({ version: "3.0", screen: "LATE", data: {} });

    expect(() => wa.addFlowRequestHandler(onFlowRequest("/", () => undefined))).toThrow(/webhook/);
    expect(() => wa.addFlowRequestHandler(onFlowRequest("/flows/late", () => undefined))).toThrow(/already registered/);
    expect(() => wa.addFlowRequestHandler({ path: "/x" } as never)).toThrow(/onFlowRequest/);
  });
});

describe("businessPrivateKey with businessPrivateKeyPassword", () => {
  it("a password-protected PKCS#8 key (AES-256-CBC, made by node:crypto) decrypts requests", async () => {
    expect(clientKeys.privateKey).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    const { wa, log } = client();
    wa.addFlowRequestHandler(onFlowRequest("/flows/a", (_, req) => req.respond({ screen: "OK", data: { got: req.data } })));
    const { response, sealed } = await post(wa, "/flows/a", { action: "data_exchange", screen: "S", data: { n: 1 } });
    expect(response.status).toBe(200);
    expect(open(await response.text(), sealed)).toEqual({ version: "3.0", screen: "OK", data: { got: { n: 1 } } });
    expect(log.lines.filter((line) => /private key/i.test(line))).toEqual([]);
  });

  it("a wrong password: the key is reported at registration, requests get 500, the password never shows", async () => {
    const { wa, log } = client({ businessPrivateKeyPassword: "not-the-password" });
    wa.addFlowRequestHandler(onFlowRequest("/flows/a", () => ({ screen: "NEVER", data: {} })));
    const { response } = await post(wa, "/flows/a", { action: "INIT" });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Internal Server Error");
    const logged = log.lines.join("\n");
    expect(logged).toMatch(/flow endpoint \/flows\/a: the private key cannot be imported/);
    expect(logged).toMatch(/password is wrong/);
    expect(logged).not.toContain("not-the-password");
  });
});

describe("a per-endpoint private key overrides the client's", () => {
  it("each endpoint decrypts with its own key: a request sealed for the other key gets 421", async () => {
    const { wa, log } = client();
    const respond = (label: string) => onFlowRequest(`/flows/${label}`, (_, req) => req.respond({ screen: label.toUpperCase() }));
    wa.addFlowRequestHandler(
      respond("client"),
      onFlowRequest("/flows/override", (_, req) => req.respond({ screen: "OVERRIDE" }), {
        privateKey: overrideKeys.privateKey,
        privateKeyPassword: OVERRIDE_PASSWORD,
      }),
      // A plain key: the client's password is not needed for it, and does not get in its way.
      onFlowRequest("/flows/plain", (_, req) => req.respond({ screen: "PLAIN" }), { privateKey: plainKeys.privateKey }),
    );

    const forOverride = await post(wa, "/flows/override", { action: "INIT" }, overrideKeys.publicKey);
    expect(forOverride.response.status).toBe(200);
    expect(open(await forOverride.response.text(), forOverride.sealed)).toEqual({ version: "3.0", screen: "OVERRIDE", data: {} });

    const clientKeyAtOverride = await post(wa, "/flows/override", { action: "INIT" }, clientKeys.publicKey);
    expect(clientKeyAtOverride.response.status).toBe(421);
    expect(await clientKeyAtOverride.response.text()).toBe("Decryption failed");

    const atClient = await post(wa, "/flows/client", { action: "INIT" }, clientKeys.publicKey);
    expect(atClient.response.status).toBe(200);
    expect(open(await atClient.response.text(), atClient.sealed)).toEqual({ version: "3.0", screen: "CLIENT", data: {} });
    expect((await post(wa, "/flows/client", { action: "INIT" }, overrideKeys.publicKey)).response.status).toBe(421);

    const atPlain = await post(wa, "/flows/plain", { action: "INIT" }, plainKeys.publicKey);
    expect(atPlain.response.status).toBe(200);
    expect(open(await atPlain.response.text(), atPlain.sealed)).toEqual({ version: "3.0", screen: "PLAIN", data: {} });
    expect((await post(wa, "/flows/plain", { action: "INIT" }, clientKeys.publicKey)).response.status).toBe(421);

    expect(log.lines.filter((line) => /cannot be imported/.test(line))).toEqual([]);
    const logged = log.lines.join("\n");
    expect(logged).not.toContain(CLIENT_PASSWORD);
    expect(logged).not.toContain(OVERRIDE_PASSWORD);
  });

  it("an endpoint's own key falls back to the client's password, as in pywa", async () => {
    const sameSecret = keyPair(CLIENT_PASSWORD);
    const { wa, log } = client();
    wa.addFlowRequestHandler(onFlowRequest("/flows/same", (_, req) => req.respond({ screen: "SAME" }), { privateKey: sameSecret.privateKey }));
    const { response, sealed } = await post(wa, "/flows/same", { action: "INIT" }, sameSecret.publicKey);
    expect(response.status).toBe(200);
    expect(open(await response.text(), sealed)).toEqual({ version: "3.0", screen: "SAME", data: {} });
    expect(log.lines.join("\n")).not.toContain(CLIENT_PASSWORD);
  });

  it("an endpoint's key works on a client that has none", async () => {
    const log = captureLogger();
    const wa = new WhatsApp({ logger: log.logger, skipDuplicateUpdates: false });
    expect(() => wa.addFlowRequestHandler(onFlowRequest("/flows/keyless", () => undefined))).toThrow(/businessPrivateKey/);
    wa.addFlowRequestHandler(
      onFlowRequest("/flows/own", (_, req) => req.respond({ screen: "OWN" }), { privateKey: overrideKeys.privateKey, privateKeyPassword: OVERRIDE_PASSWORD }),
    );
    const { response, sealed } = await post(wa, "/flows/own", { action: "INIT" }, overrideKeys.publicKey);
    expect(response.status).toBe(200);
    expect(open(await response.text(), sealed)).toEqual({ version: "3.0", screen: "OWN", data: {} });
  });
});
