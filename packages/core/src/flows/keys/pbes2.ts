// Encrypted PKCS#8 (RFC 5208 EncryptedPrivateKeyInfo, RFC 8018 PBES2):
//
//   EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
//   PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier {PBKDF2}, encryptionScheme AlgorithmIdentifier }
//   PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER,
//                                keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
//
// What `openssl genpkey -aes256`, `openssl pkcs8 -topk8`, OpenSSL 3's `genrsa -des3`
// and Node's `export({ type: "pkcs8", cipher })` write. PBKDF2 and AES run on Web
// Crypto; DES-EDE3 (OpenSSL 3's -des3) on des.ts. PBES1 and PKCS#12 PBE schemes are
// refused with a conversion command: nothing current writes them by default.

import { CBC_CIPHERS, cbcDecrypt, type CbcCipher } from "./cbc.ts";
import { DerError, TAG, expect, parseDer, readOid, readSmallInt, sequence } from "./der.ts";
import { PrivateKeyError } from "./errors.ts";

const OID_PBES2 = "1.2.840.113549.1.5.13";
const OID_PBKDF2 = "1.2.840.113549.1.5.12";

/** PBKDF2 PRFs → Web Crypto hash names (hmacWithSHA224 has no Web Crypto hash). */
const PRFS: Readonly<Record<string, string>> = {
  "1.2.840.113549.2.7": "SHA-1",
  "1.2.840.113549.2.9": "SHA-256",
  "1.2.840.113549.2.10": "SHA-384",
  "1.2.840.113549.2.11": "SHA-512",
};

const SCHEMES: Readonly<Record<string, CbcCipher>> = {
  "2.16.840.1.101.3.4.1.2": "AES-128-CBC",
  "2.16.840.1.101.3.4.1.22": "AES-192-CBC",
  "2.16.840.1.101.3.4.1.42": "AES-256-CBC",
  "1.2.840.113549.3.7": "DES-EDE3-CBC",
  "1.3.14.3.2.7": "DES-CBC",
};

/** Names for the schemes we refuse, so the message can say what it saw. */
const KNOWN_UNSUPPORTED: Readonly<Record<string, string>> = {
  "1.2.840.113549.1.5.3": "PBES1 pbeWithMD5AndDES-CBC",
  "1.2.840.113549.1.5.6": "PBES1 pbeWithMD5AndRC2-CBC",
  "1.2.840.113549.1.5.10": "PBES1 pbeWithSHA1AndDES-CBC",
  "1.2.840.113549.1.5.11": "PBES1 pbeWithSHA1AndRC2-CBC",
  "1.2.840.113549.1.12.1.3": "PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC",
  "1.2.840.113549.1.12.1.6": "PKCS#12 pbeWithSHAAnd40BitRC2-CBC",
  "1.2.840.113549.1.5.12": "PBKDF2",
  "1.3.6.1.4.1.11591.4.11": "scrypt",
  "1.2.840.113549.2.8": "hmacWithSHA224",
  "1.2.840.113549.3.2": "RC2-CBC",
  "1.2.392.200011.61.1.1.1.2": "Camellia-128-CBC",
  "1.2.392.200011.61.1.1.1.4": "Camellia-256-CBC",
};

const CONVERT = "Re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-aes256.pem`.";

function unsupported(what: string, oid: string): PrivateKeyError {
  const name = KNOWN_UNSUPPORTED[oid] ?? `OID ${oid}`;
  return new PrivateKeyError(
    "encrypted-pkcs8",
    "unsupported-encryption",
    `The encrypted PKCS#8 key uses ${what} ${name}, which is not supported ` +
      "(supported: PBES2 with PBKDF2 over HMAC-SHA1/256/384/512, and AES-128/192/256-CBC, DES-EDE3-CBC or DES-CBC). " +
      CONVERT,
  );
}

interface Pbes2Params {
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iterations: number;
  readonly keyLength: number | undefined;
  readonly hash: string;
  readonly cipher: CbcCipher;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: Uint8Array<ArrayBuffer>;
}

