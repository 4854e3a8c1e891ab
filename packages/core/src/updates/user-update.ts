// Client-side things are imported as types only: the shortcuts call them through
// `this.client`, so the updates never import the client at runtime (no cycle).
import type { BlockUsersOptions } from "../client/users/block.ts";
import type { BlockUsersResult, UnblockUsersResult } from "../client/users/types.ts";
import { BaseUpdate, type UpdateSource } from "./base.ts";
import { REPLY_TARGET, type ReplyTarget, withReplyShortcuts } from "./reply-shortcuts.ts";
import type { Chat, Metadata, User } from "./user.ts";

/** Who and where a user-scoped update is about. */
export interface UserContext {
  metadata: Metadata;
  from: User;
  chat: Chat;
}

const NO_TEXT: readonly (string | undefined)[] = Object.freeze([]);

/** `blockSender` / `unblockSender` options: the call options (the user and the number are the update's). */
export type BlockSenderOptions = Omit<BlockUsersOptions, "users" | "phoneId">;

/**
 * Every update that concerns one WhatsApp user on one business phone number:
 * messages, clicks, statuses, calls, preferences (pywa's `BaseUserUpdate`).
 *
 * The reply shortcuts (pywa's `_ClientShortcuts`, see `withReplyShortcuts`) answer
 * the update: they send to its chat (the group for a group message, unless
 * `private: true`; the user otherwise), from the business number it came to
 * (`metadata.phoneNumberId`), and with `quote: true` quote `messageIdToReply`.
 */
export abstract class BaseUserUpdate extends withReplyShortcuts(BaseUpdate) {
  /** `value.metadata`: the business phone number the update came to. */
  readonly metadata: Metadata;
  /** The user the update is about (pywa's `from_user`). */
  readonly from: User;
  readonly chat: Chat;

  constructor(source: UpdateSource, context: UserContext) {
    super(source);
    this.metadata = context.metadata;
    // The client decides how users are addressed (`userIdentifierPriority`); a private
    // chat is the user, so its id follows.
    const priority = source.client.userIdentifierPriority;
    this.from = priority ? context.from.withPriority(priority) : context.from;
    this.chat = context.chat.type === "private" ? { id: this.from.preferredId, type: "private" } : context.chat;
  }

  /** pywa's name for `from`. */
  get fromUser(): User {
    return this.from;
  }

  /**
   * Whether the user did something (wrote, clicked, called). Statuses and system
   * notices are not user actions: a pending `waitForReply` lets them through.
   */
  get isUserAction(): boolean {
    return true;
  }

  /** The message a reply, reaction or read receipt should point at. */
  override get messageIdToReply(): string {
    return this.id;
  }

  /** The texts that text filters (`filters.matches`, `startsWith`, …) look at. */
  get textFields(): readonly (string | undefined)[] {
    return NO_TEXT;
  }

  /** @internal The shortcuts' target: the chat (or, privately, the user), from the number the update came to. */
  override [REPLY_TARGET](privately: boolean): ReplyTarget {
    const to = this.chat.type === "group" && !privately ? this.chat.id : this.from.preferredId;
    return { client: this.client, to, sender: this.metadata.phoneNumberId };
  }

  // ── Blocking (pywa's `block_sender` / `unblock_sender`; updates only) ─────────

  /**
   * Blocks the user (`blockUsers` with their preferred id) on the business number
   * the update came to. Meta only blocks users who wrote in the last 24 h; a refusal
   * comes back in `failed`, not thrown.
   */
  async blockSender(options?: BlockSenderOptions): Promise<BlockUsersResult> {
    return this.client.blockUsers({ ...options, users: [this.from.preferredId], phoneId: this.metadata.phoneNumberId });
  }

  /** Unblocks the user (`unblockUsers`) on the business number the update came to. */
  async unblockSender(options?: BlockSenderOptions): Promise<UnblockUsersResult> {
    return this.client.unblockUsers({ ...options, users: [this.from.preferredId], phoneId: this.metadata.phoneNumberId });
  }
}

/** Whether an update is about one user on one business number (a message, click, status, call…). */
export function isUserUpdate(update: unknown): update is BaseUserUpdate {
  return update instanceof BaseUserUpdate;
}

/** Whether the user did something (wrote, clicked, called); statuses and system notices are not actions. */
export function isUserAction(update: unknown): boolean {
  return update instanceof BaseUserUpdate && update.isUserAction;
}
