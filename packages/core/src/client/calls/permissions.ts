import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import { phoneSegment } from "../business/ids.ts";
import { resolveRecipient } from "../send/recipient.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { toCallPermissions, type CallPermissions } from "./types.ts";

export interface GetCallPermissionsOptions extends CallOptions {
  /** The user: a phone number / WhatsApp id, or a BSUID. */
  fromUser: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `get_call_permissions` (which raises at pywa 4.4; this is what it meant):
 * `GET /{phone-id}/call_permissions?user_wa_id=…`, or `?recipient=…` for a BSUID.
 */
export async function getCallPermissions(wa: WhatsApp, options: GetCallPermissionsOptions): Promise<CallPermissions> {
  const phone = phoneSegment(wa, options.phoneId, "getCallPermissions");
  const { to, recipient, recipient_type } = resolveRecipient(options.fromUser);
  if (recipient_type === "group") throw new TypeError("getCallPermissions: fromUser must be a phone number, a WhatsApp id or a BSUID");
  const wire = await wa.api.request<Json>({
    method: "GET",
    path: `/${phone}/call_permissions`,
    query: recipient !== undefined ? { recipient } : { user_wa_id: to },
    ...callOptions(options),
  });
  return toCallPermissions(wire);
}
