import type { CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { getAppAccessToken } from "./access-token.ts";
import { overridePhoneCallbackUrl, overrideWabaCallbackUrl, setAppCallbackUrl } from "./callback-url.ts";

/**
 * The webhook fields pywa subscribes to by default: every field with a typed
 * update (pywa's `Handler._handled_fields()`).
 */
export const DEFAULT_WEBHOOK_FIELDS: readonly string[] = Object.freeze([
  "messages",
  "message_template_status_update",
  "template_category_update",
  "message_template_quality_update",
  "message_template_components_update",
  "user_preferences",
  "calls",
  "smb_message_echoes",
  "account_update",
]);

/** Where the URL is registered (pywa's `CallbackURLScope`): the app, one WABA, or one phone number. */
export type CallbackUrlScope = "app" | "waba" | "phone";

/** pywa's `WebhookFields`: a change to the default fields, or (as an array) the fields themselves. */
export type WebhookFields = readonly string[] | { add?: readonly string[]; remove?: readonly string[] };

export interface RegisterCallbackUrlOptions extends CallOptions {
  /** The deployed webhook's public https URL (e.g. your Worker's URL). */
  url: string;
  /** Appended to `url` like pywa joins `callback_url` and `webhook_endpoint`. Default: nothing. */
  webhookEndpoint?: string;
  /** Default `"app"`, as in pywa. */
  scope?: CallbackUrlScope;
  /** The token Meta's verification GET carries: the deployed client's `verifyToken`. */
  verifyToken: string;
  /** Only for `"app"`: what to subscribe to. Default: `DEFAULT_WEBHOOK_FIELDS`. */
  fields?: WebhookFields;
  /** Only for `"app"`: default the client's `appId`. */
  appId?: string;
  /** Only for `"app"`: needed to get an app access token. */
  appSecret?: string;
  /** Only for `"waba"`: default the client's `wabaId`. */
  wabaId?: string;
  /** Only for `"phone"`: default the client's `phoneId`. */
  phoneId?: string;
}

export interface RegisteredCallbackUrl {
  scope: CallbackUrlScope;
  /** The URL Meta now calls. */
  callbackUrl: string;
  /** The fields subscribed (`"app"` scope only). */
  fields: readonly string[] | undefined;
}

/**
 * pywa's `callback_url` option, for platforms with no "on start": registers the
 * deployed webhook URL with Meta once, after deploying (from a script, a CI step or
 * `examples/node/src/register-webhook.ts`). Meta verifies the URL with a GET
 * challenge during this call, so the webhook must already be deployed and answer
 * with the same `verifyToken`.
 *
 * - `"app"`: an app access token from `appId` + `appSecret`, then the app's
 *   subscription (`setAppCallbackUrl`) with `fields`.
 * - `"waba"`: the WABA's override (`overrideWabaCallbackUrl`).
 * - `"phone"`: the phone number's override (`overridePhoneCallbackUrl`).
 *
 * Throws (like pywa's `RuntimeError`) when Meta does not confirm.
 */
export async function registerCallbackUrl(wa: WhatsApp, options: RegisterCallbackUrlOptions): Promise<RegisteredCallbackUrl> {
  const scope = options.scope ?? "app";
  const callbackUrl = joinUrl(options.url, options.webhookEndpoint);
  const call = { signal: options.signal, timeoutMs: options.timeoutMs, retry: options.retry };
  let fields: readonly string[] | undefined;
  let result: { success: boolean };
  switch (scope) {
    case "app": {
      if (!options.appSecret) throw new TypeError('registerCallbackUrl: scope "app" needs appSecret (and appId) for an app access token');
      fields = resolveFields(options.fields);
      const appAccessToken = await getAppAccessToken(wa, { ...call, appId: options.appId, appSecret: options.appSecret });
      result = await setAppCallbackUrl(wa, { ...call, appId: options.appId, appAccessToken, callbackUrl, verifyToken: options.verifyToken, fields });
      break;
    }
    case "waba":
      result = await overrideWabaCallbackUrl(wa, { ...call, wabaId: options.wabaId, callbackUrl, verifyToken: options.verifyToken });
      break;
    case "phone":
      result = await overridePhoneCallbackUrl(wa, { ...call, phoneId: options.phoneId, callbackUrl, verifyToken: options.verifyToken });
      break;
    default:
      throw new TypeError(`registerCallbackUrl: scope must be "app", "waba" or "phone", got ${JSON.stringify(scope)}`);
  }
  if (!result.success) throw new Error(`registerCallbackUrl: Meta did not confirm the ${scope} callback URL ${callbackUrl}`);
  return { scope, callbackUrl, fields };
}

/** pywa's join: `callback_url.rstrip("/") + "/" + webhook_endpoint.lstrip("/")`, only when an endpoint is given. */
function joinUrl(url: string, endpoint: string | undefined): string {
  if (typeof url !== "string" || url === "") throw new TypeError("registerCallbackUrl: url is empty");
  return endpoint === undefined ? url : `${url.replace(/\/+$/, "")}/${endpoint.replace(/^\/+/, "")}`;
}

function resolveFields(fields: WebhookFields | undefined): readonly string[] {
  if (fields === undefined) return DEFAULT_WEBHOOK_FIELDS;
  if (Array.isArray(fields)) return [...new Set(fields as readonly string[])];
  const { add = [], remove = [] } = fields as { add?: readonly string[]; remove?: readonly string[] };
  const out = new Set([...DEFAULT_WEBHOOK_FIELDS, ...add]);
  for (const field of remove) out.delete(field);
  return [...out];
}
