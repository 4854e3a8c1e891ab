import { type UpdateSource, toDate } from "./base.ts";
import { type Json, need, nonEmpty, num, obj } from "./json.ts";
import { Message, type MessageBase, type MessageType } from "./message.ts";
import { messageContext } from "./sender.ts";
import { BaseUserUpdate, type UserContext } from "./user-update.ts";

/** What an edit and its echo share: the edit event, the original id, the new content. */
export abstract class EditedMessageBase<M extends MessageBase = MessageBase> extends BaseUserUpdate {
  /** The id of the edit event itself. */
  readonly id: string;
  readonly timestamp: Date;
  /** The message that was edited. */
  readonly originalMessageId: string;
  /** The type of the new content (`edit.message.type`). */
  readonly type: MessageType;
  /** The new content, as a message whose id is the original message's. */
  readonly message: M;

  constructor(
    source: UpdateSource,
    context: UserContext,
    item: Json,
    build: (content: Json, originalMessageId: string) => M,
  ) {
    super(source, context);
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    const edit = obj(item.edit);
    this.originalMessageId = need(nonEmpty(edit?.original_message_id), "edit.original_message_id");
    const content = need(obj(edit?.message), "edit.message");
    this.message = build(content, this.originalMessageId);
    this.type = this.message.type;
  }

  /** An edit is answered on the message it changed. */
  override get messageIdToReply(): string {
    return this.originalMessageId;
  }

  /** Text filters see the new text or caption. */
  override get textFields(): readonly (string | undefined)[] {
    return this.message.textFields;
  }
}

/** What a deletion and its echo share. */
export abstract class DeletedMessageBase extends BaseUserUpdate {
  readonly id: string;
  readonly timestamp: Date;
  /** The message that was deleted. */
  readonly originalMessageId: string;
  readonly type: "revoke";

  constructor(source: UpdateSource, context: UserContext, item: Json) {
    super(source, context);
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    this.originalMessageId = need(nonEmpty(obj(item.revoke)?.original_message_id), "revoke.original_message_id");
    this.type = "revoke";
  }

  override get messageIdToReply(): string {
    return this.originalMessageId;
  }
}

/** A user edited a message they had sent (`type: "edit"`). */
export class EditedMessage extends EditedMessageBase<Message> {
  readonly kind = "editedMessage" as const;

  constructor(source: UpdateSource, value: Json, item: Json) {
    const context = messageContext(value, item);
    super(source, context, item, (content, id) => new Message(source, value, item, content, id, context));
  }
}

/** A user deleted a message they had sent (`type: "revoke"`). */
export class DeletedMessage extends DeletedMessageBase {
  readonly kind = "deletedMessage" as const;

  constructor(source: UpdateSource, value: Json, item: Json) {
    super(source, messageContext(value, item), item);
  }
}
