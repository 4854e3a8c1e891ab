import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import { firstItem } from "../business/ack.ts";
import { phoneSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { toUsernameStatus, type UsernameStatus } from "./types.ts";

export interface GetCurrentUsernameOptions extends CallOptions {
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `get_current_username`: `GET /{phone-id}/username`. */
export async function getCurrentUsername(wa: WhatsApp, options: GetCurrentUsernameOptions = {}): Promise<UsernameStatus> {
  const phone = phoneSegment(wa, options.phoneId, "getCurrentUsername");
  const wire = await wa.api.request<Json>({ method: "GET", path: `/${phone}/username`, ...callOptions(options) });
  return toUsernameStatus(wire);
}

export interface GetReservedUsernamesOptions extends CallOptions {
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `get_reserved_usernames`: `GET /{phone-id}/username_suggestions`, read from `data[0].username_suggestions`. */
export async function getReservedUsernames(wa: WhatsApp, options: GetReservedUsernamesOptions = {}): Promise<string[]> {
  const phone = phoneSegment(wa, options.phoneId, "getReservedUsernames");
  const item = await firstItem<{ username_suggestions?: unknown }>(wa, { method: "GET", path: `/${phone}/username_suggestions` }, options);
  const names = item?.username_suggestions;
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
}
