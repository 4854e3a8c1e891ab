/** A signup text Meta requires to have content (1–300 characters). */
export function checkText(value: unknown, name: string, method: string): string {
  if (typeof value !== "string" || value === "") throw new TypeError(`${method}: ${name} must be a non-empty string`);
  return value;
}

const PROMO_PLACEHOLDER = "{{promo_code}}";

/**
 * pywa raises before sending a `{{promo_code}}` that has no code to fill it;
 * Meta would answer `SignupMissingPlaceholderValueError` (2494167).
 */
export function checkPromoPlaceholder(texts: Record<string, string>, promoCode: string | undefined, method: string): void {
  if (promoCode !== undefined && promoCode !== "") return;
  for (const [name, text] of Object.entries(texts)) {
    if (text.includes(PROMO_PLACEHOLDER)) {
      throw new TypeError(`${method}: ${name} uses ${PROMO_PLACEHOLDER}: pass promoCode, or remove the placeholder`);
    }
  }
}
