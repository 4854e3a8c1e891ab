/**
 * Errors a flow endpoint answers with a status code Meta gives a meaning to
 * (pywa's `FlowResponseError` family). A handler throws one; the endpoint answers
 * `status` with `body` encrypted like any response (Meta's own endpoint examples
 * encrypt the 427 body, and the WhatsApp client decrypts it to read `error_msg`).
 * Subclass it for a status of your own.
 */
export class FlowResponseError extends Error {
  /** The HTTP status the endpoint answers with. */
  readonly status: number;
  /** The JSON sent back (encrypted); default `{ error: <class name> }`, as pywa. */
  readonly body: Record<string, unknown> | undefined;

  constructor(status: number, message: string, body?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.body = body;
  }
}

/**
 * 427: the flow token is no longer valid. The WhatsApp client disables the flow
 * and shows `message` to the user (sent as `{"error_msg": message}`).
 */
export class FlowTokenNoLongerValid extends FlowResponseError {
  constructor(message: string) {
    super(427, message, { error_msg: message });
  }
}

/**
 * 432: the request's signature could not be authenticated. The endpoint answers
 * it by itself for a bad `X-Hub-Signature-256` or `flow_token_signature`; a
 * handler may throw it after a check of its own.
 */
export class FlowRequestSignatureAuthenticationFailed extends FlowResponseError {
  constructor(message = "Flow request signature authentication failed") {
    super(432, message);
  }
}

/**
 * 421: the request cannot be decrypted. On 421 the WhatsApp client re-fetches the
 * business public key and retries, so this is also what to answer after a key
 * rotation. The endpoint answers it (in plain text: there is no key to encrypt
 * with) whenever decryption fails; `reason` says which step, for the logs.
 */
export class FlowRequestCannotBeDecrypted extends FlowResponseError {
  readonly reason: DecryptFailure;

  constructor(reason: DecryptFailure = "unknown") {
    super(421, `Flow request cannot be decrypted (${reason})`);
    this.reason = reason;
  }
}

/** Which step of request decryption failed. Never carries key material or data. */
export type DecryptFailure =
  | "bad-base64"
  | "empty-iv"
  | "short-ciphertext"
  | "rsa-unwrap"
  | "aes-key-length"
  | "aes-gcm"
  | "not-utf8"
  | "not-json"
  | "unknown";

/** Which check of a PhotoPicker / DocumentPicker upload failed. */
export type MediaFailure = "metadata" | "download" | "too-large" | "encrypted-hash" | "hmac" | "decrypt" | "plaintext-hash";

/** `req.decryptMedia(...)` failed: `reason` says at which check. */
export class FlowMediaDecryptionError extends Error {
  readonly reason: MediaFailure;

  constructor(reason: MediaFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FlowMediaDecryptionError";
    this.reason = reason;
  }
}
