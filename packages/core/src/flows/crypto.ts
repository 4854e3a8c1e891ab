/**
 * The flow endpoint's encryption, with Web Crypto only (Meta, "Implementing
 * Endpoint for Flows", and its Node example `encryption.js`):
 *
 *   request:  AES key = RSA-OAEP-SHA256⁻¹(encrypted_aes_key)      (16 bytes: AES-128)
 *             JSON    = AES-GCM⁻¹(key, iv = initial_vector, encrypted_flow_data)
 *                       (ciphertext ‖ 16-byte tag, no AAD: exactly Web Crypto's layout)
 *   response: base64(AES-GCM(key, iv with every byte XOR 0xFF, JSON) ‖ tag)
 *
 * Every field is standard base64. Nothing here logs, and no error message carries
 * key material or data: failures are reported as a `DecryptFailure` step name.
 */
import { FlowRequestCannotBeDecrypted, type DecryptFailure } from "./errors.ts";

/** The three fields of a flow request body, still base64. */
export interface EncryptedFlowRequest {
  encrypted_flow_data: string;
  encrypted_aes_key: string;
  initial_vector: string;
}

/** What the response must be encrypted with: the request's AES key and IV. */
export interface FlowSession {
  /** Non-extractable AES-GCM key: nothing can read it back out. */
  readonly key: CryptoKey;
  readonly iv: Uint8Array<ArrayBuffer>;
}

export interface DecryptedFlowRequest {
  /** The parsed JSON (an object, an array, … : the caller checks its shape). */
  payload: unknown;
  session: FlowSession;
}

const TAG_BYTES = 16;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const encoder = new TextEncoder();

const fail = (reason: DecryptFailure): never => {
  throw new FlowRequestCannotBeDecrypted(reason);
};

/**
 * Decrypts a flow request. Throws `FlowRequestCannotBeDecrypted` (421) at the
 * first step that fails; the client then re-fetches the public key and retries.
 */
export async function decryptFlowRequest(privateKey: CryptoKey, body: EncryptedFlowRequest): Promise<DecryptedFlowRequest> {
  const wrappedKey = fromBase64(body.encrypted_aes_key) ?? fail("bad-base64");
  const data = fromBase64(body.encrypted_flow_data) ?? fail("bad-base64");
  const iv = fromBase64(body.initial_vector) ?? fail("bad-base64");
  // GCM takes an IV of any non-zero length (the client sends 16 bytes); an empty
  // one is refused outright rather than left to each runtime's own error.
  if (iv.byteLength === 0) fail("empty-iv");
  if (data.byteLength < TAG_BYTES) fail("short-ciphertext");

  let rawKey: Uint8Array;
  try {
    rawKey = new Uint8Array(await crypto.subtle.decrypt({ name: "RSA-OAEP" }, privateKey, wrappedKey));
  } catch {
    return fail("rsa-unwrap");
  }
  let key: CryptoKey;
  try {
    if (rawKey.byteLength !== 16 && rawKey.byteLength !== 24 && rawKey.byteLength !== 32) fail("aes-key-length");
    key = await crypto.subtle.importKey("raw", rawKey as Uint8Array<ArrayBuffer>, { name: "AES-GCM" }, false, ["decrypt", "encrypt"]);
  } catch (error) {
    if (error instanceof FlowRequestCannotBeDecrypted) throw error;
    return fail("aes-key-length");
  } finally {
    // The imported key is non-extractable; the raw bytes need not outlive it.
    rawKey.fill(0);
  }

  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt({ name: "AES-GCM", iv, tagLength: 128 }, key, data);
  } catch {
    return fail("aes-gcm");
  }
  let text: string;
  try {
    text = utf8.decode(plaintext);
  } catch {
    return fail("not-utf8");
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return fail("not-json");
  }
  return { payload, session: { key, iv } };
}

/** Encrypts a response JSON string for the request `session` came from: base64 of ciphertext ‖ tag. */
export async function encryptFlowResponse(session: FlowSession, json: string): Promise<string> {
  const flipped = new Uint8Array(session.iv.byteLength);
  for (let i = 0; i < flipped.length; i++) flipped[i] = session.iv[i]! ^ 0xff;
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv: flipped, tagLength: 128 }, session.key, encoder.encode(json));
  return toBase64(new Uint8Array(sealed));
}

/** Throws unless `key` can unwrap flow AES keys: RSA-OAEP with SHA-256, usable to decrypt. */
export function assertFlowPrivateKey(key: CryptoKey): void {
  const algorithm = key.algorithm as { name?: string; hash?: { name: string } };
  if (key.type !== "private" || algorithm.name !== "RSA-OAEP" || algorithm.hash?.name !== "SHA-256" || !key.usages.includes("decrypt")) {
    throw new TypeError(
      "The flow private key must be an RSA-OAEP private key with hash SHA-256 and the \"decrypt\" usage " +
        `(got ${key.type} ${String(algorithm.name)}${algorithm.hash ? `/${algorithm.hash.name}` : ""} [${key.usages.join(", ")}])`,
    );
  }
}

// ── base64 ────────────────────────────────────────────────────────────────────
// Strict standard base64 (Meta's alphabet), padding optional. atob would do, but it
// also skips whitespace and returns a binary string to copy again; this is one pass.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

function sextet(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? LOOKUP[c]! : -1;
}

/** Standard base64 → bytes; undefined for anything else (other characters, bad length or padding). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (end !== text.length && text.length % 4 !== 0) return undefined;
  const rest = end % 4;
  if (rest === 1) return undefined;
  const out = new Uint8Array((end >> 2) * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const a = sextet(text, i), b = sextet(text, i + 1), c = sextet(text, i + 2), d = sextet(text, i + 3);
    if ((a | b | c | d) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (rest >= 2) {
    const a = sextet(text, i), b = sextet(text, i + 1), c = rest === 3 ? sextet(text, i + 2) : 0;
    if ((a | b | c) < 0) return undefined;
    out[o++] = (a << 2) | (b >> 4);
    if (rest === 3) out[o++] = ((b & 0x0f) << 4) | (c >> 2);
  }
  return out;
}

/** Bytes → standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + "=";
  }
  return out;
}
