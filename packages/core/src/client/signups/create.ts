import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import { wabaSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { checkPromoPlaceholder, checkText } from "./text.ts";
import { CreatedSignup } from "./types.ts";

/** The only Terms of Service URL Meta accepts in `policy.tos` (others: `SignupTOSURLNotAllowed`, 2494177). */
export const SIGNUP_TOS_URL = "https://www.facebook.com/legal/ads-manager-marketing-messages-terms";

export interface CreateSignupOptions extends CallOptions {
  /** Shown on the pre-consent screen when a user opens the link (`signup_message`). */
  message: string;
  /** Sent right after the opt-in; may contain `{{promo_code}}` (then `promoCode` is required). */
  confirmationMessage: string;
  /** `http://` or `https://`; cannot be changed later. */
  privacyPolicyUrl: string;
  /** `https://` only. */
  websiteUrl?: string;
  /** Replaces `{{promo_code}}`: 1–50 letters and digits. */
  promoCode?: string;
  /** A nickname for the business only; users never see it. */
  displayName?: string;
  /**
   * Accept Meta's marketing messages terms (`SIGNUP_TOS_URL`): required on the
   * business's first signup, refused on later ones (`SignupTOSAlreadyAccepted`).
   * Only set it once the business has agreed to them.
   */
  acceptPolicy?: boolean;
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/**
 * pywa's `create_signup`: `POST /{waba-id}/signups` with `signup_message`,
 * `confirmation_message`, `privacy_policy_url`, the optional fields given, and
 * `policy: { tos, accepted: true }` when `acceptPolicy`.
 */
export async function createSignup(wa: WhatsApp, options: CreateSignupOptions): Promise<CreatedSignup> {
  const waba = wabaSegment(wa, options.wabaId, "createSignup");
  const message = checkText(options.message, "message", "createSignup");
  const confirmationMessage = checkText(options.confirmationMessage, "confirmationMessage", "createSignup");
  const privacyPolicyUrl = checkText(options.privacyPolicyUrl, "privacyPolicyUrl", "createSignup");
  checkPromoPlaceholder({ message, confirmationMessage }, options.promoCode, "createSignup");
  const wire = await wa.api.request<Json>({
    method: "POST",
    path: `/${waba}/signups`,
    json: {
      signup_message: message,
      confirmation_message: confirmationMessage,
      privacy_policy_url: privacyPolicyUrl,
      ...(options.websiteUrl === undefined ? {} : { website_url: options.websiteUrl }),
      ...(options.promoCode === undefined ? {} : { promo_code: options.promoCode }),
      ...(options.displayName === undefined ? {} : { display_name: options.displayName }),
      ...(options.acceptPolicy ? { policy: { tos: SIGNUP_TOS_URL, accepted: true } } : {}),
    },
    ...callOptions(options),
  });
  return new CreatedSignup(wire);
}
