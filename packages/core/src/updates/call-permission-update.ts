import { type UpdateSource, toDate } from "./base.ts";
import { type Json, date, need, nonEmpty, num, obj, str } from "./json.ts";
import { type ReplyToMessage, parseReplyTo } from "./reply-context.ts";
import { messageContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";

export type CallPermissionResponse = "accept" | "reject" | (string & {});
export type CallPermissionResponseSource = "user_action" | "automatic" | (string & {});

/**
 * A user answered a call-permission request (`interactive.call_permission_reply`).
 * Once `isAccepted`, `call(sdp)` (every user update's shortcut) calls them back.
 */
export class CallPermissionUpdate extends BaseUserUpdate {
  readonly kind = "callPermissionUpdate" as const;
  readonly id: string;
  readonly timestamp: Date;
  readonly type: "interactive";
  readonly response: CallPermissionResponse;
  /** `user_action` when the user tapped, `automatic` when WhatsApp answered for them. */
  readonly responseSource: CallPermissionResponseSource | undefined;
  /** Until when the business may call (accepted permissions only). */
  readonly expirationTimestamp: Date | undefined;
  /** The permission request the user answered. */
  readonly replyToMessage: ReplyToMessage | undefined;

  constructor(source: UpdateSource, value: Json, item: Json) {
    super(source, messageContext(value, item));
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    this.type = "interactive";
    const reply = obj(obj(item.interactive)?.call_permission_reply);
    this.response = need(nonEmpty(reply?.response), "interactive.call_permission_reply.response");
    this.responseSource = str(reply?.response_source);
    this.expirationTimestamp = date(reply?.expiration_timestamp);
    this.replyToMessage = parseReplyTo(item.context);
  }

  /** The user allowed calls (pywa's `bool(update)`). */
  get isAccepted(): boolean {
    return this.response === "accept";
  }

  /** The permission has run out; a permission without expiry never does. */
  get isExpired(): boolean {
    return this.expirationTimestamp !== undefined && this.expirationTimestamp.getTime() < Date.now();
  }
}
