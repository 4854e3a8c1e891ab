/**
 * A signup as `getSignup` / `getSignups` read it (pywa's `SignupDetails`), with
 * pywa's shortcuts (`enable()`, `disable()`, `update()`) that call the client for
 * this signup. Like FlowDetails, the object is not mutated by them: fetch it
 * again to see the change.
 */
import type { CallOptions } from "../../graph/request.ts";
import { idStr, str, type Json } from "../../updates/json.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { signupDeeplink } from "./deeplink.ts";
import type { SignupStatus } from "./types.ts";
import { updateSignup, type UpdateSignupOptions } from "./update.ts";

/**
 * The fields `getSignups` asks for: pywa's list, except that the pre-consent text
 * is asked as `signup_message`, its name in Meta's API (pywa asks for `message`,
 * a field Meta does not document on a signup).
 */
export const SIGNUP_FIELDS = [
  "id",
  "waba_id",
  "status",
  "signup_message",
  "confirmation_message",
  "privacy_policy_url",
  "promo_code",
  "display_name",
  "website_url",
] as const;

export class SignupDetails {
  readonly id: string;
  /** The WABA the signup belongs to. */
  readonly wabaId: string | undefined;
  readonly status: SignupStatus | undefined;
  /** Shown on the pre-consent screen (`signup_message`). */
  readonly message: string | undefined;
  /** Sent to the user right after the opt-in; `{{promo_code}}` is replaced by `promoCode`. */
  readonly confirmationMessage: string | undefined;
  /** Cannot be changed after creation. */
  readonly privacyPolicyUrl: string | undefined;
  readonly promoCode: string | undefined;
  /** A nickname for the business only; users never see it. */
  readonly displayName: string | undefined;
  readonly websiteUrl: string | undefined;
  /** The signup as Meta sent it. */
  readonly raw: Readonly<Json>;
  readonly #wa: WhatsApp;

  constructor(wa: WhatsApp, wire: Json) {
    this.#wa = wa;
    this.raw = wire;
    this.id = idStr(wire.id) ?? "";
    this.wabaId = idStr(wire.waba_id);
    this.status = str(wire.status);
    this.message = str(wire.signup_message) ?? str(wire.message);
    this.confirmationMessage = str(wire.confirmation_message);
    this.privacyPolicyUrl = str(wire.privacy_policy_url);
    this.promoCode = str(wire.promo_code);
    this.displayName = str(wire.display_name);
    this.websiteUrl = str(wire.website_url);
  }

  /** Turns the link back on (`status: "ACTIVE"`). */
  enable(options: CallOptions = {}): Promise<SuccessResult> {
    return updateSignup(this.#wa, { ...options, signupId: this.id, status: "ACTIVE" });
  }

  /** Turns the link off (`status: "DISABLED"`): users who open it see an error. Meta has no delete. */
  disable(options: CallOptions = {}): Promise<SuccessResult> {
    return updateSignup(this.#wa, { ...options, signupId: this.id, status: "DISABLED" });
  }

  /** Changes this signup's texts, promo code, nickname, website or status. */
  update(options: Omit<UpdateSignupOptions, "signupId">): Promise<SuccessResult> {
    return updateSignup(this.#wa, { ...options, signupId: this.id });
  }

  /** The opt-in link for one of the WABA's numbers (see `signupDeeplink`). */
  getDeeplink(phoneNumber: string | number): string {
    return signupDeeplink({ phoneNumber, signupId: this.id });
  }
}
