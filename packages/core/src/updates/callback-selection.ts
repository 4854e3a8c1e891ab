import { type UpdateSource, toDate } from "./base.ts";
import { type Json, need, nonEmpty, num, obj, str } from "./json.ts";
import { type ReplyToMessage, parseReplyTo } from "./reply-context.ts";
import { messageContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";

/** A row picked from a list message (`interactive.list_reply`). */
export class CallbackSelection extends BaseUserUpdate {
  readonly kind = "callbackSelection" as const;
  readonly id: string;
  readonly timestamp: Date;
  readonly type: "interactive";
  /** The row's id. */
  readonly data: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  /** The list message the row belonged to. */
  readonly replyToMessage: ReplyToMessage | undefined;

  constructor(source: UpdateSource, value: Json, item: Json) {
    super(source, messageContext(value, item));
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    this.type = "interactive";
    const reply = obj(obj(item.interactive)?.list_reply);
    this.data = need(str(reply?.id), "interactive.list_reply.id");
    this.title = str(reply?.title);
    this.description = str(reply?.description);
    this.replyToMessage = parseReplyTo(item.context);
  }

  override get textFields(): readonly (string | undefined)[] {
    return [this.data];
  }
}
