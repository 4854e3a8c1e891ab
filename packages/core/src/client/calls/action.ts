import type { CallOptions } from "../../graph/request.ts";
import { ack } from "../business/ack.ts";
import { phoneSegment } from "../business/ids.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";

/** What every action on an existing call takes. */
export interface CallActionOptions extends CallOptions {
  /** The call's id (`wacid.…`), from the `callConnect` update. */
  callId: string;
  /** The business number the call is on. Default: the client's `phoneId`. */
  phoneId?: string;
}

const TRACKER_LIMIT = 512;

/** `POST /{phone-id}/calls` with `{ messaging_product, call_id, action, …extra }`: every call action but `connect`. */
export async function callAction(wa: WhatsApp, action: string, options: CallActionOptions, extra: Record<string, unknown>, method: string): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, method);
  if (typeof options.callId !== "string" || options.callId === "") throw new TypeError(`${method}: callId is empty`);
  return ack(wa, { method: "POST", path: `/${phone}/calls`, json: { messaging_product: "whatsapp", call_id: options.callId, action, ...extra } }, options);
}

/** `biz_opaque_callback_data`, checked against Meta's 512-character limit; `{}` when there is none. */
export function trackerField(tracker: string | undefined, method: string): { biz_opaque_callback_data?: string } {
  if (tracker === undefined) return {};
  if (tracker.length > TRACKER_LIMIT) throw new RangeError(`${method}: tracker is ${tracker.length} characters; the Cloud API allows ${TRACKER_LIMIT}`);
  return { biz_opaque_callback_data: tracker };
}
