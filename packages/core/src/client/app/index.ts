// The Meta app and where webhooks go: app token, callback URLs at app, WABA and
// phone level, and `registerCallbackUrl` (pywa's `callback_url`) to run after deploy.
export { getAppAccessToken, type GetAppAccessTokenOptions } from "./access-token.ts";
export {
  setAppCallbackUrl, overrideWabaCallbackUrl, deleteWabaCallbackUrl, overridePhoneCallbackUrl, deletePhoneCallbackUrl,
  type SetAppCallbackUrlOptions, type OverrideWabaCallbackUrlOptions, type DeleteWabaCallbackUrlOptions,
  type OverridePhoneCallbackUrlOptions, type DeletePhoneCallbackUrlOptions,
} from "./callback-url.ts";
export {
  registerCallbackUrl, DEFAULT_WEBHOOK_FIELDS,
  type RegisterCallbackUrlOptions, type RegisteredCallbackUrl, type CallbackUrlScope, type WebhookFields,
} from "./register.ts";
