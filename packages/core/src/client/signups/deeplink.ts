export interface SignupDeeplinkOptions {
  /**
   * Any number of the signup's WABA, international format: `"15551234567"`,
   * `"+1 555-123-4567"`. Spaces and dashes are dropped; anything else is refused,
   * because wa.me reads the digits as a full international number and a guessed
   * clean-up (`"(0)"`, a missing country code) would point at someone else.
   */
  phoneNumber: string | number;
  signupId: string;
}

/**
 * The opt-in link of an in-app signup (pywa's `get_deeplink`):
 * `https://wa.me/<phone-number>/signup/<signup-id>`, the format Meta documents.
 * Pure: no request.
 */
export function signupDeeplink(options: SignupDeeplinkOptions): string {
  const { phoneNumber, signupId } = options;
  if (typeof phoneNumber !== "string" && typeof phoneNumber !== "number") {
    throw new TypeError(`signupDeeplink: phoneNumber must be a string, got ${typeof phoneNumber}`);
  }
  const digits = String(phoneNumber).replace(/[\s-]/g, "").replace(/^\+/, "");
  if (!/^[1-9]\d{0,14}$/.test(digits)) {
    throw new TypeError(`signupDeeplink: phoneNumber must be an international number (up to 15 digits, country code first), got ${JSON.stringify(String(phoneNumber))}`);
  }
  if (typeof signupId !== "string" || signupId === "") throw new TypeError("signupDeeplink: signupId is empty");
  return `https://wa.me/${digits}/signup/${encodeURIComponent(signupId)}`;
}
