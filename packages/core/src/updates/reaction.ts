import { nonEmpty, obj } from "./json.ts";

/** `messages[].reaction`. */
export interface Reaction {
  /** The message reacted to. */
  readonly messageId: string;
  /** `undefined` when the reaction was removed (Meta sends `""` or no emoji). */
  readonly emoji: string | undefined;
  readonly isRemoved: boolean;
}

export function parseReaction(v: unknown): Reaction | undefined {
  const o = obj(v);
  const messageId = nonEmpty(o?.message_id);
  if (!o || messageId === undefined) return undefined;
  const emoji = nonEmpty(o.emoji);
  return { messageId, emoji, isRemoved: emoji === undefined };
}
