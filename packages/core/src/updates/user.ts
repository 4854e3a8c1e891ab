import { nonEmpty, obj, str } from "./json.ts";

/** A user identifier, in the order `preferredId` tries them (pywa's `UserIdentifier`). */
export type UserIdentifier = "bsuid" | "waId" | "parentBsuid";

/** pywa's default `user_identifier_priority`: the BSUID first, then the phone number. */
export const DEFAULT_USER_IDENTIFIER_PRIORITY: readonly UserIdentifier[] = Object.freeze(["bsuid", "waId", "parentBsuid"]);

/** Checks a `userIdentifierPriority`: all three identifiers, once each. */
export function checkUserIdentifierPriority(priority: readonly UserIdentifier[]): readonly UserIdentifier[] {
  const ok =
    Array.isArray(priority) &&
    priority.length === DEFAULT_USER_IDENTIFIER_PRIORITY.length &&
    DEFAULT_USER_IDENTIFIER_PRIORITY.every((id) => priority.includes(id));
  if (!ok) {
    throw new TypeError(
      `userIdentifierPriority must name "bsuid", "waId" and "parentBsuid" once each, in the order to try them; got ${JSON.stringify(priority)}`,
    );
  }
  return Object.freeze([...priority]);
}

/** What a `User` is built from; every field may be absent on the wire. */
export interface UserInit {
  bsuid?: string | undefined;
  waId?: string | undefined;
  name?: string | undefined;
  username?: string | undefined;
  parentBsuid?: string | undefined;
  identityKeyHash?: string | undefined;
  /** The order `preferredId` tries the identifiers in. Default: the BSUID, the phone number, the parent BSUID. */
  priority?: readonly UserIdentifier[] | undefined;
}

/**
 * A WhatsApp user, as a webhook describes them. Since business-scoped user ids
 * (BSUIDs) the phone number (`waId`) may be withheld, so any of the identifiers
 * may be missing; updates built by the classifier always have at least one.
 */
export class User {
  /** `contacts[].user_id`: the business-scoped user id, e.g. `US.13491208655302741918`. */
  readonly bsuid: string | undefined;
  /** `contacts[].wa_id`: the phone number in international format, without `+`. */
  readonly waId: string | undefined;
  /** `contacts[].profile.name`. */
  readonly name: string | undefined;
  /** `contacts[].profile.username`, when the user enabled usernames. */
  readonly username: string | undefined;
  /** `contacts[].parent_user_id`, when the business enabled parent BSUIDs. */
  readonly parentBsuid: string | undefined;
  /** `contacts[].identity_key_hash`, when identity change checks are enabled. */
  readonly identityKeyHash: string | undefined;
  readonly #priority: readonly UserIdentifier[];

  constructor(init: UserInit) {
    // An empty string is how Meta says "withheld"; treat it as absent everywhere.
    this.bsuid = init.bsuid || undefined;
    this.waId = init.waId || undefined;
    this.name = init.name;
    this.username = init.username || undefined;
    this.parentBsuid = init.parentBsuid || undefined;
    this.identityKeyHash = init.identityKeyHash || undefined;
    this.#priority = init.priority ?? DEFAULT_USER_IDENTIFIER_PRIORITY;
  }

  /** The same user, addressed by another identifier priority (the client's `userIdentifierPriority`). */
  withPriority(priority: readonly UserIdentifier[]): User {
    if (priority === this.#priority) return this;
    const { bsuid, waId, name, username, parentBsuid, identityKeyHash } = this;
    return new User({ bsuid, waId, name, username, parentBsuid, identityKeyHash, priority });
  }

  /** A `value.contacts[]` entry to a User. */
  static fromContact(contact: unknown): User {
    const c = obj(contact);
    const profile = obj(c?.profile);
    return new User({
      bsuid: nonEmpty(c?.user_id),
      waId: nonEmpty(c?.wa_id),
      name: str(profile?.name),
      username: nonEmpty(profile?.username),
      parentBsuid: nonEmpty(c?.parent_user_id),
      identityKeyHash: nonEmpty(c?.identity_key_hash),
    });
  }

  /**
   * The id to address this user with: the first present identifier in the client's
   * `userIdentifierPriority` (by default bsuid, waId, parentBsuid, as pywa's). `""`
   * only for a User built by hand without any identifier.
   */
  get preferredId(): string {
    for (const id of this.#priority) {
      const value = this[id];
      if (value !== undefined) return value;
    }
    return "";
  }

  /**
   * An id of this user that does not depend on the client's `userIdentifierPriority`
   * (the default order: the BSUID, else the phone number, else the parent BSUID): what
   * stored keys, such as the dedupe claims of statuses, are made of, so that changing
   * the option between deploys does not change them.
   */
  get stableId(): string {
    return this.bsuid ?? this.waId ?? this.parentBsuid ?? "";
  }

  /** The ISO country prefix of the BSUID (`US` for `US.1349…`). */
  get countryCode(): string | undefined {
    if (!this.bsuid) return undefined;
    const dot = this.bsuid.indexOf(".");
    return dot > 0 ? this.bsuid.slice(0, dot) : undefined;
  }
}

/** `value.metadata`: the business phone number the update is about. */
export interface Metadata {
  readonly displayPhoneNumber: string | undefined;
  readonly phoneNumberId: string;
}

export type ChatType = "private" | "group";

/** Where an update happened: a group (`id` = group id) or a private chat (`id` = the user's preferred id). */
export interface Chat {
  readonly id: string;
  readonly type: ChatType;
}
