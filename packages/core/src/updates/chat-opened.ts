import { type UpdateSource, toDate } from "./base.ts";
import { type Json, need, nonEmpty, num } from "./json.ts";
import { messageContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";

/**
 * A user opened the chat with the business for the first time (a message of type
 * `request_welcome`, with no content). pywa 4 delivers it as a plain Message;
 * edgewa keeps pywa 3's separate update so a welcome handler needs no filter.
 */
export class ChatOpened extends BaseUserUpdate {
  readonly kind = "chatOpened" as const;
  readonly id: string;
  readonly timestamp: Date;
  readonly type: "request_welcome";

  constructor(source: UpdateSource, value: Json, item: Json) {
    super(source, messageContext(value, item));
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    this.type = "request_welcome";
  }
}
