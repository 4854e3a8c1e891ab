/**
 * Helpers for the @edgewa/vercel tests: a stand-in for the Vercel runtime's request
 * context, a gate for handlers, and flow requests encrypted and signed exactly as the
 * WhatsApp client does it, with node:crypto (independent of the core's Web Crypto).
 */
import { constants, createCipheriv, createDecipheriv, generateKeyPairSync, publicEncrypt, randomBytes } from "node:crypto";
import { metaSignature } from "../support/webhook.ts";

const VERCEL_REQUEST_CONTEXT = Symbol.for("@vercel/request-context");
type ContextHolder = { get(): { waitUntil?: (p: Promise<unknown>) => void } };

/**
 * Runs `fn` as the Vercel runtime runs a function: with a request context holding a
 * `waitUntil` under `Symbol.for("@vercel/request-context")`, which is where
 * `@vercel/functions` looks for it. The previous holder is put back afterwards.
 */
export async function insideVercel<T>(waitUntil: (p: Promise<unknown>) => void, fn: () => Promise<T>): Promise<T> {
  const global = globalThis as unknown as Record<symbol, ContextHolder | undefined>;
  const previous = global[VERCEL_REQUEST_CONTEXT];
  global[VERCEL_REQUEST_CONTEXT] = { get: () => ({ waitUntil }) };
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete global[VERCEL_REQUEST_CONTEXT];
    else global[VERCEL_REQUEST_CONTEXT] = previous;
  }
}

/** A promise the test opens when it wants. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** `promise`, or a rejection naming `what` after `ms`: a hang becomes a readable failure. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether `promise` has settled by the next macrotask. */
export async function settledSoon(promise: Promise<unknown>, ms = 50): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
}

// ── Flows ──────────────────────────────────────────────────────────────────────

export const flowKeys = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

export interface SealedFlowRequest {
  /** The JSON body as sent. */
  text: string;
  aesKey: Buffer;
  iv: Buffer;
}

/** What the WhatsApp client does with a flow request: AES-128-GCM under a fresh key wrapped with RSA-OAEP-SHA256. */
export function sealFlowRequest(payload: unknown, publicKey: string = flowKeys.publicKey): SealedFlowRequest {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey);
  const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final(), cipher.getAuthTag()]);
  const body = { encrypted_flow_data: data.toString("base64"), encrypted_aes_key: wrapped.toString("base64"), initial_vector: iv.toString("base64") };
  return { text: JSON.stringify(body), aesKey, iv };
}

/** What the WhatsApp client does with the endpoint's answer: AES-GCM under the bit-flipped IV. */
export function openFlowResponse(base64: string, { aesKey, iv }: SealedFlowRequest): unknown {
  const sealed = Buffer.from(base64, "base64");
  const decipher = createDecipheriv("aes-128-gcm", aesKey, Buffer.from(iv.map((b) => b ^ 0xff)));
  decipher.setAuthTag(sealed.subarray(-16));
  return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]).toString("utf8"));
}

/** A flow request as Meta posts it: sealed, and signed with the app secret (`null`: unsigned). */
export function flowRequest(url: string, sealed: SealedFlowRequest, appSecret: string | null): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (appSecret !== null) headers["x-hub-signature-256"] = metaSignature(appSecret, sealed.text);
  return new Request(url, { method: "POST", body: sealed.text, headers });
}
