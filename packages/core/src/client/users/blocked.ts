import { callOptions, type CallOptions } from "../../graph/request.ts";
import { Page, type PageOptions } from "../../graph/pagination.ts";
import { phoneSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { toBlockedUser, type BlockedUser } from "./types.ts";

export interface GetBlockedUsersOptions extends CallOptions, PageOptions {
  // `limit`, `after`, `before`: page size and cursors (pywa's `pagination`).
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `get_blocked_users`: `GET /{phone-id}/block_users`, one `Page` at a time.
 * Items are `{ wa_id }` (or `{ user_id }`); unlike pywa, a missing `input` is fine.
 */
export async function getBlockedUsers(wa: WhatsApp, options: GetBlockedUsersOptions = {}): Promise<Page<BlockedUser>> {
  const phone = phoneSegment(wa, options.phoneId, "getBlockedUsers");
  const page = { limit: options.limit, after: options.after, before: options.before };
  return Page.fetch(wa.api, { method: "GET", path: `/${phone}/block_users`, ...callOptions(options) }, toBlockedUser, page);
}
