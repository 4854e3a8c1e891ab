import type { CallStatus, CallTerminate } from "../../updates/calls.ts";
import type { MessageStatus } from "../../updates/message-status.ts";
import type { Filter } from "../filter.ts";
import { builtin, is, type Loose, loose, named } from "./util.ts";

/** Message status updates (pywa's `isinstance(u, MessageStatus)`). */
export const messageStatus: Filter<unknown> = builtin("messageStatus", (u) => u.kind === "messageStatus");

function statusIs(status: string): Filter<MessageStatus> {
  return builtin(status, (u) => u.kind === "messageStatus" && is(u.status, status));
}

/** The message was sent (reached WhatsApp's servers). */
export const sent: Filter<MessageStatus> = statusIs("sent");
/** The message was delivered to the user's device. */
export const delivered: Filter<MessageStatus> = statusIs("delivered");
/** The user read the message. */
export const read: Filter<MessageStatus> = statusIs("read");
/** The message could not be sent (see `status.error`). */
export const failed: Filter<MessageStatus> = statusIs("failed");
/** The user played the voice note. */
export const played: Filter<MessageStatus> = statusIs("played");

/**
 * An error to match in `failedWith`: a numeric code (`131047`), or anything with a
 * `code` or a `codes` list, such as an error class with a static `code` / `codes`.
 */
export type ErrorCodes = number | { readonly code: number } | { readonly codes: readonly number[] };

/** The numeric codes an `ErrorCodes` stands for. */
function codesOf(error: ErrorCodes): number[] {
  if (typeof error === "number") return [error];
  const e = loose(error);
  if (Array.isArray(e?.codes)) return (e.codes as unknown[]).filter((c): c is number => typeof c === "number");
  return typeof e?.code === "number" ? [e.code] : [];
}

/** The error codes a failed status carries (`error`, then every entry of `errors`). */
function statusErrorCodes(u: Loose): number[] {
  const errors = [u.error, ...(Array.isArray(u.errors) ? u.errors : [])];
  return errors.map((e) => Number(loose(e)?.code)).filter((c) => Number.isFinite(c));
}

/**
 * Failed statuses whose error has any of these codes.
 *
 *   filters.failedWith(131047)          // re-engagement message: more than 24 h since the user wrote
 *   filters.failedWith(131026, 131051)
 */
export function failedWith(...errors: ErrorCodes[]): Filter<MessageStatus> {
  const codes = new Set(errors.flatMap(codesOf));
  return builtin(
    named("failedWith", [...codes]),
    (u) => u.kind === "messageStatus" && is(u.status, "failed") && statusErrorCodes(u).some((c) => codes.has(c)),
  );
}

/** The updates that carry a `tracker` (pywa's `biz_opaque_callback_data`). */
export type Trackable = MessageStatus | CallStatus | CallTerminate;

/** Updates that carry a tracker (the `tracker` you sent the message or call with). */
export const withTracker: Filter<Trackable> = builtin(
  "withTracker",
  (u) => u.tracker !== undefined && u.tracker !== null,
);
