// Keys we cannot use, named: what the input is, and what to run to get a key we can
// read (or why no conversion helps: WhatsApp Flows need RSA). Messages are built from
// fixed text, labels and algorithm names only, never from the input's bytes.

import { PrivateKeyError, type PrivateKeyFormat } from "./errors.ts";
import { decodeBase64 } from "./pem.ts";

/** PKCS#8 algorithms that are not plain RSA, by what to call them. */
const NOT_RSA: Readonly<Record<string, string>> = {
  "1.2.840.10045.2.1": "an EC key",
  "1.3.101.112": "an Ed25519 key",
  "1.3.101.113": "an Ed448 key",
  "1.3.101.110": "an X25519 key",
  "1.3.101.111": "an X448 key",
  "1.2.840.10040.4.1": "a DSA key",
  "1.2.840.113549.1.3.1": "a Diffie-Hellman key",
  "1.2.840.10046.2.1": "a Diffie-Hellman key",
  "1.2.840.113549.1.1.10": "an RSASSA-PSS key (RSA restricted to signatures, unusable for decryption)",
};

/** What to call the PKCS#8 algorithm `oid` in a message. */
export function nameAlgorithm(oid: string): string {
  return NOT_RSA[oid] ?? `a key of algorithm OID ${oid}`;
}

const GENERATE =
  "WhatsApp Flows need a 2048-bit RSA key: create one with generateKeyPair() or " +
  "`openssl genrsa -out private.pem 2048`, and upload its public key to Meta.";

/**
 * Input without PEM markers that is recognisably something else: a PuTTY key, an
 * OpenSSH public key line, a JWK, a file path. Undefined when it may be bare base64.
 */
export function diagnoseUnmarked(text: string): PrivateKeyError | undefined {
  if (/^PuTTY-User-Key-File-\d+:/.test(text)) {
    return new PrivateKeyError(
      "putty",
      "unsupported-format",
      "This is a PuTTY private key (PuTTY-User-Key-File). Convert it with " +
        "`puttygen key.ppk -O private-openssh -o key.pem` and pass the resulting BEGIN RSA PRIVATE KEY file.",
    );
  }
  if (/^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-\S+|sk-\S+)\s+[A-Za-z0-9+/]/.test(text)) {
    return publicKey("an OpenSSH public key line");
  }
  if (text.startsWith("{")) return jwkError(text);
  if (!/\s/.test(text) && (/^(~|\.{1,2})?[/\\]|^[A-Za-z]:\\/.test(text) || /\.(pem|key|p8|pk8|der|ppk)$/i.test(text))) {
    return new PrivateKeyError(
      "file-path",
      "unsupported-format",
      "This looks like a file path, not a key: pass the file's contents (the PEM text), not its name.",
    );
  }
  return undefined;
}

export function notPem(): PrivateKeyError {
  return new PrivateKeyError(
    "unknown",
    "unsupported-format",
    "This is not a PEM private key: expected text starting with -----BEGIN PRIVATE KEY----- " +
      "(or BEGIN RSA PRIVATE KEY / BEGIN ENCRYPTED PRIVATE KEY) and ending with the matching END line.",
  );
}

export function certificate(format: PrivateKeyFormat, seen: string): PrivateKeyError {
  return new PrivateKeyError(
    format,
    "not-private",
    `This is a certificate (${seen}), not a private key. Pass the private key it was made from (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).`,
  );
}

export function pgpError(seen: string): PrivateKeyError {
  return new PrivateKeyError("pgp", "unsupported-format", `This is an OpenPGP key (${seen}), not an X.509/PKCS key. ${GENERATE}`);
}

export function notRsa(format: PrivateKeyFormat, what: string): PrivateKeyError {
  return new PrivateKeyError(format, "not-rsa", `This is ${what}, not an RSA key. ${GENERATE}`);
}

export function publicKey(seen: string): PrivateKeyError {
  return new PrivateKeyError(
    "public-key",
    "not-private",
    `This is a public key (${seen}), not a private key. The endpoint needs the private key ` +
      "(BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY); the public key is the one uploaded to Meta.",
  );
}

/** OpenSSH's own format: say whether it is RSA (convert) or not (generate another). */
export function opensshError(base64: string): PrivateKeyError {
  const keyType = opensshKeyType(base64);
  if (keyType !== undefined && keyType !== "ssh-rsa") {
    return notRsa("openssh", `an OpenSSH ${keyType} key (BEGIN OPENSSH PRIVATE KEY)`);
  }
  return new PrivateKeyError(
    "openssh",
    "unsupported-format",
    "This is an OpenSSH private key (BEGIN OPENSSH PRIVATE KEY). Convert a copy of the file to PEM with " +
      "`ssh-keygen -p -m PEM -f key` (rewrites it as BEGIN RSA PRIVATE KEY; it asks for the old and new passphrase) or " +
      "`ssh-keygen -p -m PKCS8 -f key` (BEGIN PRIVATE KEY). OpenSSL cannot read this format.",
  );
}

/** The key type in an openssh-key-v1 blob ("ssh-rsa", "ssh-ed25519", …), if readable. */
function opensshKeyType(base64: string): string | undefined {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = decodeBase64(base64, "openssh", "the OPENSSH PRIVATE KEY block");
  } catch {
    return undefined;
  }
  const magic = "openssh-key-v1\0";
  if (latin1(bytes.subarray(0, magic.length)) !== magic) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = magic.length;
  const str = (): Uint8Array | undefined => {
    if (pos + 4 > bytes.length) return undefined;
    const len = view.getUint32(pos);
    if (pos + 4 + len > bytes.length) return undefined;
    const s = bytes.subarray(pos + 4, pos + 4 + len);
    pos += 4 + len;
    return s;
  };
  // ciphername, kdfname, kdfoptions, then the key count and the first public key,
  // whose first field is the key type (public data, even in an encrypted file).
  for (let i = 0; i < 3; i++) if (str() === undefined) return undefined;
  pos += 4;
  const publicBlob = str();
  if (publicBlob === undefined || publicBlob.length < 4) return undefined;
  const typeLength = new DataView(publicBlob.buffer, publicBlob.byteOffset, publicBlob.byteLength).getUint32(0);
  const type = latin1(publicBlob.subarray(4, 4 + typeLength));
  return /^[a-z0-9@.-]{1,64}$/.test(type) ? type : undefined;
}

/** A JWK pasted instead of a PEM: say what it is and how to convert it. */
function jwkError(text: string): PrivateKeyError {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    jwk = undefined;
  }
  const fields = typeof jwk === "object" && jwk !== null ? (jwk as Record<string, unknown>) : undefined;
  if (fields === undefined || typeof fields.kty !== "string") {
    return new PrivateKeyError("unknown", "unsupported-format", "This is JSON, not a PEM private key (-----BEGIN PRIVATE KEY-----).");
  }
  if (fields.kty !== "RSA") {
    const kty = /^[A-Za-z]{1,8}$/.test(fields.kty) ? fields.kty : "other";
    return notRsa("jwk", `a JSON Web Key of type ${kty}`);
  }
  if (fields.d === undefined) return publicKey("a public JSON Web Key");
  return new PrivateKeyError(
    "jwk",
    "unsupported-format",
    "This is a JSON Web Key (JWK), not PEM. Convert it with Node: " +
      "`node -e \"console.log(require('crypto').createPrivateKey({key: require('./key.json'), format: 'jwk'}).export({type: 'pkcs8', format: 'pem'}))\"`.",
  );
}

export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
