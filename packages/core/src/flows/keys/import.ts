// The business private key, from whatever text the user pasted to a Web Crypto
// RSA-OAEP (SHA-256) key. Web Crypto imports only unencrypted PKCS#8 DER, so
// everything else is decrypted (pbes2.ts, legacy.ts) and re-wrapped here first:
//
//   BEGIN PRIVATE KEY                            PKCS#8
//   BEGIN ENCRYPTED PRIVATE KEY                  PKCS#8, PBES2 (AES-CBC or DES-EDE3-CBC)
//   BEGIN RSA PRIVATE KEY                        PKCS#1
//   BEGIN RSA PRIVATE KEY + Proc-Type, DEK-Info  PKCS#1, OpenSSL legacy encryption
//   base64 without markers                       any of the above as DER, or a base64'd PEM
//
// Anything else fails with a PrivateKeyError that says what it is and how to convert
// it. Messages are built from fixed text, labels, OIDs and algorithm names only:
// never from the key's bytes or the password.

import {
  DerError,
  TAG,
  children,
  encodeNull,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSmallInt,
  parseDer,
  readOid,
  readSmallInt,
  type DerElement,
} from "./der.ts";
import { PrivateKeyError, type PrivateKeyFormat } from "./errors.ts";
import { decryptLegacyPem } from "./legacy.ts";
import { decryptPkcs8 } from "./pbes2.ts";
import { decodeBase64, header, normalisePem, parsePemBlocks, type PemBlock } from "./pem.ts";
import {
  certificate,
  diagnoseUnmarked,
  latin1,
  nameAlgorithm,
  notPem,
  notRsa,
  opensshError,
  pgpError,
  publicKey,
} from "./unsupported.ts";

export { PrivateKeyError } from "./errors.ts";
export type { PrivateKeyErrorCode, PrivateKeyFormat } from "./errors.ts";

const OID_RSA = "1.2.840.113549.1.1.1";
/** Below this an RSA key is a mistake, not a choice (Meta asks for 2048). */
const MIN_MODULUS_BITS = 1024;

/**
 * The business private key as a Web Crypto RSA-OAEP / SHA-256 key for `decrypt`
 * (non-extractable). Accepts PKCS#8, encrypted PKCS#8 (PBES2: AES or DES-EDE3),
 * PKCS#1 and OpenSSL-legacy-encrypted PKCS#1 PEM, pasted sloppily or not; throws
 * PrivateKeyError otherwise. Import once and reuse the key: decryption with PBKDF2
 * and a pure-TypeScript Triple-DES costs milliseconds, not microseconds.
 */
export async function importPrivateKey(pem: string, password?: string): Promise<CryptoKey> {
  const { der, format, modulusBits } = await readPrivateKey(pem, password);
  // Some Web Crypto implementations (Node's) import any well-formed RSAPrivateKey, even
  // a toy one, and only fail at the first request: refuse it here instead.
  if (modulusBits < MIN_MODULUS_BITS) {
    throw new PrivateKeyError(
      format,
      "rejected",
      `The RSA private key is only ${modulusBits} bits: not a usable key (WhatsApp Flows use 2048-bit RSA). ` +
        "Generate one with generateKeyPair() or `openssl genrsa -out private.pem 2048`.",
    );
  }
  try {
    return await crypto.subtle.importKey("pkcs8", der, { name: "RSA-OAEP", hash: "SHA-256" }, false, ["decrypt"]);
  } catch (cause) {
    throw new PrivateKeyError(
      format,
      "rejected",
      `Web Crypto refused the ${modulusBits}-bit RSA private key although it is well-formed ` +
        "(a multi-prime or inconsistent key?). Re-export it with " +
        "`openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`.",
      { cause },
    );
  }
}

/** A readable RSA private key: canonical unencrypted PKCS#8 DER. */
export interface ReadKey {
  /** PrivateKeyInfo { 0, rsaEncryption NULL, RSAPrivateKey }: what Web Crypto imports. */
  readonly der: Uint8Array<ArrayBuffer>;
  /** The container it came in. */
  readonly format: PrivateKeyFormat;
  readonly modulusBits: number;
}

/** Reads (and decrypts) `pem` into canonical PKCS#8 DER without importing it. */
export async function readPrivateKey(pem: string, password?: string): Promise<ReadKey> {
  const text = typeof pem === "string" ? normalisePem(pem) : "";
  if (text === "") {
    throw new PrivateKeyError(
      "empty",
      "empty",
      "The business private key is empty: set it to the contents of the PEM file (-----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----).",
    );
  }
  const blocks = parsePemBlocks(text);
  // `openssl ecparam -genkey` and key+certificate bundles put several blocks in one
  // file: the private key is what we want, wherever it is.
  const block = blocks.find((b) => b.label.includes("PRIVATE KEY")) ?? blocks[0];
  return block === undefined ? readUnmarked(text, password) : readBlock(block, password);
}

