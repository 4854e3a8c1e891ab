// In-app signups: wa.me opt-in links that subscribe users to marketing messages.
export { createSignup, SIGNUP_TOS_URL, type CreateSignupOptions } from "./create.ts";
export { getSignup, getSignups, type GetSignupOptions, type GetSignupsOptions } from "./get.ts";
export { updateSignup, type UpdateSignupOptions } from "./update.ts";
export { signupDeeplink, type SignupDeeplinkOptions } from "./deeplink.ts";
export { SignupDetails, SIGNUP_FIELDS } from "./details.ts";
export { CreatedSignup, type SignupStatus } from "./types.ts";
