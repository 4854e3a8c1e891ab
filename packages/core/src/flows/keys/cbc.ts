// The CBC ciphers a private key can be encrypted with, shared by both encrypted
// formats (PBES2 PKCS#8 and OpenSSL's legacy PEM): AES through Web Crypto, DES and
// Triple-DES through des.ts. A padding failure means the password was wrong.

import { desEde3CbcDecrypt } from "./des.ts";
import { PrivateKeyError, type PrivateKeyFormat } from "./errors.ts";

export type CbcCipher = "AES-128-CBC" | "AES-192-CBC" | "AES-256-CBC" | "DES-EDE3-CBC" | "DES-CBC";

/** Key and IV (= block) lengths in bytes. */
export const CBC_CIPHERS: Readonly<Record<CbcCipher, { readonly keyLength: number; readonly ivLength: number }>> = {
  "AES-128-CBC": { keyLength: 16, ivLength: 16 },
  "AES-192-CBC": { keyLength: 24, ivLength: 16 },
  "AES-256-CBC": { keyLength: 32, ivLength: 16 },
  "DES-EDE3-CBC": { keyLength: 24, ivLength: 8 },
  "DES-CBC": { keyLength: 8, ivLength: 8 },
};

export function isCbcCipher(name: string): name is CbcCipher {
  return Object.hasOwn(CBC_CIPHERS, name);
}

/**
 * `data` without its PKCS#7 padding, or undefined when the padding is invalid
 * (1…blockSize bytes, all equal to their count). Checks every padding byte: with a
 * wrong key the last byte alone is 0x01 one time in 256.
 */
export function stripPkcs7(data: Uint8Array<ArrayBuffer>, blockSize: number): Uint8Array<ArrayBuffer> | undefined {
  const n = data[data.length - 1] ?? 0;
  if (data.length === 0 || data.length % blockSize !== 0 || n < 1 || n > blockSize) return undefined;
  let bad = 0;
  for (let i = data.length - n; i < data.length; i++) bad |= (data[i] ?? 0) ^ n;
  return bad === 0 ? data.subarray(0, data.length - n) : undefined;
}

/**
 * Decrypts and unpads. A bad padding is a PrivateKeyError("wrong-password"): that
 * is what a wrong password produces (callers also check the plaintext's structure,
 * for the rare wrong password whose padding happens to look valid).
 */
export async function cbcDecrypt(
  cipher: CbcCipher,
  key: Uint8Array<ArrayBuffer>,
  iv: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
  format: PrivateKeyFormat,
): Promise<Uint8Array<ArrayBuffer>> {
  const { ivLength } = CBC_CIPHERS[cipher];
  if (iv.length !== ivLength) {
    throw new PrivateKeyError(format, "malformed", `The key's ${cipher} IV is ${iv.length} bytes, not ${ivLength}: the key is damaged.`);
  }
  if (data.length === 0 || data.length % ivLength !== 0) {
    throw new PrivateKeyError(
      format,
      "malformed",
      `The encrypted key is not a whole number of ${cipher} blocks: it was cut off or damaged when copied.`,
    );
  }
  if (cipher.startsWith("DES")) {
    // Single DES is Triple-DES with K1 = K2 = K3 (EDE collapses to one encryption).
    const key24 = cipher === "DES-CBC" ? new Uint8Array([...key, ...key, ...key]) : key;
    const plain = stripPkcs7(desEde3CbcDecrypt(key24, iv, data), 8);
    if (plain === undefined) throw wrongPassword(format);
    return plain;
  }
  let aesKey: CryptoKey;
  try {
    aesKey = await crypto.subtle.importKey("raw", key, "AES-CBC", false, ["decrypt"]);
  } catch (cause) {
    // Browsers' Web Crypto (and so possibly other runtimes) refuses 192-bit AES keys.
    throw new PrivateKeyError(
      format,
      "unsupported-encryption",
      `This runtime's Web Crypto cannot use ${cipher}. Re-encrypt the key with AES-256: ` +
        "`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-aes256.pem`.",
      { cause },
    );
  }
  try {
    // Web Crypto removes (and checks) the PKCS#7 padding itself.
    return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-CBC", iv }, aesKey, data));
  } catch {
    throw wrongPassword(format);
  }
}

/** The error for a password that does not decrypt the key. */
export function wrongPassword(format: PrivateKeyFormat): PrivateKeyError {
  return new PrivateKeyError(
    format,
    "wrong-password",
    "The private key is encrypted and the password is wrong (the key did not decrypt). " +
      "Check businessPrivateKeyPassword (privateKeyPassword on a flow endpoint): the passphrase chosen when the key was generated.",
  );
}
