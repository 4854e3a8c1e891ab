import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { compact, sendEnvelope, type SendOptions } from "./envelope.ts";
import { interactivePayload } from "./interactive.ts";

/**
 * A contact card to send (vCard-like), camelCased; sent as the Cloud API's
 * snake_case `contacts[]` object. Only `name.formattedName` is required.
 *
 * Named `…Input` because `Contact` is the card *received* in a message
 * (`msg.contacts`); every received `Contact` fits this type, so it can be
 * forwarded as is (pywa's `send_contact(msg.contacts)`).
 */
export interface ContactInput {
  /** Required (`| undefined` only so that a received card fits; a card without it is refused). */
  name: ContactNameInput | undefined;
  /** `YYYY-MM-DD`. */
  birthday?: string | undefined;
  phones?: readonly ContactPhoneInput[];
  emails?: readonly ContactEmailInput[];
  urls?: readonly ContactUrlInput[];
  addresses?: readonly ContactAddressInput[];
  org?: ContactOrgInput | undefined;
}

export interface ContactNameInput {
  /** The name as displayed. Required by WhatsApp. */
  formattedName: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  middleName?: string | undefined;
  suffix?: string | undefined;
  prefix?: string | undefined;
}

/** `CELL`, `MAIN`, `IPHONE`, `HOME`, `WORK`, or your own label. */
export type ContactFieldType = "CELL" | "MAIN" | "IPHONE" | "HOME" | "WORK" | (string & {});

export interface ContactPhoneInput {
  phone?: string | undefined;
  type?: ContactFieldType | undefined;
  /** The WhatsApp id of this number: the card then offers "Message". */
  waId?: string | undefined;
}

export interface ContactEmailInput {
  email?: string | undefined;
  type?: "HOME" | "WORK" | (string & {}) | undefined;
}

export interface ContactUrlInput {
  url?: string | undefined;
  type?: "HOME" | "WORK" | (string & {}) | undefined;
}

export interface ContactAddressInput {
  street?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  zip?: string | undefined;
  country?: string | undefined;
  /** ISO two-letter country code. */
  countryCode?: string | undefined;
  type?: "HOME" | "WORK" | (string & {}) | undefined;
}

export interface ContactOrgInput {
  company?: string | undefined;
  department?: string | undefined;
  title?: string | undefined;
}

export interface SendContactOptions extends SendOptions {
  /** One contact card or several, in one message. */
  contact: ContactInput | readonly ContactInput[];
}

export interface RequestContactInfoOptions extends SendOptions {
  /** The message asking for the user's contact info (the body text). */
  text: string;
}

/** One or more contact cards (pywa's `send_contact`). */
export async function sendContact(wa: WhatsApp, o: SendContactOptions): Promise<SentMessage> {
  // Array.isArray does not narrow a readonly array out of the union: hence the casts.
  const contacts = Array.isArray(o.contact) ? (o.contact as readonly ContactInput[]) : [o.contact as ContactInput];
  if (contacts.length === 0) throw new TypeError("sendContact: give at least one contact");
  return sendEnvelope(wa, o, "contacts", contacts.map(toApiContact));
}

/** A "Share contact info" button; the answer arrives as a contacts message (pywa's `request_contact_info`). */
export async function requestContactInfo(wa: WhatsApp, o: RequestContactInfoOptions): Promise<SentMessage> {
  return sendEnvelope(
    wa,
    o,
    "interactive",
    interactivePayload("request_contact_info", { name: "request_contact_info" }, { body: o.text }),
  );
}

/**
 * camelCase → the API's snake_case, field by field (a received card's `origin` is
 * not sent); unset members are left out (pywa sends null / []; Meta takes either).
 */
export function toApiContact(c: ContactInput, index = 0): Record<string, unknown> {
  if (!c?.name?.formattedName) {
    throw new TypeError(`sendContact: contact ${index} has no name.formattedName (WhatsApp requires it)`);
  }
  const n = c.name;
  return compact({
    name: compact({
      formatted_name: n.formattedName,
      first_name: n.firstName,
      last_name: n.lastName,
      middle_name: n.middleName,
      suffix: n.suffix,
      prefix: n.prefix,
    }),
    birthday: c.birthday,
    phones: c.phones?.map((p) => compact({ phone: p.phone, type: p.type, wa_id: p.waId })),
    emails: c.emails?.map((e) => compact({ email: e.email, type: e.type })),
    urls: c.urls?.map((u) => compact({ url: u.url, type: u.type })),
    addresses: c.addresses?.map((a) =>
      compact({
        street: a.street,
        city: a.city,
        state: a.state,
        zip: a.zip,
        country: a.country,
        country_code: a.countryCode,
        type: a.type,
      }),
    ),
    org: c.org && compact({ company: c.org.company, department: c.org.department, title: c.org.title }),
  });
}