async function readBlock(block: PemBlock, password: string | undefined): Promise<ReadKey> {
  const label = block.label;
  const seen = `BEGIN ${label}`;
  switch (label) {
    case "PRIVATE KEY":
      return readDer(decodeBase64(block.base64, "pkcs8", "the PRIVATE KEY block"), "pkcs8", password, false);
    case "ENCRYPTED PRIVATE KEY": {
      const der = decodeBase64(block.base64, "encrypted-pkcs8", "the ENCRYPTED PRIVATE KEY block");
      return readDer(der, "encrypted-pkcs8", password, false);
    }
    case "RSA PRIVATE KEY": {
      if (/ENCRYPTED/i.test(header(block, "Proc-Type") ?? "")) {
        const body = decodeBase64(block.base64, "encrypted-pkcs1", "the RSA PRIVATE KEY block");
        const plain = await decryptLegacyPem(header(block, "DEK-Info"), body, requirePassword("encrypted-pkcs1", seen, password));
        return readDer(plain, "encrypted-pkcs1", password, true);
      }
      return readDer(decodeBase64(block.base64, "pkcs1", "the RSA PRIVATE KEY block"), "pkcs1", password, false);
    }
    case "OPENSSH PRIVATE KEY":
      throw opensshError(block.base64);
    case "EC PRIVATE KEY":
      throw notRsa("sec1", `an EC key (${seen})`);
    case "DSA PRIVATE KEY":
      throw notRsa("dsa", `a DSA key (${seen})`);
    case "PGP PRIVATE KEY BLOCK":
      throw pgpError(seen);
    case "PUBLIC KEY":
    case "RSA PUBLIC KEY":
    case "EC PUBLIC KEY":
    case "SSH2 PUBLIC KEY":
      throw publicKey(seen);
    case "CERTIFICATE":
    case "TRUSTED CERTIFICATE":
    case "X509 CERTIFICATE":
    case "CERTIFICATE REQUEST":
    case "NEW CERTIFICATE REQUEST":
      throw certificate("certificate", seen);
    default: {
      // An unusual label over a usual structure (hand-edited markers): trust the bytes.
      const der = decodeBase64(block.base64, "pem", `the ${label} block`);
      const kind = classify(der);
      if (kind === "pkcs8" || kind === "pkcs1" || kind === "encrypted-pkcs8") {
        return readDer(der, kind, password, false);
      }
      throw new PrivateKeyError(
        "pem",
        "unsupported-format",
        `Unexpected PEM block "${seen}": expected BEGIN PRIVATE KEY, BEGIN ENCRYPTED PRIVATE KEY or BEGIN RSA PRIVATE KEY.`,
      );
    }
  }
}

/** Input without PEM markers: bare base64 DER, a base64'd PEM, or something we can name. */
async function readUnmarked(text: string, password: string | undefined): Promise<ReadKey> {
  const named = diagnoseUnmarked(text);
  if (named) throw named;
  const compact = text.replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length >= 64) {
    const der = decodeBase64(compact, "der", "the key");
    // A whole PEM file base64-encoded once more (a common way to fit it in an env var).
    if (/^\s*["'`]?-{3,}|-----BEGIN /.test(latin1(der.subarray(0, 64)))) {
      const pem = new TextDecoder().decode(der);
      if (parsePemBlocks(normalisePem(pem)).length > 0) return readPrivateKey(pem, password);
    }
    if (classify(der) !== "unknown") return readDer(der, "der", password, false);
  }
  throw notPem();
}

type Kind = "pkcs8" | "encrypted-pkcs8" | "pkcs1" | "spki" | "rsa-public" | "sec1" | "certificate" | "dsa" | "unknown";

/** What a DER structure is, from its shape alone (labels lie; bytes do not). */
function classify(der: Uint8Array<ArrayBuffer>): Kind {
  let parts: DerElement[];
  try {
    const top = parseDer(der);
    if (top.tag !== TAG.SEQUENCE) return "unknown";
    parts = children(top);
  } catch {
    return "unknown";
  }
  const tags = parts.map((p) => p.tag);
  const [a, b, c] = tags;
  if (a === TAG.INTEGER && b === TAG.SEQUENCE && c === TAG.OCTET_STRING) return "pkcs8";
  if (a === TAG.SEQUENCE && b === TAG.OCTET_STRING && tags.length === 2) return "encrypted-pkcs8";
  if (a === TAG.SEQUENCE && b === TAG.BIT_STRING && tags.length === 2) return "spki";
  if (a === TAG.SEQUENCE && b === TAG.SEQUENCE && c === TAG.BIT_STRING && tags.length === 3) return "certificate";
  if (a === TAG.INTEGER && b === TAG.OCTET_STRING) return "sec1";
  // RSAPrivateKey: version, n, e, d, p, q, dp, dq, qinv (+ otherPrimeInfos when multi-prime).
  if (tags.length >= 9 && tags.slice(0, 9).every((t) => t === TAG.INTEGER)) return "pkcs1";
  if (tags.every((t) => t === TAG.INTEGER)) {
    if (tags.length === 6) return "dsa"; // OpenSSL's DSA private key: version, p, q, g, y, x
    if (tags.length === 2) return "rsa-public"; // RSAPublicKey: n, e
  }
  return "unknown";
}

