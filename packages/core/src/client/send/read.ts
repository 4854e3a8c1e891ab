import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";

export type { SuccessResult };

export interface ReadReceiptOptions extends CallOptions {
  /** The incoming message to mark as read. */
  messageId: string;
  /** The business phone number id that received it. Default: the client's `phoneId`. */
  sender?: string;
}

/** Blue ticks on a received message (pywa's `mark_message_as_read`). */
export function markMessageAsRead(wa: WhatsApp, o: ReadReceiptOptions): Promise<SuccessResult> {
  return postStatus(wa, o, false);
}

/**
 * Shows "typing…" to the user for up to 25 seconds or until the next message is
 * sent; it also marks the message as read (pywa's `indicate_typing`).
 */
export function indicateTyping(wa: WhatsApp, o: ReadReceiptOptions): Promise<SuccessResult> {
  return postStatus(wa, o, true);
}

/** Not the send envelope: a status update about a received message, on the same endpoint. */
async function postStatus(wa: WhatsApp, o: ReadReceiptOptions, typing: boolean): Promise<SuccessResult> {
  if (!o.messageId) throw new TypeError("messageId is empty: pass the id (wamid.…) of the received message");
  const sender = wa.resolvePhoneId(o.sender);
  const response = await wa.api.request<{ success?: unknown }>({
    method: "POST",
    path: `/${sender}/messages`,
    json: {
      messaging_product: "whatsapp",
      status: "read",
      message_id: o.messageId,
      ...(typing ? { typing_indicator: { type: "text" } } : {}),
    },
    ...callOptions(o),
  });
  return { success: response.success === true };
}
