import { callOptions, type CallOptions } from "../../graph/request.ts";
import { Page, type PageOptions } from "../../graph/pagination.ts";
import type { Json } from "../../updates/json.ts";
import { phoneSegment, wabaSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { PHONE_NUMBER_FIELDS, toBusinessPhoneNumber, type BusinessPhoneNumber } from "./types.ts";

export interface GetBusinessPhoneNumberOptions extends CallOptions {
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `get_business_phone_number`: `GET /{phone-id}?fields=…`. */
export async function getBusinessPhoneNumber(wa: WhatsApp, options: GetBusinessPhoneNumberOptions = {}): Promise<BusinessPhoneNumber> {
  const phone = phoneSegment(wa, options.phoneId, "getBusinessPhoneNumber");
  const wire = await wa.api.request<Json>({ method: "GET", path: `/${phone}`, query: { fields: PHONE_NUMBER_FIELDS }, ...callOptions(options) });
  return toBusinessPhoneNumber(wire);
}

export interface GetBusinessPhoneNumbersOptions extends CallOptions, PageOptions {
  // `limit`, `after`, `before`: page size and cursors (pywa's `pagination`).
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/** pywa's `get_business_phone_numbers`: `GET /{waba-id}/phone_numbers?fields=…`, one `Page` at a time. */
export async function getBusinessPhoneNumbers(wa: WhatsApp, options: GetBusinessPhoneNumbersOptions = {}): Promise<Page<BusinessPhoneNumber>> {
  const waba = wabaSegment(wa, options.wabaId, "getBusinessPhoneNumbers");
  return Page.fetch(
    wa.api,
    { method: "GET", path: `/${waba}/phone_numbers`, query: { fields: PHONE_NUMBER_FIELDS }, ...callOptions(options) },
    toBusinessPhoneNumber,
    { limit: options.limit, after: options.after, before: options.before },
  );
}
