import { type Json, ShapeError, idStr, isObj, nonEmpty, obj, str } from "./json.ts";
import { type Chat, type Metadata, User } from "./user.ts";
import type { UserContext } from "./user-update.ts";

/** The identifiers an item carries for the user it is about. */
export interface UserIds {
  bsuid?: string | undefined;
  waId?: string | undefined;
  parentBsuid?: string | undefined;
}

/** `messages[]` items name their sender with `from`, `from_user_id`, `from_parent_user_id`. */
export function senderIds(item: Json): UserIds {
  return {
    bsuid: nonEmpty(item.from_user_id),
    waId: nonEmpty(item.from),
    parentBsuid: nonEmpty(item.from_parent_user_id),
  };
}

/** Echoes and business-initiated calls name the user on the `to` side. */
export function recipientIds(item: Json): UserIds {
  return {
    bsuid: nonEmpty(item.to_user_id),
    waId: nonEmpty(item.to),
    parentBsuid: nonEmpty(item.to_parent_user_id),
  };
}

/**
 * The user an item is about, with the profile of the matching `value.contacts[]`
 * entry. pywa always takes `contacts[0]`; a batched change can hold several
 * contacts, so the entry is matched on any identifier the item carries, and only
 * an item without identifiers falls back to the first contact.
 */
export function resolveUser(value: Json, ids: UserIds): User {
  const contacts = value.contacts;
  let contact: Json | undefined;
  if (Array.isArray(contacts)) {
    if (ids.bsuid || ids.waId || ids.parentBsuid) {
      for (const c of contacts) {
        if (!isObj(c)) continue;
        if (
          (ids.bsuid !== undefined && c.user_id === ids.bsuid) ||
          (ids.waId !== undefined && c.wa_id === ids.waId) ||
          (ids.parentBsuid !== undefined && c.parent_user_id === ids.parentBsuid)
        ) {
          contact = c;
          break;
        }
      }
    } else {
      contact = obj(contacts[0]);
    }
  }
  const profile = obj(contact?.profile);
  const user = new User({
    bsuid: nonEmpty(contact?.user_id) ?? ids.bsuid,
    waId: nonEmpty(contact?.wa_id) ?? ids.waId,
    name: str(profile?.name),
    username: nonEmpty(profile?.username),
    parentBsuid: nonEmpty(contact?.parent_user_id) ?? ids.parentBsuid,
    identityKeyHash: nonEmpty(contact?.identity_key_hash),
  });
  // Without any identifier the update could be neither answered nor listened for.
  if (!user.preferredId) throw new ShapeError("no user identifier (user_id, wa_id or parent_user_id)");
  return user;
}

export function parseMetadata(value: Json): Metadata {
  const m = obj(value.metadata);
  const phoneNumberId = idStr(m?.phone_number_id);
  if (phoneNumberId === undefined) throw new ShapeError("value.metadata.phone_number_id is missing");
  return { displayPhoneNumber: str(m?.display_phone_number), phoneNumberId };
}

export function chatOf(user: User, groupId: string | undefined): Chat {
  return groupId ? { id: groupId, type: "group" } : { id: user.preferredId, type: "private" };
}

/** Metadata, user and chat of a user-scoped item. */
export function userContext(value: Json, ids: UserIds, groupId?: string): UserContext {
  const metadata = parseMetadata(value);
  const from = resolveUser(value, ids);
  return { metadata, from, chat: chatOf(from, groupId) };
}

/** The context of a `messages[]` item: its sender, in its group when it has one. */
export function messageContext(value: Json, item: Json): UserContext {
  return userContext(value, senderIds(item), nonEmpty(item.group_id));
}
