import { constants, createCipheriv, createDecipheriv, createHmac, generateKeyPairSync, publicEncrypt, randomBytes } from "node:crypto";

/**
 * Flow requests encrypted as the WhatsApp client encrypts them, with node:crypto (an
 * implementation independent of the core's Web Crypto one): a random AES-128 key
 * wrapped with RSA-OAEP-SHA256, the JSON sealed with AES-128-GCM, tag appended, all
 * base64; answers opened under the bit-flipped IV. As test/flows.test.ts does.
 */
export function rsaKeys(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

export interface Sealed {
  body: string;
  aesKey: Buffer;
  iv: Buffer;
}

export function seal(payload: unknown, publicKey: string): Sealed {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey);
  const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final(), cipher.getAuthTag()]);
  const body = JSON.stringify({
    encrypted_flow_data: data.toString("base64"),
    encrypted_aes_key: wrapped.toString("base64"),
    initial_vector: iv.toString("base64"),
  });
  return { body, aesKey, iv };
}

export function open(text: string, { aesKey, iv }: Sealed): unknown {
  const sealed = Buffer.from(text, "base64");
  const decipher = createDecipheriv("aes-128-gcm", aesKey, Buffer.from(iv.map((b) => b ^ 0xff)));
  decipher.setAuthTag(sealed.subarray(-16));
  return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]).toString("utf8"));
}

/** `X-Hub-Signature-256` of a body, as Meta signs flow requests too. */
export const hubSignature = (secret: string, body: string) => "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
