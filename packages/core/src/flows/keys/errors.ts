// The one error type key reading throws. It lives apart from import.ts so that the
// decryption modules (pbes2.ts, legacy.ts, cbc.ts) can throw it without an import
// cycle; import.ts re-exports it.

/** What the input looked like (the container, not the algorithm inside it). */
export type PrivateKeyFormat =
  | "empty"
  | "pkcs8" // BEGIN PRIVATE KEY
  | "encrypted-pkcs8" // BEGIN ENCRYPTED PRIVATE KEY
  | "pkcs1" // BEGIN RSA PRIVATE KEY
  | "encrypted-pkcs1" // BEGIN RSA PRIVATE KEY + Proc-Type: 4,ENCRYPTED
  | "der" // base64 without PEM markers
  | "sec1" // BEGIN EC PRIVATE KEY
  | "dsa" // BEGIN DSA PRIVATE KEY
  | "openssh" // BEGIN OPENSSH PRIVATE KEY
  | "putty" // PuTTY-User-Key-File-…
  | "pgp" // BEGIN PGP PRIVATE KEY BLOCK
  | "jwk" // {"kty": …}
  | "public-key" // BEGIN PUBLIC KEY / RSA PUBLIC KEY / ssh-rsa …
  | "certificate" // BEGIN CERTIFICATE / CERTIFICATE REQUEST
  | "file-path" // "/path/to/key.pem" instead of the contents
  | "pem" // some other PEM label
  | "unknown";

/** Why the key could not be used. */
export type PrivateKeyErrorCode =
  | "empty"
  | "malformed" // damaged base64 / DER, truncated paste
  | "missing-password"
  | "wrong-password"
  | "unsupported-encryption" // a cipher / KDF we do not implement
  | "not-private" // a public key or a certificate
  | "not-rsa" // EC, Ed25519, DSA…
  | "unsupported-format" // OpenSSH, PuTTY, JWK…: readable elsewhere, convert first
  | "rejected"; // Web Crypto refused the (well-formed) key

/**
 * A business private key that cannot be used. The message says what was seen and
 * how to fix or convert it. It never contains key material or the password: only
 * fixed text, PEM labels, OIDs and algorithm names.
 */
export class PrivateKeyError extends Error {
  /** What the input looked like. */
  readonly format: PrivateKeyFormat;
  /** Why it failed. */
  readonly code: PrivateKeyErrorCode;

  constructor(format: PrivateKeyFormat, code: PrivateKeyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PrivateKeyError";
    this.format = format;
    this.code = code;
  }
}
