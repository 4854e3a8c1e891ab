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
import { fromBase64, toBase64 } from "../encoding/base64.ts";
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
