import { type Json, obj, objects, str } from "./json.ts";

/** `contact_request`: sent through a "share contact info" button; `other`: shared by hand. */
export type ContactOrigin = "contact_request" | "other" | (string & {});

export interface ContactName {
  readonly formattedName: string | undefined;
  readonly firstName: string | undefined;
  readonly lastName: string | undefined;
  readonly middleName: string | undefined;
  readonly suffix: string | undefined;
  readonly prefix: string | undefined;
}

export interface ContactPhone {
  readonly phone: string | undefined;
  /** CELL, MAIN, IPHONE, HOME, WORK… */
  readonly type: string | undefined;
  /** Present when the number is on WhatsApp. */
  readonly waId: string | undefined;
}

export interface ContactEmail {
  readonly email: string | undefined;
  readonly type: string | undefined;
}

export interface ContactUrl {
  readonly url: string | undefined;
  readonly type: string | undefined;
}

export interface ContactAddress {
  readonly street: string | undefined;
  readonly city: string | undefined;
  readonly state: string | undefined;
  readonly zip: string | undefined;
  readonly country: string | undefined;
  readonly countryCode: string | undefined;
  readonly type: string | undefined;
}

export interface ContactOrg {
  readonly company: string | undefined;
  readonly department: string | undefined;
  readonly title: string | undefined;
}

/** One contact card of a `contacts` message. */
export interface Contact {
  readonly name: ContactName | undefined;
  /** `YYYY-MM-DD`. */
  readonly birthday: string | undefined;
  readonly phones: readonly ContactPhone[];
  readonly emails: readonly ContactEmail[];
  readonly urls: readonly ContactUrl[];
  readonly addresses: readonly ContactAddress[];
  readonly org: ContactOrg | undefined;
  readonly origin: ContactOrigin | undefined;
}

/** The cards of a `contacts` message; `origin` is the first card's (pywa's `ContactList.origin`). */
export type ContactList = readonly Contact[] & { readonly origin: ContactOrigin | undefined };

export function parseContacts(v: unknown): ContactList | undefined {
  if (!Array.isArray(v)) return undefined;
  const cards = objects(v).map(parseContact);
  return Object.assign(cards, { origin: cards[0]?.origin });
}

function parseContact(c: Json): Contact {
  const name = obj(c.name);
  const org = obj(c.org);
  return {
    name: name && {
      formattedName: str(name.formatted_name),
      firstName: str(name.first_name),
      lastName: str(name.last_name),
      middleName: str(name.middle_name),
      suffix: str(name.suffix),
      prefix: str(name.prefix),
    },
    birthday: str(c.birthday),
    phones: objects(c.phones).map((p) => ({ phone: str(p.phone), type: str(p.type), waId: str(p.wa_id) })),
    emails: objects(c.emails).map((e) => ({ email: str(e.email), type: str(e.type) })),
    urls: objects(c.urls).map((u) => ({ url: str(u.url), type: str(u.type) })),
    addresses: objects(c.addresses).map((a) => ({
      street: str(a.street),
      city: str(a.city),
      state: str(a.state),
      zip: str(a.zip),
      country: str(a.country),
      countryCode: str(a.country_code),
      type: str(a.type),
    })),
    org: org && { company: str(org.company), department: str(org.department), title: str(org.title) },
    origin: str(c.origin),
  };
}
