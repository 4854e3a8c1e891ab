import { createHmac } from "node:crypto";

/**
 * `X-Hub-Signature-256` as Meta computes it: HMAC-SHA256 of the exact body bytes
 * with the app secret, lower-case hex, prefixed `sha256=`.
 */
export function hubSignature(appSecret: string, body: string | Uint8Array): string {
  return "sha256=" + createHmac("sha256", appSecret).update(body).digest("hex");
}
