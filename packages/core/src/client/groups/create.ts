import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import { phoneSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { checkApprovalMode, toGroupOperation, type GroupJoinApprovalMode, type GroupOperation } from "./types.ts";

export interface CreateGroupOptions extends CallOptions {
  /** The group's name (Meta: at most 128 characters, trimmed). */
  subject: string;
  /** Meta: at most 2048 characters. */
  description?: string;
  /** Default (Meta's): `auto_approve`. */
  joinApprovalMode?: GroupJoinApprovalMode;
  /** The business phone number that owns the group. Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `create_group`: `POST /{phone-id}/groups` with `messaging_product`, `subject`
 * and, if given, `description` and `join_approval_mode`. The group exists once the
 * `group_lifecycle_update` webhook with the same `requestId` says so; that webhook
 * also carries the group id and its invite link.
 */
export async function createGroup(wa: WhatsApp, options: CreateGroupOptions): Promise<GroupOperation> {
  const phone = phoneSegment(wa, options.phoneId, "createGroup");
  if (typeof options.subject !== "string" || options.subject.trim() === "") {
    throw new TypeError("createGroup: subject is empty: pass the group's name");
  }
  const json: Json = { messaging_product: "whatsapp", subject: options.subject };
  if (options.description !== undefined) json.description = options.description;
  if (options.joinApprovalMode !== undefined) json.join_approval_mode = checkApprovalMode(options.joinApprovalMode, "createGroup");
  const wire = await wa.api.request<Json>({ method: "POST", path: `/${phone}/groups`, json, ...callOptions(options) });
  return toGroupOperation(wire);
}