/**
 * DER of a key container, `decrypted` when it came out of a decryption (then any
 * structural failure means the password was wrong, not that the file is damaged).
 */
async function readDer(
  der: Uint8Array<ArrayBuffer>,
  format: PrivateKeyFormat,
  password: string | undefined,
  decrypted: boolean,
): Promise<ReadKey> {
  const kind = classify(der);
  const damaged = (why: string): PrivateKeyError =>
    decrypted
      ? wrongPasswordAfterDecrypt(format)
      : new PrivateKeyError(format, "malformed", `The key is damaged (${why}): it was cut off or altered when copied. Paste the file's contents unchanged.`);
  try {
    switch (kind) {
      case "pkcs1":
        return wrapPkcs1(der, format);
      case "pkcs8": {
        const [version, algorithm, privateKey] = children(parseDer(der));
        const v = readSmallInt(version, "PrivateKeyInfo version");
        if (v > 1) throw new DerError("unknown PrivateKeyInfo version");
        const oid = readOid(children(algorithm as DerElement)[0], "private key algorithm");
        if (oid !== OID_RSA) throw notRsa(format, `${nameAlgorithm(oid)} (PKCS#8)`);
        // Re-wrap the inner RSAPrivateKey: drops attributes, v2 public keys and
        // absent-NULL parameters that some Web Crypto implementations refuse.
        const inner = (privateKey as DerElement).value;
        if (classify(inner) !== "pkcs1") throw new DerError("PKCS#8 does not hold an RSAPrivateKey");
        return wrapPkcs1(inner, format);
      }
      case "encrypted-pkcs8": {
        if (decrypted) throw new DerError("encrypted twice");
        const seen = format === "der" ? "encrypted PKCS#8 DER" : "BEGIN ENCRYPTED PRIVATE KEY";
        const plain = await decryptPkcs8(der, requirePassword(format, seen, password));
        return await readDer(plain, format === "der" ? "der" : "encrypted-pkcs8", password, true);
      }
      case "spki":
      case "rsa-public":
        throw publicKey(format === "der" ? "base64 DER" : "the PEM body");
      case "certificate":
        throw certificate(format, "an X.509 structure");
      case "sec1":
        throw notRsa(format, "an EC key (SEC1)");
      case "dsa":
        throw notRsa(format, "a DSA key");
      case "unknown":
        throw damaged("not a PKCS#8 or PKCS#1 structure");
    }
  } catch (e) {
    if (e instanceof PrivateKeyError) throw e;
    if (e instanceof DerError) throw damaged(e.message);
    throw e;
  }
}

/** PKCS#1 RSAPrivateKey DER → canonical PKCS#8 PrivateKeyInfo. */
function wrapPkcs1(pkcs1: Uint8Array<ArrayBuffer>, format: PrivateKeyFormat): ReadKey {
  const fields = children(parseDer(pkcs1));
  const version = readSmallInt(fields[0], "RSAPrivateKey version");
  if (version > 1) throw new DerError("unknown RSAPrivateKey version");
  const modulus = (fields[1] as DerElement).value;
  let start = 0;
  while (start < modulus.length - 1 && modulus[start] === 0) start++;
  const top = modulus[start] ?? 0;
  const modulusBits = (modulus.length - start - 1) * 8 + (top === 0 ? 0 : 32 - Math.clz32(top));
  const der = encodeSequence(
    encodeSmallInt(0),
    encodeSequence(encodeOid(OID_RSA), encodeNull()),
    encodeOctetString(pkcs1),
  );
  return { der, format, modulusBits };
}

function requirePassword(format: PrivateKeyFormat, seen: string, password: string | undefined): string {
  if (password === undefined || password === "") {
    throw new PrivateKeyError(
      format,
      "missing-password",
      `The private key is encrypted (${seen}) but no password was given: pass businessPrivateKeyPassword ` +
        "(privateKeyPassword on a flow endpoint): the passphrase chosen when the key was generated. Or remove the encryption with " +
        "`openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-plain.pem` and store that key as a secret.",
    );
  }
  return password;
}

function wrongPasswordAfterDecrypt(format: PrivateKeyFormat): PrivateKeyError {
  return new PrivateKeyError(
    format,
    "wrong-password",
    "The private key is encrypted and the password is wrong (the key decrypted to garbage). " +
      "Check businessPrivateKeyPassword (privateKeyPassword on a flow endpoint): the passphrase chosen when the key was generated.",
  );
}
