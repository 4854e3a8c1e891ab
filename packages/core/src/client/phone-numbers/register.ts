import type { CallOptions } from "../../graph/request.ts";
import { ack } from "../business/ack.ts";
import { phoneSegment } from "../business/ids.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";

export interface RegisterPhoneNumberOptions extends CallOptions {
  /** The number's two-step verification PIN (6 digits); set here when it has none yet. */
  pin: string | number;
  /** Store message data at rest in this region (Local Storage), e.g. `"DE"`. */
  dataLocalizationRegion?: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `register_phone_number`: `POST /{phone-id}/register`. */
export async function registerPhoneNumber(wa: WhatsApp, options: RegisterPhoneNumberOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "registerPhoneNumber");
  const pin = String(options.pin);
  if (!/^\d{6}$/.test(pin)) throw new TypeError("registerPhoneNumber: pin must be 6 digits");
  const json = {
    messaging_product: "whatsapp",
    pin,
    ...(options.dataLocalizationRegion ? { data_localization_region: options.dataLocalizationRegion } : {}),
  };
  return ack(wa, { method: "POST", path: `/${phone}/register`, json }, options);
}

export interface DeregisterPhoneNumberOptions extends CallOptions {
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `deregister_phone_number`: `POST /{phone-id}/deregister`. */
export async function deregisterPhoneNumber(wa: WhatsApp, options: DeregisterPhoneNumberOptions = {}): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "deregisterPhoneNumber");
  return ack(wa, { method: "POST", path: `/${phone}/deregister` }, options);
}