/** Reads EncryptedPrivateKeyInfo; unsupported algorithms throw, malformed DER throws DerError. */
function readParams(der: Uint8Array<ArrayBuffer>): Pbes2Params {
  const [algorithm, encrypted] = sequence(parseDer(der), "EncryptedPrivateKeyInfo");
  const [schemeOid, schemeParams] = sequence(algorithm, "encryptionAlgorithm");
  const scheme = readOid(schemeOid, "encryption algorithm");
  if (scheme !== OID_PBES2) throw unsupported("the scheme", scheme);
  const [kdf, enc] = sequence(schemeParams, "PBES2-params");

  const [kdfOid, kdfParams] = sequence(kdf, "keyDerivationFunc");
  const kdfName = readOid(kdfOid, "key derivation function");
  if (kdfName !== OID_PBKDF2) throw unsupported("the key derivation function", kdfName);
  const [saltEl, iterEl, ...optional] = sequence(kdfParams, "PBKDF2-params");
  // salt's CHOICE alternative `otherSource` (an AlgorithmIdentifier) is unused in practice.
  const salt = expect(saltEl, TAG.OCTET_STRING, "PBKDF2 salt").value;
  const iterations = readSmallInt(iterEl, "PBKDF2 iteration count");
  let keyLength: number | undefined;
  let hash = "SHA-1"; // DEFAULT hmacWithSHA1
  for (const el of optional) {
    if (el.tag === TAG.INTEGER && keyLength === undefined) {
      keyLength = readSmallInt(el, "PBKDF2 key length");
    } else if (el.tag === TAG.SEQUENCE) {
      const prf = readOid(sequence(el, "PBKDF2 prf")[0], "PBKDF2 prf");
      const h = PRFS[prf];
      if (h === undefined) throw unsupported("the PBKDF2 PRF", prf);
      hash = h;
    } else {
      throw new DerError("unexpected element in PBKDF2-params");
    }
  }

  const [encOid, ivEl] = sequence(enc, "encryptionScheme");
  const encName = readOid(encOid, "encryption scheme");
  const cipher = SCHEMES[encName];
  if (cipher === undefined) throw unsupported("the cipher", encName);
  const iv = expect(ivEl, TAG.OCTET_STRING, `${cipher} IV`).value;
  const data = expect(encrypted, TAG.OCTET_STRING, "encryptedData").value;
  return { salt, iterations, keyLength, hash, cipher, iv, data };
}

/**
 * The plaintext (normally a PKCS#8 PrivateKeyInfo) of an EncryptedPrivateKeyInfo.
 * Throws PrivateKeyError: "unsupported-encryption", "malformed", "wrong-password".
 */
export async function decryptPkcs8(der: Uint8Array<ArrayBuffer>, password: string): Promise<Uint8Array<ArrayBuffer>> {
  let p: Pbes2Params;
  try {
    p = readParams(der);
  } catch (e) {
    if (e instanceof PrivateKeyError) throw e;
    throw new PrivateKeyError(
      "encrypted-pkcs8",
      "malformed",
      `The encrypted PKCS#8 key is malformed (${e instanceof DerError ? e.message : "unreadable"}): ` +
        "it was damaged or cut off when copied.",
    );
  }
  const { keyLength: expected } = CBC_CIPHERS[p.cipher];
  if (p.keyLength !== undefined && p.keyLength !== expected) {
    throw new PrivateKeyError(
      "encrypted-pkcs8",
      "malformed",
      `The key's PBKDF2 key length (${p.keyLength}) does not match ${p.cipher} (${expected} bytes).`,
    );
  }
  if (p.iterations < 1) {
    throw new PrivateKeyError("encrypted-pkcs8", "malformed", "The key's PBKDF2 iteration count is 0.");
  }
  let bits: ArrayBuffer;
  try {
    const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
    bits = await crypto.subtle.deriveBits(
      { name: "PBKDF2", salt: p.salt, iterations: p.iterations, hash: p.hash },
      base,
      expected * 8,
    );
  } catch (cause) {
    // Cloudflare Workers refuse PBKDF2 above 100,000 iterations; others may refuse an
    // empty password or a hash. Say which parameters, so the user can re-encrypt.
    throw new PrivateKeyError(
      "encrypted-pkcs8",
      "unsupported-encryption",
      `This runtime's Web Crypto refused PBKDF2 with ${p.hash} and ${p.iterations} iterations ` +
        "(Cloudflare Workers allow at most 100,000). Re-encrypt the key with fewer: " +
        "`openssl pkcs8 -topk8 -v2 aes-256-cbc -iter 2048 -in key.pem -out key-2048.pem`.",
      { cause },
    );
  }
  return cbcDecrypt(p.cipher, new Uint8Array(bits), p.iv, p.data, "encrypted-pkcs8");
}
