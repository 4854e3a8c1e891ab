import type { Context } from "aws-lambda";

/**
 * Added to the time an invocation has left: containers' clocks differ by a little, and
 * a lease that ran out a moment before its invocation was killed would let a
 * redelivery start a second run of work that is still going.
 */
export const LEASE_SLACK_MS = 1000;

/**
 * The lease one invocation's claims should hold: as long as the invocation can still
 * run (Lambda stops it at its deadline, so a longer lease only delays Meta's retry of
 * work that died with it), and never longer than `maxLeaseMs`.
 */
export function leaseFor(context: Pick<Context, "getRemainingTimeInMillis"> | undefined, maxLeaseMs: number): {
  remainingMs: number | undefined;
  leaseMs: number;
} {
  const remaining = typeof context?.getRemainingTimeInMillis === "function" ? context.getRemainingTimeInMillis() : undefined;
  if (remaining === undefined || !Number.isFinite(remaining) || remaining <= 0) {
    return { remainingMs: undefined, leaseMs: maxLeaseMs };
  }
  return { remainingMs: remaining, leaseMs: Math.min(maxLeaseMs, remaining + LEASE_SLACK_MS) };
}
