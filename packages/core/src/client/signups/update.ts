import type { CallOptions } from "../../graph/request.ts";
import { ack } from "../business/ack.ts";
import { segment } from "../business/ids.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { checkText } from "./text.ts";

export interface UpdateSignupOptions extends CallOptions {
  signupId: string;
  /** `"DISABLED"` turns the link off (Meta has no delete), `"ACTIVE"` back on. */
  status?: "ACTIVE" | "DISABLED";
  /** The pre-consent text (`signup_message`). */
  message?: string;
  confirmationMessage?: string;
  websiteUrl?: string;
  promoCode?: string;
  displayName?: string;
}

/**
 * pywa's `update_signup`: `POST /signups/{signup-id}` with only the fields given
 * (`status`, `signup_message`, `confirmation_message`, `website_url`, `promo_code`,
 * `display_name`). The privacy policy URL cannot be changed.
 */
export async function updateSignup(wa: WhatsApp, options: UpdateSignupOptions): Promise<SuccessResult> {
  const id = segment(options.signupId, "signupId", "updateSignup");
  const { status, message, confirmationMessage, websiteUrl, promoCode, displayName } = options;
  if (status !== undefined && status !== "ACTIVE" && status !== "DISABLED") {
    throw new TypeError(`updateSignup: status must be "ACTIVE" or "DISABLED", got ${JSON.stringify(status)}`);
  }
  if (message !== undefined) checkText(message, "message", "updateSignup");
  if (confirmationMessage !== undefined) checkText(confirmationMessage, "confirmationMessage", "updateSignup");
  // No {{promo_code}} check here, unlike createSignup: the signup may already hold a promo code.
  const body: Record<string, string> = {};
  if (status !== undefined) body.status = status;
  if (message !== undefined) body.signup_message = message;
  if (confirmationMessage !== undefined) body.confirmation_message = confirmationMessage;
  if (websiteUrl !== undefined) body.website_url = websiteUrl;
  if (promoCode !== undefined) body.promo_code = promoCode;
  if (displayName !== undefined) body.display_name = displayName;
  if (Object.keys(body).length === 0) {
    throw new TypeError("updateSignup: nothing to update: pass status, message, confirmationMessage, websiteUrl, promoCode or displayName");
  }
  return ack(wa, { method: "POST", path: `/signups/${id}`, json: body }, options);
}
