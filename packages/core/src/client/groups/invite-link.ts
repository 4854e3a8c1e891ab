import { callOptions, type CallOptions } from "../../graph/request.ts";
import { str, type Json } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { groupSegment, type GroupInviteLink } from "./types.ts";

export interface GetGroupInviteLinkOptions extends CallOptions {
  groupId: string;
}

/** pywa's `get_group_invite_link`: `GET /{group-id}/invite_link`. */
export async function getGroupInviteLink(wa: WhatsApp, options: GetGroupInviteLinkOptions): Promise<GroupInviteLink> {
  const group = groupSegment(options.groupId, "getGroupInviteLink");
  const wire = await wa.api.request<Json>({ method: "GET", path: `/${group}/invite_link`, ...callOptions(options) });
  return toInviteLink(wire, "getGroupInviteLink");
}

export type ResetGroupInviteLinkOptions = GetGroupInviteLinkOptions;

/** pywa's `reset_group_invite_link`: `POST /{group-id}/invite_link` `{ messaging_product }`. The old link stops working. */
export async function resetGroupInviteLink(wa: WhatsApp, options: ResetGroupInviteLinkOptions): Promise<GroupInviteLink> {
  const group = groupSegment(options.groupId, "resetGroupInviteLink");
  const wire = await wa.api.request<Json>({
    method: "POST",
    path: `/${group}/invite_link`,
    json: { messaging_product: "whatsapp" },
    ...callOptions(options),
  });
  return toInviteLink(wire, "resetGroupInviteLink");
}

function toInviteLink(w: Json, method: string): GroupInviteLink {
  const link = str(w.invite_link);
  // The link is the whole point of the call: an answer without one is not a result.
  if (!link) throw new Error(`${method}: the Graph API answered without an invite_link`);
  return { link, raw: w };
}
