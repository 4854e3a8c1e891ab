import { type UpdateSource, toDate } from "./base.ts";
import { type Json, ShapeError, need, nonEmpty, num, obj, str } from "./json.ts";
import { type ReplyToMessage, parseReplyTo } from "./reply-context.ts";
import { messageContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";

/** `interactive`: a reply button of an interactive message; `button`: a template quick reply. */
export type CallbackButtonType = "interactive" | "button" | (string & {});

/** A click on a reply button or a template quick-reply button. */
export class CallbackButton extends BaseUserUpdate {
  readonly kind = "callbackButton" as const;
  readonly id: string;
  readonly timestamp: Date;
  readonly type: CallbackButtonType;
  /** The button's id (`button_reply.id`) or the quick reply's payload (`button.payload`). */
  readonly data: string;
  /** The label the user saw. */
  readonly title: string | undefined;
  /** The message the button belonged to; template quick replies may lack it. */
  readonly replyToMessage: ReplyToMessage | undefined;

  constructor(source: UpdateSource, value: Json, item: Json) {
    super(source, messageContext(value, item));
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    const type = need(nonEmpty(item.type), "message type");
    this.type = type;
    if (type === "button") {
      const button = obj(item.button);
      this.data = need(str(button?.payload), "button.payload");
      this.title = str(button?.text);
    } else if (type === "interactive") {
      const reply = obj(obj(item.interactive)?.button_reply);
      this.data = need(str(reply?.id), "interactive.button_reply.id");
      this.title = str(reply?.title);
    } else {
      throw new ShapeError(`type "${type}" is not a button click`);
    }
    this.replyToMessage = parseReplyTo(item.context);
  }

  /** A template quick-reply button rather than an interactive reply button. */
  get isQuickReply(): boolean {
    return this.type === "button";
  }

  override get textFields(): readonly (string | undefined)[] {
    return [this.data];
  }
}
