import { type UpdateSource, toDate } from "./base.ts";
import { type Json, need, nonEmpty, num, str } from "./json.ts";
import { userContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";

export type MarketingPreference = "stop" | "resume" | "signup" | (string & {});

/** A user stopped or resumed marketing messages (`user_preferences` field, `category: "marketing_messages"`). */
export class UserMarketingPreferences extends BaseUserUpdate {
  readonly kind = "userMarketingPreferences" as const;
  /** The WABA id (`entry[].id`), as pywa has it. */
  readonly id: string;
  readonly timestamp: Date;
  readonly value: MarketingPreference;
  /** e.g. "User requested to stop marketing messages". */
  readonly detail: string | undefined;
  readonly category: "marketing_messages" | (string & {});
  readonly signupId: string | undefined;

  constructor(source: UpdateSource, value: Json, preference: Json) {
    super(
      source,
      userContext(value, {
        bsuid: nonEmpty(preference.user_id),
        waId: nonEmpty(preference.wa_id),
        parentBsuid: nonEmpty(preference.parent_user_id),
      }),
    );
    this.id = source.entryId;
    this.timestamp = toDate(num(preference.timestamp));
    this.value = need(nonEmpty(preference.value), "user_preferences value");
    this.detail = str(preference.detail);
    this.category = need(nonEmpty(preference.category), "user_preferences category");
    this.signupId = nonEmpty(preference.signup_id);
  }

  /** The user accepts marketing messages (pywa's `bool(update)`). */
  get isOptedIn(): boolean {
    return this.value !== "stop";
  }

  /** The id is the WABA's, shared by every user: key on who, when and what. */
  override get dedupeKey(): string {
    return `userMarketingPreferences:${this.from.stableId}:${this.timestamp.getTime() / 1000}:${this.value}`;
  }

  /** A preference change is not a message (pywa raises too). */
  override get messageIdToReply(): string {
    throw new Error("userMarketingPreferences has no message to reply to");
  }
}
