import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { ack } from "./ack.ts";
import { phoneSegment } from "./ids.ts";
import {
  callingToWire, identityChangeToWire, settingsFromWire, storageToWire,
  type BusinessPhoneNumberSettings, type CallingSettings, type StorageConfiguration, type UserIdentityChangeSettings,
} from "./settings-types.ts";

export interface GetBusinessPhoneNumberSettingsOptions extends CallOptions {
  /** Also return the SIP servers' passwords (`include_sip_credentials=true`). */
  includeSipCredentials?: boolean;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `get_business_phone_number_settings`: `GET /{phone-id}/settings?fields=calling,storage_configuration,user_identity_change`. */
export async function getBusinessPhoneNumberSettings(
  wa: WhatsApp,
  options: GetBusinessPhoneNumberSettingsOptions = {},
): Promise<BusinessPhoneNumberSettings> {
  const phone = phoneSegment(wa, options.phoneId, "getBusinessPhoneNumberSettings");
  const wire = await wa.api.request<Json>({
    method: "GET",
    path: `/${phone}/settings`,
    query: {
      fields: ["calling", "storage_configuration", "user_identity_change"],
      include_sip_credentials: options.includeSipCredentials ? true : undefined,
    },
    ...callOptions(options),
  });
  return settingsFromWire(wire);
}

export interface UpdateBusinessPhoneNumberSettingsOptions extends CallOptions {
  calling?: CallingSettings;
  storageConfiguration?: StorageConfiguration;
  userIdentityChange?: UserIdentityChangeSettings;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `update_business_phone_number_settings`: `POST /{phone-id}/settings` with
 * the settings given (each as a whole: read, change, write back).
 */
export async function updateBusinessPhoneNumberSettings(wa: WhatsApp, options: UpdateBusinessPhoneNumberSettingsOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "updateBusinessPhoneNumberSettings");
  const json: Json = {};
  if (options.calling) json.calling = callingToWire(options.calling);
  if (options.storageConfiguration) json.storage_configuration = storageToWire(options.storageConfiguration);
  if (options.userIdentityChange) json.user_identity_change = identityChangeToWire(options.userIdentityChange);
  if (Object.keys(json).length === 0) {
    throw new TypeError("updateBusinessPhoneNumberSettings: pass at least one of calling, storageConfiguration, userIdentityChange");
  }
  return ack(wa, { method: "POST", path: `/${phone}/settings`, json }, options);
}
