import type { BaseUpdate } from "../../updates/base.ts";
import type { UpdateKind } from "../../updates/kinds.ts";
import type { BaseUserUpdate } from "../../updates/user-update.ts";
import { Filter } from "../filter.ts";
import { builtin, is, type Loose, named, rec, str } from "./util.ts";

/** Always matches (pywa's `filters.true`). */
export const always: Filter<unknown> = new Filter<unknown>(() => true, "true");

/** Never matches (pywa's `filters.false`). */
export const never: Filter<unknown> = new Filter<unknown>(() => false, "false");

/**
 * Updates of any of these kinds (`update.kind`, the `UpdateKinds` key). Not in
 * pywa, which uses `isinstance`; it covers the kinds pywa has no filter for
 * (`editedMessage`, `outgoingMessage`, `groupMessageStatuses`, …).
 *
 *   filters.ofKind("message", "callbackButton")
 */
export function ofKind(...kinds: UpdateKind[]): Filter<unknown> {
  const set: ReadonlySet<unknown> = new Set(kinds);
  return builtin(named("ofKind", kinds), (u) => set.has(u.kind));
}

/**
 * Updates that came in on any of these webhook fields (`messages`, `calls`,
 * `account_update`, …). Checks `RawUpdate.field` as pywa does, and also the
 * `raw.field` of typed updates, so it works with every handler kind.
 *
 *   filters.webhookFields("messages")
 */
export function webhookFields(...fields: string[]): Filter<BaseUpdate> {
  const set: ReadonlySet<unknown> = new Set(fields);
  return builtin(named("webhookFields", fields), (u) => set.has(u.field ?? rec(u, "raw")?.field));
}

/** The update with this id (`update.id`: a `wamid.…`, a call id, a template id…). */
export function updateId(id: string): Filter<BaseUpdate> {
  return builtin(named("updateId", [id]), (u) => u.id === id);
}

/**
 * Updates of this WhatsApp Business Account (`update.wabaId`; updates without one
 * are compared by `id`, as pywa does).
 */
export function wabaId(id: string): Filter<BaseUpdate> {
  return builtin(named("wabaId", [id]), (u) => (u.wabaId ?? u.id) === id);
}

/** Digits only: `"+1 555-555-5555"` → `"15555555555"`. */
function digits(value: string): string {
  return value.replace(/\D/g, "");
}

export interface SentToOptions {
  /** The business number as displayed; compared by its digits (`"+1 555-555-5555"` = `"15555555555"`). */
  displayPhoneNumber?: string;
  /** The business phone-number id (`metadata.phoneNumberId`). */
  phoneNumberId?: string;
}

/**
 * Updates sent to this business phone number: useful when one client serves several
 * numbers (`filterUpdates: false`). Give `displayPhoneNumber` or `phoneNumberId`;
 * when both are given, `displayPhoneNumber` decides (as in pywa).
 *
 *   filters.sentTo({ phoneNumberId: "123456789" })
 */
export function sentTo(options: SentToOptions): Filter<BaseUserUpdate> {
  const { displayPhoneNumber, phoneNumberId } = options ?? {};
  if (!displayPhoneNumber && !phoneNumberId) {
    throw new TypeError("sentTo: give displayPhoneNumber or phoneNumberId");
  }
  if (displayPhoneNumber) {
    const want = digits(displayPhoneNumber);
    return builtin(named("sentTo", [displayPhoneNumber]), (u) => {
      const shown = str(rec(u, "metadata"), "displayPhoneNumber");
      return shown !== undefined && digits(shown) === want;
    });
  }
  return builtin(named("sentTo", [phoneNumberId]), (u) => str(rec(u, "metadata"), "phoneNumberId") === phoneNumberId);
}

/**
 * Updates sent to the client's own number (`metadata.phoneNumberId === wa.phoneId`);
 * never matches on a client without a `phoneId` (multi-tenant).
 */
export const sentToMe: Filter<BaseUserUpdate> = builtin("sentToMe", (u, wa) => {
  const mine = wa?.phoneId;
  return mine !== undefined && str(rec(u, "metadata"), "phoneNumberId") === mine;
});

