import { callOptions, type CallOptions } from "../../graph/request.ts";
import { idStr, type Json } from "../../updates/json.ts";
import { wabaSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";

export interface CreatePhoneNumberOptions extends CallOptions {
  /** The country calling code, digits only: `"1"` for the US, `"972"` for Israel. */
  countryCallingCode: string | number;
  /** The number (Meta takes it with or without the country calling code). */
  phoneNumber: string | number;
  /** The business name shown on the number; Meta reviews it. */
  verifiedName: string;
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/** pywa's `CreatedBusinessPhoneNumber`: the new number's id, to verify and register it next. */
export interface CreatedBusinessPhoneNumber {
  readonly id: string;
  readonly raw: Json;
}

/**
 * pywa's `create_phone_number`: `POST /{waba-id}/phone_numbers` with `cc`, `phone_number`
 * and `verified_name`. pywa names the first `country_code`; Meta's reference and its
 * solution-provider guide both document `cc`, which is what is sent. The number then
 * needs `requestVerificationCode`, `verifyPhoneNumber` and `registerPhoneNumber`.
 */
export async function createPhoneNumber(wa: WhatsApp, options: CreatePhoneNumberOptions): Promise<CreatedBusinessPhoneNumber> {
  const method = "createPhoneNumber";
  const waba = wabaSegment(wa, options.wabaId, method);
  const countryCode = String(options.countryCallingCode ?? "");
  if (!/^\d{1,4}$/.test(countryCode)) {
    throw new TypeError(`${method}: countryCallingCode must be 1 to 4 digits without "+", e.g. "1" for the US (got ${JSON.stringify(options.countryCallingCode)})`);
  }
  const phoneNumber = String(options.phoneNumber ?? "");
  if (!/\d/.test(phoneNumber)) throw new TypeError(`${method}: phoneNumber holds no digits (got ${JSON.stringify(options.phoneNumber)})`);
  if (typeof options.verifiedName !== "string" || options.verifiedName.trim() === "") {
    throw new TypeError(`${method}: verifiedName is empty: give the business name to show on the number`);
  }
  const raw = await wa.api.request<Json>({
    method: "POST",
    path: `/${waba}/phone_numbers`,
    json: { cc: countryCode, phone_number: phoneNumber, verified_name: options.verifiedName },
    ...callOptions(options),
  });
  return { id: idStr(raw.id) ?? "", raw };
}
