import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import {
  groupSegment, readJoinRequestOutcome, toGroupOperation,
  type ApproveGroupJoinRequestsResult, type RejectGroupJoinRequestsResult,
} from "./types.ts";

export interface ApproveGroupJoinRequestsOptions extends CallOptions {
  groupId: string;
  /** Join request ids (`GroupJoinRequest.id`). */
  requestIds: readonly string[];
}

/**
 * pywa's `approve_group_join_requests`: `POST /{group-id}/join_requests` with
 * `{ messaging_product, join_requests: [ids] }`. Meta answers request by request:
 * the ones it could not approve are in `failed`, each with a typed error.
 */
export async function approveGroupJoinRequests(wa: WhatsApp, options: ApproveGroupJoinRequestsOptions): Promise<ApproveGroupJoinRequestsResult> {
  const wire = await joinRequestsCall(wa, "POST", options, "approveGroupJoinRequests");
  const { done, failed } = readJoinRequestOutcome(wire, "approved_join_requests");
  return { ...toGroupOperation(wire), approved: done, failed };
}

export type RejectGroupJoinRequestsOptions = ApproveGroupJoinRequestsOptions;

/** pywa's `reject_group_join_requests`: `DELETE /{group-id}/join_requests` with the same body; failures are returned like `approveGroupJoinRequests`'. */
export async function rejectGroupJoinRequests(wa: WhatsApp, options: RejectGroupJoinRequestsOptions): Promise<RejectGroupJoinRequestsResult> {
  const wire = await joinRequestsCall(wa, "DELETE", options, "rejectGroupJoinRequests");
  const { done, failed } = readJoinRequestOutcome(wire, "rejected_join_requests");
  return { ...toGroupOperation(wire), rejected: done, failed };
}

async function joinRequestsCall(wa: WhatsApp, method: "POST" | "DELETE", options: ApproveGroupJoinRequestsOptions, name: string): Promise<Json> {
  const group = groupSegment(options.groupId, name);
  const ids = options.requestIds;
  if (!Array.isArray(ids) || ids.length === 0) throw new TypeError(`${name}: requestIds is empty: pass the ids of join requests (getGroupJoinRequests)`);
  for (const id of ids) {
    if (typeof id !== "string" || id === "") throw new TypeError(`${name}: a request id is empty or not a string: ${JSON.stringify(id)}`);
  }
  return wa.api.request<Json>({
    method,
    path: `/${group}/join_requests`,
    json: { messaging_product: "whatsapp", join_requests: ids },
    ...callOptions(options),
  });
}