const BSUID = /^[A-Z]{2}\.\d+$/;
const PARENT_BSUID = /^[A-Z]{2}\.ENT\.\d+$/;
/** What a phone number may be written with: digits and `+ - ( )` and spaces. */
const PHONE = /^\+?[\d\s()-]+$/;

/**
 * Updates from any of these users. Each id is classified as pywa does: a BSUID
 * (`US.13491208655302741918`), a parent BSUID (`US.ENT.…`), or a phone number /
 * WA id (`"+1 (631) 555-1234"` and `"16315551234"` are the same user); anything
 * else is taken as a username (a leading `@` is optional). The sender matches on
 * `bsuid`, `waId`, `parentBsuid` or `username`.
 *
 *   filters.fromUsers("US.13491208655302741918", "+1 (631) 555-1234")
 */
export function fromUsers(...ids: string[]): Filter<BaseUserUpdate> {
  const wanted = new Set<string>();
  const usernames = new Set<string>();
  for (const raw of ids) {
    const id = String(raw).trim();
    if (BSUID.test(id) || PARENT_BSUID.test(id)) wanted.add(id);
    else if (PHONE.test(id) && /\d/.test(id)) wanted.add(digits(id));
    else if (id) usernames.add(id.replace(/^@/, "").toLowerCase());
  }
  return builtin(named("fromUsers", ids), (u) => {
    const user = rec(u, "from");
    if (!user) return false;
    for (const key of ["bsuid", "waId", "parentBsuid"]) {
      const v = str(user, key);
      if (v !== undefined && wanted.has(v)) return true;
    }
    const username = str(user, "username");
    return username !== undefined && usernames.has(username.replace(/^@/, "").toLowerCase());
  });
}

/** `User.countryCode`, or the alpha prefix of the BSUID when the getter is absent. */
function countryOf(user: Loose): string | undefined {
  const code = str(user, "countryCode");
  if (code) return code.toUpperCase();
  const bsuid = str(user, "bsuid");
  const prefix = bsuid?.split(".")[0];
  return prefix && /^[A-Za-z]{2}$/.test(prefix) ? prefix.toUpperCase() : undefined;
}

/**
 * Updates from users of these countries: an alphabetic code (`"US"`, `"il"`) is
 * compared with the sender's `countryCode` (from the BSUID), a numeric calling
 * code (`"972"`, `"+1"`, `1`) with the start of the sender's `waId`.
 *
 * It is always recommended to restrict the countries that can use your bot:
 * you pay for every conversation you reply to.
 *
 *   filters.fromCountries("US", "972", "+1")
 */
export function fromCountries(...codesOrPrefixes: (string | number)[]): Filter<BaseUserUpdate> {
  const codes = codesOrPrefixes.map((c) => String(c).trim());
  const countries = new Set(codes.filter((c) => /^[A-Za-z]+$/.test(c)).map((c) => c.toUpperCase()));
  const prefixes = codes.filter((c) => !/^[A-Za-z]+$/.test(c)).map((c) => c.replace(/\D/g, "")).filter(Boolean);
  return builtin(named("fromCountries", codes), (u) => {
    const user = rec(u, "from");
    if (!user) return false;
    const country = countryOf(user);
    if (country !== undefined && countries.has(country)) return true;
    const waId = str(user, "waId");
    return waId !== undefined && prefixes.some((p) => waId.startsWith(p));
  });
}

/** Updates from any of these groups (`chat.id`). */
export function fromGroups(...groupIds: string[]): Filter<BaseUserUpdate> {
  const set: ReadonlySet<unknown> = new Set(groupIds);
  return builtin(named("fromGroups", groupIds), (u) => set.has(rec(u, "chat")?.id));
}

/** Updates in a private (one-to-one) chat. */
export const privateChat: Filter<BaseUserUpdate> = builtin("private", (u) => is(rec(u, "chat")?.type, "private"));

/** Updates in a group chat. */
export const groupChat: Filter<BaseUserUpdate> = builtin("group", (u) => is(rec(u, "chat")?.type, "group"));

/** Updates whose sender has no `waId` (users who chose a username and hide their number). */
export const withoutWaId: Filter<BaseUserUpdate> = builtin("withoutWaId", (u) => {
  const user = rec(u, "from");
  return user !== undefined && (user.waId === undefined || user.waId === null || user.waId === "");
});
