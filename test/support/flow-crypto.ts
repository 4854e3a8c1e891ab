/**
 * Flow requests encrypted exactly as the WhatsApp client encrypts them, with
 * node:crypto: an implementation independent of the core's Web Crypto one. A random
 * AES-128 key wrapped with RSA-OAEP-SHA256, the JSON sealed with AES-128-GCM under a
 * random 16-byte IV, tag appended, all base64; answers opened under the bit-flipped IV.
 *
 * The encryption itself lives in the playground (packages/playground/src/flows/crypto.ts),
 * which sends the same requests to a bot's flow endpoint; this adds what tests need
 * around it: keys, the payload first with a default key, and the body as sent.
 */
import { generateKeyPairSync } from "node:crypto";
import { openFlowResponse, sealFlowRequest, type SealedFlowRequest } from "../../packages/playground/src/flows/crypto.ts";
import { metaSignature } from "./webhook.ts";

/** A fresh RSA-2048 key pair, PEM: SPKI public, PKCS#8 private. */
export function rsaKeys(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

/** The key pair `seal` encrypts for by default (one per test file). */
export const flowKeys = rsaKeys();

export interface Sealed extends SealedFlowRequest {
  /** `body` as the JSON text sent. */
  text: string;
}

/** What the WhatsApp client does with a request. */
export function seal(payload: unknown, publicKey: string = flowKeys.publicKey): Sealed {
  const sealed = sealFlowRequest(publicKey, payload);
  return { ...sealed, text: JSON.stringify(sealed.body) };
}

/** What the WhatsApp client does with the endpoint's answer: `open(text, sealed)`. */
export { openFlowResponse as open };

/** A flow request as Meta posts it: sealed, and signed with the app secret (`null`: unsigned). */
export function flowRequest(url: string, sealed: Sealed, appSecret: string | null): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (appSecret !== null) headers["x-hub-signature-256"] = metaSignature(appSecret, sealed.text);
  return new Request(url, { method: "POST", body: sealed.text, headers });
}
