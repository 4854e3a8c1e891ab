/**
 * `X-Hub-Signature-256`: Meta signs the raw request body with HMAC-SHA256 keyed by
 * the app secret and sends `sha256=<lower-case hex>`. We check it with
 * `crypto.subtle.verify`, which compares in constant time, over the exact bytes we
 * received (never re-serialised JSON).
 */
import { toHex } from "./digest.ts";

export type SignatureCheck = "valid" | "missing" | "invalid";

const PREFIX = "sha256=";
const encoder = new TextEncoder();

/** Imports the app secret once; the key is reused for every request of the client. */
export function importAppSecret(appSecret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(appSecret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

export async function checkSignature(
  key: CryptoKey,
  body: Uint8Array<ArrayBuffer>,
  header: string | null | undefined,
): Promise<SignatureCheck> {
  if (!header) return "missing";
  const digest = header.startsWith(PREFIX) ? parseHex(header.slice(PREFIX.length)) : undefined;
  if (!digest) return "invalid";
  return (await crypto.subtle.verify("HMAC", key, digest, body)) ? "valid" : "invalid";
}

/** The header value Meta would send for this body (tests, the playground, benchmarks). */
export async function signBody(key: CryptoKey, body: Uint8Array<ArrayBuffer>): Promise<string> {
  return PREFIX + toHex(await crypto.subtle.sign("HMAC", key, body));
}

/** 64 hex characters (either case) → 32 bytes; anything else → undefined. */
function parseHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length !== 64) return undefined;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    if ((hi | lo) < 0) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 97 && c <= 102) return c - 87; // a-f
  if (c >= 65 && c <= 70) return c - 55; // A-F
  return -1;
}

/** Constant-time string equality (for the verify token). */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
