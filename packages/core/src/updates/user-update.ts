import { BaseUpdate, type UpdateSource } from "./base.ts";
import type { Chat, Metadata, User } from "./user.ts";

/** Who and where a user-scoped update is about. */
export interface UserContext {
  metadata: Metadata;
  from: User;
  chat: Chat;
}

const NO_TEXT: readonly (string | undefined)[] = Object.freeze([]);

/**
 * Every update that concerns one WhatsApp user on one business phone number:
 * messages, clicks, statuses, calls, preferences (pywa's `BaseUserUpdate`).
 */
export abstract class BaseUserUpdate extends BaseUpdate {
  /** `value.metadata`: the business phone number the update came to. */
  readonly metadata: Metadata;
  /** The user the update is about (pywa's `from_user`). */
  readonly from: User;
  readonly chat: Chat;

  constructor(source: UpdateSource, context: UserContext) {
    super(source);
    this.metadata = context.metadata;
    this.from = context.from;
    this.chat = context.chat;
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
  get messageIdToReply(): string {
    return this.id;
  }

  /** The texts that text filters (`filters.matches`, `startsWith`, …) look at. */
  get textFields(): readonly (string | undefined)[] {
    return NO_TEXT;
  }
}
