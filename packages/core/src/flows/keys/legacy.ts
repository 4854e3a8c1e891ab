// OpenSSL's legacy ("traditional") PEM encryption, as in
//
//   -----BEGIN RSA PRIVATE KEY-----
//   Proc-Type: 4,ENCRYPTED
//   DEK-Info: DES-EDE3-CBC,8C9A1F2B3D4E5F60
//
// Written by `openssl genrsa -des3` before OpenSSL 3, by `openssl rsa -traditional`,
// by Node's `export({ type: "pkcs1", cipher })`, and by Meta's Flows key
// generator. The key is EVP_BytesToKey(MD5, salt = first 8 bytes of the IV,
// one iteration): D₁ = MD5(password ‖ salt), Dᵢ = MD5(Dᵢ₋₁ ‖ password ‖ salt), as
// many as the key length needs.

import { CBC_CIPHERS, cbcDecrypt, isCbcCipher } from "./cbc.ts";
import { concatBytes } from "./der.ts";
import { PrivateKeyError } from "./errors.ts";
import { md5 } from "./md5.ts";

/** OpenSSL's EVP_BytesToKey with MD5 and one iteration: the first `length` bytes. */
export function evpBytesToKeyMd5(password: Uint8Array, salt: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let filled = 0;
  let prev: Uint8Array = new Uint8Array(0);
  while (filled < length) {
    prev = md5(concatBytes(prev, password, salt));
    const take = Math.min(prev.length, length - filled);
    out.set(prev.subarray(0, take), filled);
    filled += take;
  }
  return out;
}

/**
 * The DER inside a legacy-encrypted PEM body. `dekInfo` is the DEK-Info header
 * ("DES-EDE3-CBC,<hex IV>"). Throws PrivateKeyError for an unsupported cipher, a
 * damaged header, or a wrong password (bad padding).
 */
export async function decryptLegacyPem(
  dekInfo: string | undefined,
  body: Uint8Array<ArrayBuffer>,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const m = /^([A-Za-z0-9-]+),([0-9A-Fa-f]+)$/.exec(dekInfo ?? "");
  if (!m) {
    throw new PrivateKeyError(
      "encrypted-pkcs1",
      "malformed",
      'The key says "Proc-Type: 4,ENCRYPTED" but has no valid "DEK-Info: <cipher>,<hex IV>" line: ' +
        "the header was damaged when copied. Paste the file's contents unchanged.",
    );
  }
  const cipher = (m[1] ?? "").toUpperCase();
  const ivHex = m[2] ?? "";
  if (!isCbcCipher(cipher)) {
    throw new PrivateKeyError(
      "encrypted-pkcs1",
      "unsupported-encryption",
      `The key is encrypted with ${cipher.slice(0, 40)}, which is not supported ` +
        "(supported: DES-EDE3-CBC, DES-CBC, AES-128/192/256-CBC). Re-encrypt it: " +
        "`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-aes256.pem`.",
    );
  }
  const { keyLength, ivLength } = CBC_CIPHERS[cipher];
  if (ivHex.length !== ivLength * 2) {
    throw new PrivateKeyError(
      "encrypted-pkcs1",
      "malformed",
      `The DEK-Info IV is ${ivHex.length / 2} bytes, not ${ivLength} for ${cipher}: the header was damaged.`,
    );
  }
  const iv = new Uint8Array(ivLength);
  for (let i = 0; i < ivLength; i++) iv[i] = parseInt(ivHex.slice(2 * i, 2 * i + 2), 16);
  const key = evpBytesToKeyMd5(new TextEncoder().encode(password), iv.subarray(0, 8), keyLength);
  return cbcDecrypt(cipher, key, iv, body, "encrypted-pkcs1");
}
