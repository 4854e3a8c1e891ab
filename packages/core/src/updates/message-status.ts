import { type UpdateSource, toDate } from "./base.ts";
import { type Json, bool, date, need, nonEmpty, num, obj, str } from "./json.ts";
import { type UserIds, userContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";
import { type WebhookError, parseWebhookErrors } from "./webhook-error.ts";

export type MessageStatusType = "sent" | "delivered" | "read" | "failed" | "played" | (string & {});

export type ConversationCategory =
  | "authentication"
  | "authentication_international"
  | "marketing"
  | "marketing_lite"
  | "utility"
  | "service"
  | "referral_conversion"
  | (string & {});

/** `CBP`: conversation-based (until July 2025); `PMP`: per-message pricing. */
export type PricingModel = "CBP" | "PMP" | (string & {});
export type PricingType = "regular" | "free_customer_service" | "free_entry_point" | (string & {});

/** The pricing conversation a status belongs to; since Graph v24 only sent in free entry-point windows. */
export interface Conversation {
  readonly id: string | undefined;
  /** `origin.type`. */
  readonly category: ConversationCategory | undefined;
  /** `expiration_timestamp`, on the first status of a conversation. */
  readonly expiration: Date | undefined;
}

export interface Pricing {
  /** `billable`, or when absent whether `type` is `regular` (as pywa infers it). */
  readonly billable: boolean;
  /** `pricing_model`. */
  readonly model: PricingModel | undefined;
  /** `type` (or the older `pricing_type`). */
  readonly type: PricingType | undefined;
  readonly category: ConversationCategory | undefined;
}

/** The user a status is about: a group status names its participant, a private one its recipient. */
function statusUserIds(status: Json, group: boolean): UserIds {
  return group
    ? {
        bsuid: nonEmpty(status.recipient_participant_user_id),
        waId: nonEmpty(status.recipient_participant_id) ?? nonEmpty(status.participant_recipient_id),
        parentBsuid: nonEmpty(status.recipient_participant_parent_user_id),
      }
    : {
        bsuid: nonEmpty(status.recipient_user_id),
        waId: nonEmpty(status.recipient_id),
        parentBsuid: nonEmpty(status.recipient_parent_user_id) ?? nonEmpty(status.parent_recipient_user_id),
      };
}

/** A status of a message the business sent (`value.statuses[]`): sent, delivered, read, played, failed. */
export class MessageStatus extends BaseUserUpdate {
  readonly kind = "messageStatus" as const;
  /** The id of the message the business sent. */
  readonly id: string;
  readonly timestamp: Date;
  readonly status: MessageStatusType;
  /** `biz_opaque_callback_data`: the `tracker` the message was sent with. */
  readonly tracker: string | undefined;
  readonly conversation: Conversation | undefined;
  readonly pricing: Pricing | undefined;
  /** The first of `errors`. */
  readonly error: WebhookError | undefined;
  /** `statuses[].errors` then `value.errors`; set on `failed`. */
  readonly errors: readonly WebhookError[];
  /** `individual`, or `group` for a participant's status of a group message. */
  readonly recipientType: "individual" | "group" | (string & {});

  constructor(source: UpdateSource, value: Json, status: Json) {
    const recipientType = str(status.recipient_type) ?? "individual";
    const group = recipientType === "group";
    super(source, userContext(value, statusUserIds(status, group), group ? nonEmpty(status.recipient_id) : undefined));
    this.recipientType = recipientType;
    this.id = need(nonEmpty(status.id), "status id");
    this.status = need(nonEmpty(status.status), "status");
    this.timestamp = toDate(num(status.timestamp));
    this.tracker = str(status.biz_opaque_callback_data);
    const conversation = obj(status.conversation);
    this.conversation = conversation && {
      id: str(conversation.id),
      category: str(obj(conversation.origin)?.type),
      expiration: date(conversation.expiration_timestamp),
    };
    const pricing = obj(status.pricing);
    if (pricing) {
      const type = str(pricing.type) ?? str(pricing.pricing_type);
      this.pricing = {
        billable: bool(pricing.billable) ?? type === "regular",
        model: str(pricing.pricing_model),
        type,
        category: str(pricing.category),
      };
    } else {
      this.pricing = undefined;
    }
    this.errors = parseWebhookErrors(status.errors, value.errors);
    this.error = this.errors[0];
  }

  /**
   * One status of one message, e.g. `messageStatus:wamid…:read`. In a group every
   * participant reads the same message, so the participant is part of the key.
   */
  override get dedupeKey(): string {
    const key = `messageStatus:${this.id}:${this.status}`;
    return this.chat.type === "group" ? `${key}:${this.from.stableId}` : key;
  }

  override get isUserAction(): boolean {
    return false;
  }

  override get textFields(): readonly (string | undefined)[] {
    return [this.tracker];
  }
}
