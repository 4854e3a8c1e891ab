import type { CallPermissionUpdate } from "../../updates/call-permission-update.ts";
import type { CallbackButton } from "../../updates/callback-button.ts";
import type { CallbackSelection } from "../../updates/callback-selection.ts";
import type { FlowCompletion } from "../../updates/flow-completion.ts";
import type { MessageBase } from "../../updates/message.ts";
import type { Filter } from "../filter.ts";
import { builtin, isMessage, named, rec } from "./util.ts";

/** The updates that may carry a `replyToMessage` (the message they answer). */
export type Replyable = MessageBase | CallbackButton | CallbackSelection | FlowCompletion | CallPermissionUpdate;

/** Forwarded messages (once or many times). */
export const forwarded: Filter<MessageBase> = builtin("forwarded", (u) => isMessage(u) && u.forwarded === true);

/** Messages forwarded many times (WhatsApp's "Forwarded many times" label). */
export const forwardedManyTimes: Filter<MessageBase> = builtin(
  "forwardedManyTimes",
  (u) => isMessage(u) && u.forwardedManyTimes === true,
);

/** Updates that answer another message (quoted replies, button clicks, list selections). */
export const reply: Filter<Replyable> = builtin("reply", (u) => rec(u, "replyToMessage") !== undefined);

/**
 * Updates that answer any of these messages (by `wamid`). pywa's `replays_to`.
 *
 *   filters.replyTo(sent.id)
 */
export function replyTo(...messageIds: string[]): Filter<Replyable> {
  const set: ReadonlySet<unknown> = new Set(messageIds);
  return builtin(named("replyTo", messageIds), (u) => set.has(rec(u, "replyToMessage")?.messageId));
}

/** Messages that ask about a product (a reply to a catalog / product message). */
export const hasReferredProduct: Filter<Replyable> = builtin(
  "hasReferredProduct",
  (u) => rec(rec(u, "replyToMessage"), "referredProduct") !== undefined,
);
