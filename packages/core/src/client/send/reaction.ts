import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { sendEnvelope, type SendOptions } from "./envelope.ts";

/** A reaction quotes its message by itself: there is no `replyToMessageId`. */
type ReactionSendOptions = Omit<SendOptions, "replyToMessageId">;

export interface SendReactionOptions extends ReactionSendOptions {
  emoji: string;
  /** The message reacted to. */
  messageId: string;
}

export interface RemoveReactionOptions extends ReactionSendOptions {
  messageId: string;
}

export async function sendReaction(wa: WhatsApp, o: SendReactionOptions): Promise<SentMessage> {
  // Spread over a cleared replyToMessageId: a caller's cast cannot sneak a context in.
  return sendEnvelope(wa, { ...o, replyToMessageId: undefined }, "reaction", { emoji: o.emoji, message_id: o.messageId });
}

/** Removes the business's reaction: the same message with an empty emoji. */
export async function removeReaction(wa: WhatsApp, o: RemoveReactionOptions): Promise<SentMessage> {
  return sendEnvelope(wa, { ...o, replyToMessageId: undefined }, "reaction", { emoji: "", message_id: o.messageId });
}
