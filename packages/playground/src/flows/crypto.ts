// The tests seal their flow requests with this too (test/support/flow-crypto.ts): it
// stays node:crypto, an implementation independent of the core's Web Crypto one.
import { constants, createCipheriv, createDecipheriv, publicEncrypt, randomBytes } from "node:crypto";

/**
 * A data-exchange request encrypted as the WhatsApp client encrypts it: a fresh
 * AES-128 key wrapped with the business's public key (RSA-OAEP, SHA-256), the JSON
 * sealed with AES-128-GCM under a fresh 16-byte IV (tag appended), all base64.
 */
export interface SealedFlowRequest {
  body: { encrypted_flow_data: string; encrypted_aes_key: string; initial_vector: string };
  key: Buffer;
  iv: Buffer;
}

export function sealFlowRequest(publicKeyPem: string, payload: unknown): SealedFlowRequest {
  const key = randomBytes(16);
  const iv = randomBytes(16);
  const wrapped = publicEncrypt({ key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, key);
  const cipher = createCipheriv("aes-128-gcm", key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return {
    body: { encrypted_flow_data: data.toString("base64"), encrypted_aes_key: wrapped.toString("base64"), initial_vector: iv.toString("base64") },
    key,
    iv,
  };
}

/** The endpoint's answer: base64 of AES-128-GCM under the same key and the bit-flipped IV. */
export function openFlowResponse(text: string, { key, iv }: Pick<SealedFlowRequest, "key" | "iv">): unknown {
  const sealed = Buffer.from(text.trim(), "base64");
  if (sealed.length < 17) throw new Error("the flow endpoint's answer is too short to be an encrypted response");
  const decipher = createDecipheriv("aes-128-gcm", key, Buffer.from(iv.map((b) => b ^ 0xff)));
  decipher.setAuthTag(sealed.subarray(-16));
  return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]).toString("utf8"));
}
