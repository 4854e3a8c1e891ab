import { callOptions, type CallOptions } from "../../graph/request.ts";
import { SentMessage, type SendResponse } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { resolveRecipient } from "./recipient.ts";

/** What every send accepts, besides its content. */
export interface SendOptions extends CallOptions {
  /** Phone number, WhatsApp id, BSUID or group id. */
  to: string;
  /** Quote this message (`context.message_id`). */
  replyToMessageId?: string;
  /** Opaque data echoed back on this message's status updates (`biz_opaque_callback_data`, ≤ 512 chars). */
  tracker?: string;
  /** Deliver only if the user's identity key still has this hash (`recipient_identity_key_hash`). */
  identityKeyHash?: string;
  /** Send from this phone number id instead of the client's `phoneId`. */
  sender?: string;
}

const TRACKER_LIMIT = 512;

/** Where a send goes and what else its body carries, beyond the common envelope. */
export interface EnvelopeExtras {
  /** `messages` (default), or `marketing_messages` for the Marketing Messages Lite API. */
  endpoint?: "messages" | "marketing_messages";
  /** More top-level body fields (e.g. `message_activity_sharing`); undefined ones are dropped. */
  fields?: Record<string, unknown>;
}

/**
 * Checks what can be checked without the network (sender, recipient, tracker
 * length) and returns the sender's phone number id. Sends that upload media call
 * it first, so a bad call fails before any upload.
 */
export function checkSendOptions(wa: WhatsApp, options: SendOptions): string {
  const sender = wa.resolvePhoneId(options.sender);
  resolveRecipient(options.to);
  if (options.tracker !== undefined && options.tracker.length > TRACKER_LIMIT) {
    throw new RangeError(`tracker is ${options.tracker.length} characters; the Cloud API allows ${TRACKER_LIMIT}`);
  }
  return sender;
}

/**
 * The one way every message goes out: the Cloud API's envelope around a
 * `type`-named payload, `POST /{sender}/messages`, and a `SentMessage` back.
 */
export async function sendEnvelope(
  wa: WhatsApp,
  options: SendOptions,
  type: string,
  payload: unknown,
  extras: EnvelopeExtras = {},
): Promise<SentMessage> {
  const sender = checkSendOptions(wa, options);
  const body = {
    messaging_product: "whatsapp",
    ...resolveRecipient(options.to),
    type,
    ...(options.replyToMessageId ? { context: { message_id: options.replyToMessageId } } : {}),
    ...(options.tracker !== undefined ? { biz_opaque_callback_data: options.tracker } : {}),
    ...(options.identityKeyHash !== undefined ? { recipient_identity_key_hash: options.identityKeyHash } : {}),
    ...compact({ ...extras.fields }),
    [type]: payload,
  };
  const response = await wa.api.request<SendResponse>({
    method: "POST",
    path: `/${sender}/${extras.endpoint ?? "messages"}`,
    json: body,
    ...callOptions(options),
  });
  return new SentMessage(wa, {
    response,
    to: String(options.to),
    fromPhoneId: sender,
    type,
    interactiveType: type === "interactive" ? (payload as { type?: string }).type : undefined,
    // Quoting or reacting to a sent reaction points at the message it reacted to (as pywa).
    messageIdToReply: type === "reaction" ? (payload as { message_id?: string }).message_id : undefined,
    isVoice: type === "audio" && (payload as { voice?: unknown }).voice === true,
  });
}

/** Drops keys whose value is undefined, so optional fields are absent rather than null. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}
