import type { CallOptions } from "../../graph/request.ts";
import { ack } from "../business/ack.ts";
import { phoneSegment, segment, wabaSegment } from "../business/ids.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { resolveAppId } from "./app-id.ts";

// Where Meta sends webhooks, at three levels: the app's subscription (every WABA
// of the app), a WABA's override, a phone number's override. The most specific
// one set wins.

export interface SetAppCallbackUrlOptions extends CallOptions {
  /** Default: the client's `appId`. */
  appId?: string;
  /** An app access token (`getAppAccessToken`), not the system user token. */
  appAccessToken: string;
  /** The public URL of the webhook (what `wa.fetch` serves). */
  callbackUrl: string;
  /** The token Meta's verification GET carries; the client's `verifyToken` must match it. */
  verifyToken: string;
  /** The webhook fields to subscribe to (see `DEFAULT_WEBHOOK_FIELDS`). */
  fields: readonly string[];
}

/**
 * pywa's `set_app_callback_url`: `POST /{app-id}/subscriptions` with
 * `object=whatsapp_business_account`, `callback_url`, `verify_token`, `fields` and the
 * app token as `access_token`. They go form-encoded in the body, as in Meta's own
 * example (pywa puts them in the query string): the app token stays out of URLs.
 * Meta calls the URL's GET verification before answering, so the webhook must be live.
 */
export async function setAppCallbackUrl(wa: WhatsApp, options: SetAppCallbackUrlOptions): Promise<SuccessResult> {
  const app = segment(resolveAppId(wa, options.appId, "setAppCallbackUrl"), "appId", "setAppCallbackUrl");
  checkUrl(options.callbackUrl, "setAppCallbackUrl");
  if (!options.appAccessToken) throw new TypeError("setAppCallbackUrl: appAccessToken is empty (see getAppAccessToken)");
  if (!options.verifyToken) throw new TypeError("setAppCallbackUrl: verifyToken is empty");
  if (!Array.isArray(options.fields) || options.fields.length === 0) throw new TypeError("setAppCallbackUrl: fields is empty");
  const form = new URLSearchParams({
    object: "whatsapp_business_account",
    callback_url: options.callbackUrl,
    verify_token: options.verifyToken,
    fields: options.fields.join(","),
    access_token: options.appAccessToken,
  });
  return ack(wa, { method: "POST", path: `/${app}/subscriptions`, body: form }, options);
}

export interface OverrideWabaCallbackUrlOptions extends CallOptions {
  callbackUrl: string;
  verifyToken: string;
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/** pywa's `override_waba_callback_url`: `POST /{waba-id}/subscribed_apps` with `override_callback_uri` and `verify_token`. */
export async function overrideWabaCallbackUrl(wa: WhatsApp, options: OverrideWabaCallbackUrlOptions): Promise<SuccessResult> {
  const waba = wabaSegment(wa, options.wabaId, "overrideWabaCallbackUrl");
  checkUrl(options.callbackUrl, "overrideWabaCallbackUrl");
  if (!options.verifyToken) throw new TypeError("overrideWabaCallbackUrl: verifyToken is empty");
  return ack(wa, { method: "POST", path: `/${waba}/subscribed_apps`, json: { override_callback_uri: options.callbackUrl, verify_token: options.verifyToken } }, options);
}

export interface DeleteWabaCallbackUrlOptions extends CallOptions {
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/** pywa's `delete_waba_callback_url`: `POST /{waba-id}/subscribed_apps` without an override, back to the app's URL. */
export async function deleteWabaCallbackUrl(wa: WhatsApp, options: DeleteWabaCallbackUrlOptions = {}): Promise<SuccessResult> {
  return ack(wa, { method: "POST", path: `/${wabaSegment(wa, options.wabaId, "deleteWabaCallbackUrl")}/subscribed_apps` }, options);
}

export interface OverridePhoneCallbackUrlOptions extends CallOptions {
  callbackUrl: string;
  verifyToken: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `override_phone_callback_url`: `POST /{phone-id}` with `webhook_configuration.override_callback_uri` and `verify_token`. */
export async function overridePhoneCallbackUrl(wa: WhatsApp, options: OverridePhoneCallbackUrlOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "overridePhoneCallbackUrl");
  checkUrl(options.callbackUrl, "overridePhoneCallbackUrl");
  if (!options.verifyToken) throw new TypeError("overridePhoneCallbackUrl: verifyToken is empty");
  const json = { webhook_configuration: { override_callback_uri: options.callbackUrl, verify_token: options.verifyToken } };
  return ack(wa, { method: "POST", path: `/${phone}`, json }, options);
}

export interface DeletePhoneCallbackUrlOptions extends CallOptions {
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `delete_phone_callback_url`: `POST /{phone-id}` with an empty `override_callback_uri`. */
export async function deletePhoneCallbackUrl(wa: WhatsApp, options: DeletePhoneCallbackUrlOptions = {}): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "deletePhoneCallbackUrl");
  return ack(wa, { method: "POST", path: `/${phone}`, json: { webhook_configuration: { override_callback_uri: "" } } }, options);
}

/** Meta only calls https URLs; anything else is a mistake worth catching before the call. */
function checkUrl(url: string, method: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`${method}: callbackUrl is not a URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:") throw new TypeError(`${method}: callbackUrl must be https:// (Meta calls only TLS URLs), got ${parsed.protocol}`);
}
