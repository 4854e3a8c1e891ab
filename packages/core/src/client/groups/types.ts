import { WhatsAppError } from "../../graph/errors.ts";
import { bool, date, idStr, nonEmpty, num, obj, objects, str, strings, type Json } from "../../updates/json.ts";
import { User } from "../../updates/user.ts";
import { segment } from "../business/ids.ts";

/**
 * Whether people who open the invite link join at once (`auto_approve`) or send a
 * join request first (`approval_required`). pywa's `GroupJoinApprovalMode`.
 */
export type GroupJoinApprovalMode = "auto_approve" | "approval_required";

const APPROVAL_MODES: readonly string[] = ["auto_approve", "approval_required"] satisfies GroupJoinApprovalMode[];

/** A group as the groups list gives it: `GET /{phone-id}/groups` holds only these fields. */
export interface GroupSummary {
  id: string;
  subject: string | undefined;
  /** When the group was created (`creation_timestamp`; the list calls it `created_at`). */
  creationTimestamp: Date | undefined;
  raw: Json;
}

/** Everything about one group (pywa's `GroupDetails`). */
export interface GroupDetails extends GroupSummary {
  /** True when WhatsApp suspended the group. */
  suspended: boolean;
  description: string | undefined;
  /** The participants, the business not counted. */
  totalParticipantCount: number | undefined;
  /** Each participant's identifiers (`wa_id`, BSUID `user_id`, `parent_user_id`, `username`); use `preferredId` to address one. */
  participants: User[];
  /** A value newer than this library is passed through as it came. */
  joinApprovalMode: GroupJoinApprovalMode | (string & {}) | undefined;
}

/** A pending request to join a group whose `joinApprovalMode` is `approval_required`. */
export interface GroupJoinRequest {
  /** The API's `join_request_id`: what `approveGroupJoinRequests` / `rejectGroupJoinRequests` take. */
  id: string;
  /** Who asked to join. */
  user: User;
  creationTimestamp: Date | undefined;
  raw: Json;
}

/** A group's invite link (`https://chat.whatsapp.com/…`). */
export interface GroupInviteLink {
  link: string;
  raw: Json;
}

/**
 * The answer to a group change (pywa's `GroupOperation`). Most group changes are
 * carried out after the call returns: their outcome arrives by webhook
 * (`group_lifecycle_update`, `group_participants_update`, `group_settings_update`)
 * carrying the same `request_id`.
 */
export interface GroupOperation {
  /** The API's `request_id`, to match the webhook that reports the outcome; absent when Meta answers without one. */
  requestId: string | undefined;
  raw: Json;
}

/** A join request that could not be approved or rejected, and why. */
export interface GroupJoinRequestFailure {
  joinRequestId: string;
  /** The first of `errors`: a typed error (e.g. `GroupJoinRequestDoesNotExist`). */
  error: WhatsAppError;
  errors: WhatsAppError[];
}

/** `approveGroupJoinRequests`: which requests were approved and which were not. */
export interface ApproveGroupJoinRequestsResult extends GroupOperation {
  approved: string[];
  failed: GroupJoinRequestFailure[];
}

/** `rejectGroupJoinRequests`: which requests were rejected and which were not. */
export interface RejectGroupJoinRequestsResult extends GroupOperation {
  rejected: string[];
  failed: GroupJoinRequestFailure[];
}

/** The fields `getGroup` asks for, in pywa's order. */
export const GROUP_FIELDS = [
  "id",
  "subject",
  "creation_timestamp",
  "suspended",
  "description",
  "total_participant_count",
  "participants",
  "join_approval_mode",
] as const;

/** A group id as one path segment (pywa's `group_id`). */
export function groupSegment(groupId: string, method: string): string {
  return segment(groupId, "groupId", method);
}

export function checkApprovalMode(mode: GroupJoinApprovalMode, method: string): GroupJoinApprovalMode {
  if (!APPROVAL_MODES.includes(mode)) {
    throw new TypeError(`${method}: joinApprovalMode must be "auto_approve" or "approval_required", got ${JSON.stringify(mode)}`);
  }
  return mode;
}

export function toGroupSummary(w: Json): GroupSummary {
  return {
    id: idStr(w.id) ?? "",
    subject: str(w.subject),
    creationTimestamp: timestamp(w.creation_timestamp ?? w.created_at),
    raw: w,
  };
}

export function toGroupDetails(w: Json): GroupDetails {
  return {
    ...toGroupSummary(w),
    suspended: bool(w.suspended) ?? false,
    description: str(w.description),
    totalParticipantCount: num(w.total_participant_count),
    participants: objects(w.participants).map(toParticipant),
    joinApprovalMode: nonEmpty(w.join_approval_mode),
  };
}

export function toParticipant(w: Json): User {
  return new User({
    bsuid: nonEmpty(w.user_id),
    waId: nonEmpty(w.wa_id),
    username: nonEmpty(w.username),
    parentBsuid: nonEmpty(w.parent_user_id),
  });
}

export function toJoinRequest(w: Json): GroupJoinRequest {
  return {
    id: idStr(w.join_request_id) ?? idStr(w.id) ?? "",
    // The documented item is flat (`wa_id` next to the id); a nested `user` is read too.
    user: toParticipant(obj(w.user) ?? w),
    creationTimestamp: timestamp(w.creation_timestamp),
    raw: w,
  };
}

export function toGroupOperation(w: Json): GroupOperation {
  return { requestId: idStr(w.request_id), raw: w };
}

/** The per-request lists of an approve / reject answer. */
export function readJoinRequestOutcome(w: Json, done: "approved_join_requests" | "rejected_join_requests"): { done: string[]; failed: GroupJoinRequestFailure[] } {
  return { done: strings(w[done]) ?? [], failed: objects(w.failed_join_requests).map(toFailure) };
}

function toFailure(w: Json): GroupJoinRequestFailure {
  const errors = objects(w.errors).map((e) => WhatsAppError.fromGraph(e));
  return {
    joinRequestId: idStr(w.join_request_id) ?? "",
    error: errors[0] ?? new WhatsAppError({ code: -1, message: "The Cloud API reported this join request as failed without an error" }),
    errors,
  };
}

/** Seconds since the epoch (number or numeric string), or an ISO date string. */
function timestamp(v: unknown): Date | undefined {
  const fromSeconds = date(v);
  if (fromSeconds !== undefined || typeof v !== "string") return fromSeconds;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
