import { type UpdateSource, toDate } from "./base.ts";
import { type Json, need, nonEmpty, num, obj, str } from "./json.ts";
import { userContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";

/** `customer_changed_number` is the pre-BSUID name of `user_changed_number`. */
export type PhoneNumberChangeType =
  | "user_changed_number"
  | "user_changed_user_id"
  | "customer_changed_number"
  | (string & {});

/** A user changed their phone number or their business-scoped user id (`type: "system"`). */
export class PhoneNumberChange extends BaseUserUpdate {
  readonly kind = "phoneNumberChange" as const;
  readonly id: string;
  readonly timestamp: Date;
  readonly type: "system";
  readonly sysType: PhoneNumberChangeType;
  /** The notice WhatsApp shows, e.g. "User A changed from 972… to 972…". */
  readonly body: string | undefined;
  /** `system.customer`, else the message's `from`. */
  readonly oldWaId: string | undefined;
  /** `system.wa_id` (or the legacy `new_wa_id`). */
  readonly newWaId: string | undefined;
  /** `system.user_id`: the user's BSUID after the change. */
  readonly newUserId: string | undefined;
  /** `system.parent_user_id`. */
  readonly newParentId: string | undefined;
  /** `system.previous_user_id`, on `user_changed_user_id`. */
  readonly previousUserId: string | undefined;

  constructor(source: UpdateSource, value: Json, item: Json) {
    const system = obj(item.system);
    // As pywa: the user is the new BSUID with the number the message came from.
    super(
      source,
      userContext(value, {
        bsuid: nonEmpty(system?.user_id) ?? nonEmpty(item.from_user_id),
        waId: nonEmpty(item.from),
        parentBsuid: nonEmpty(system?.parent_user_id) ?? nonEmpty(item.from_parent_user_id),
      }),
    );
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    this.type = "system";
    this.sysType = need(nonEmpty(system?.type), "system.type");
    this.body = str(system?.body);
    this.oldWaId = nonEmpty(system?.customer) ?? nonEmpty(item.from);
    this.newWaId = nonEmpty(system?.wa_id) ?? nonEmpty(system?.new_wa_id);
    this.newUserId = nonEmpty(system?.user_id);
    this.newParentId = nonEmpty(system?.parent_user_id);
    this.previousUserId = nonEmpty(system?.previous_user_id);
  }

  override get isUserAction(): boolean {
    return false;
  }
}
