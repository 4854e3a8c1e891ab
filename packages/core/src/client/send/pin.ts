import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { sendEnvelope } from "./envelope.ts";

interface PinTarget extends CallOptions {
  /** The chat the message is in: a group id (pins are a group feature). */
  chatId: string;
  /** The message to pin or unpin. */
  messageId: string;
  /** Send from this phone number id instead of the client's `phoneId`. */
  sender?: string;
}

export interface PinMessageOptions extends PinTarget {
  /** How long it stays pinned, in days. */
  expirationDays: number;
}

export type UnpinMessageOptions = PinTarget;

/** pywa's `pin_message`: a `pin` message with `pin: { type: "pin", message_id, expiration_days }`. */
export async function pinMessage(wa: WhatsApp, o: PinMessageOptions): Promise<SentMessage> {
  const days = o.expirationDays;
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`pinMessage: expirationDays must be a whole number of days ≥ 1, got ${String(days)}`);
  }
  return sendEnvelope(wa, envelopeOptions(o, "pinMessage"), "pin", { type: "pin", message_id: o.messageId, expiration_days: days });
}

/** pywa's `unpin_message`: a `pin` message with `pin: { type: "unpin", message_id }`. */
export async function unpinMessage(wa: WhatsApp, o: UnpinMessageOptions): Promise<SentMessage> {
  return sendEnvelope(wa, envelopeOptions(o, "unpinMessage"), "pin", { type: "unpin", message_id: o.messageId });
}

/** A pin takes no quote, tracker or identity hash: only the chat, sender and call options go through. */
function envelopeOptions(o: PinTarget, method: string) {
  if (typeof o.chatId !== "string" || o.chatId === "") throw new TypeError(`${method}: chatId is required (the group's id)`);
  if (typeof o.messageId !== "string" || o.messageId === "") throw new TypeError(`${method}: messageId is required`);
  return { ...callOptions(o), to: o.chatId, sender: o.sender };
}
