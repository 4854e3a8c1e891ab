import { type UpdateSource, toDate } from "./base.ts";
import { type Json, bool, date, need, nonEmpty, num, obj, str } from "./json.ts";
import { messageContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";

/** `messages[].identity`: the user's new security code. */
export interface Identity {
  readonly acknowledged: boolean | undefined;
  readonly createdTimestamp: Date | undefined;
  /** Compare with `identity_key_hash` before sending sensitive messages. */
  readonly hash: string | undefined;
}

/** A user's security code changed (reinstalled WhatsApp, new phone): `system.type == "customer_identity_changed"`. */
export class IdentityChange extends BaseUserUpdate {
  readonly kind = "identityChange" as const;
  readonly id: string;
  readonly timestamp: Date;
  readonly type: "system";
  readonly sysType: "customer_identity_changed" | (string & {});
  readonly body: string | undefined;
  readonly identity: Identity | undefined;

  constructor(source: UpdateSource, value: Json, item: Json) {
    super(source, messageContext(value, item));
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    this.type = "system";
    const system = obj(item.system);
    this.sysType = need(nonEmpty(system?.type), "system.type");
    this.body = str(system?.body);
    const identity = obj(item.identity);
    this.identity = identity && {
      acknowledged: bool(identity.acknowledged),
      createdTimestamp: date(identity.created_timestamp),
      hash: str(identity.hash),
    };
  }

  override get isUserAction(): boolean {
    return false;
  }
}
