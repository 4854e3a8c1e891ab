import type { WebhookResult } from "./responses.ts";
import { RESULTS } from "./responses.ts";
import { timingSafeEqual } from "./signature.ts";

/**
 * The GET verification Meta makes when the callback URL is registered:
 * `?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` must be answered with the
 * challenge, as text, only when the token is ours. Without a configured verify token
 * nothing can be verified, so every challenge is refused.
 */
export function answerChallenge(
  expectedToken: string | undefined,
  mode: string | null | undefined,
  verifyToken: string | null | undefined,
  challenge: string | null | undefined,
): WebhookResult {
  if (!expectedToken || mode !== "subscribe" || verifyToken == null) return RESULTS.forbidden;
  if (!timingSafeEqual(verifyToken, expectedToken)) return RESULTS.forbidden;
  return { status: 200, body: challenge ?? "" };
}
