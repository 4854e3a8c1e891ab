import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { groupSegment, toGroupOperation, type GroupOperation } from "./types.ts";

export interface DeleteGroupOptions extends CallOptions {
  groupId: string;
}

/** pywa's `delete_group`: `DELETE /{group-id}`. Every participant is removed and the group is gone for good. */
export async function deleteGroup(wa: WhatsApp, options: DeleteGroupOptions): Promise<GroupOperation> {
  const group = groupSegment(options.groupId, "deleteGroup");
  const wire = await wa.api.request<Json>({ method: "DELETE", path: `/${group}`, ...callOptions(options) });
  return toGroupOperation(wire);
}
