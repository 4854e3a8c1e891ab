import { callOptions, type CallOptions } from "../../graph/request.ts";
import { Page, type ListResponse, type PageOptions } from "../../graph/pagination.ts";
import { isObj, type Json } from "../../updates/json.ts";
import { phoneSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { GROUP_FIELDS, groupSegment, toGroupDetails, toGroupSummary, type GroupDetails, type GroupSummary } from "./types.ts";

export interface GetGroupOptions extends CallOptions {
  groupId: string;
}

/** pywa's `get_group`: `GET /{group-id}?fields=id,subject,creation_timestamp,suspended,description,total_participant_count,participants,join_approval_mode`. */
export async function getGroup(wa: WhatsApp, options: GetGroupOptions): Promise<GroupDetails> {
  const group = groupSegment(options.groupId, "getGroup");
  const wire = await wa.api.request<Json>({ method: "GET", path: `/${group}`, query: { fields: GROUP_FIELDS }, ...callOptions(options) });
  return toGroupDetails(wire);
}

export interface GetGroupsOptions extends CallOptions, PageOptions {
  // `limit` (Meta: 1 to 1024), `after`, `before`: page size and cursors (pywa's `pagination`).
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `get_groups`: `GET /{phone-id}/groups`, the active groups of the number, one
 * `Page` at a time. The list holds each group's id, subject and creation time only:
 * `getGroup` gives the rest.
 */
export async function getGroups(wa: WhatsApp, options: GetGroupsOptions = {}): Promise<Page<GroupSummary>> {
  const phone = phoneSegment(wa, options.phoneId, "getGroups");
  return Page.fetch(
    wa.api,
    { method: "GET", path: `/${phone}/groups`, ...callOptions(options) },
    toGroupSummary,
    { limit: options.limit, after: options.after, before: options.before },
    groupItems,
  );
}

/**
 * Meta answers this list with `{ data: { groups: [...] }, paging }`, where every
 * other list has `data: [...]`; a plain `data` list is read too.
 */
function groupItems(response: ListResponse<unknown>): readonly unknown[] | undefined {
  const data: unknown = response.data;
  if (Array.isArray(data)) return data;
  return isObj(data) && Array.isArray(data.groups) ? data.groups : undefined;
}
