import { WhatsAppError } from "../../graph/errors.ts";
import { nonEmpty, obj, objects, type Json } from "../../updates/json.ts";

/** A user on the block list, or one a block / unblock call succeeded for. */
export interface BlockedUser {
  /** What the call was given for this user (absent in `getBlockedUsers`). */
  input: string | undefined;
  /** The phone number (WhatsApp id); absent when the user was given by BSUID. */
  waId: string | undefined;
  /** The business-scoped user id, when the user was given or is listed by one. */
  bsuid: string | undefined;
  parentBsuid: string | undefined;
}

/** A user a block or unblock call failed for, and why. */
export interface BlockUserFailure {
  /** What the call was given for this user. */
  user: string;
  waId: string | undefined;
  /** The first of `errors`: a typed error (e.g. `ReEngagementMessage` when the user did not write in 24 h). */
  error: WhatsAppError;
  errors: WhatsAppError[];
}

/** `blockUsers`: who was blocked and who was not (pywa's `UsersBlockedResult`). */
export interface BlockUsersResult {
  added: BlockedUser[];
  failed: BlockUserFailure[];
  /** The call's own error when some users failed (code 139100, `BulkBlockingFailed`). */
  error: WhatsAppError | undefined;
  raw: Json;
}

/** `unblockUsers`: who was unblocked and who was not (pywa's `UsersUnblockedResult`). */
export interface UnblockUsersResult {
  removed: BlockedUser[];
  failed: BlockUserFailure[];
  error: WhatsAppError | undefined;
  raw: Json;
}

export function toBlockedUser(w: Json): BlockedUser {
  return {
    input: nonEmpty(w.input),
    waId: nonEmpty(w.wa_id),
    bsuid: nonEmpty(w.user_id),
    parentBsuid: nonEmpty(w.parent_user_id),
  };
}

export function toFailure(w: Json): BlockUserFailure {
  const errors = objects(w.errors).map((e) => WhatsAppError.fromGraph(e));
  return {
    user: nonEmpty(w.input) ?? nonEmpty(w.user_id) ?? nonEmpty(w.wa_id) ?? "",
    waId: nonEmpty(w.wa_id),
    error: errors[0] ?? new WhatsAppError({ code: -1, message: "The Cloud API reported this user as failed without an error" }),
    errors,
  };
}

/** The per-user lists of a block / unblock answer (`block_users.{added_users|removed_users, failed_users}`). */
export function readOutcome(body: Json, done: "added_users" | "removed_users"): { done: BlockedUser[]; failed: BlockUserFailure[]; error: WhatsAppError | undefined } {
  const lists = obj(body.block_users) ?? {};
  const envelopeError = obj(body.error) ?? obj(body.errors);
  return {
    done: objects(lists[done]).map(toBlockedUser),
    failed: objects(lists.failed_users).map(toFailure),
    error: envelopeError && WhatsAppError.fromGraph(envelopeError),
  };
}
