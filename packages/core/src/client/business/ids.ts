import type { WhatsApp } from "../whatsapp.ts";

/**
 * The WABA a call acts on: the given one, else the client's `wabaId` (pywa's
 * `waba_id` resolution). Throws when neither is set.
 */
export function resolveWabaId(wa: WhatsApp, given: string | undefined, method: string): string {
  const id = given ?? wa.wabaId;
  if (id === undefined || id === "") {
    throw new TypeError(`${method}: no WhatsApp Business Account id: pass \`wabaId\` to new WhatsApp({ … }) or to this call`);
  }
  return String(id);
}

/**
 * An id as one URL path segment, encoded, so that an id like `"../x"` or `"1?a=b"`
 * can never reach another endpoint.
 */
export function segment(id: string | number, name: string, method: string): string {
  if (typeof id !== "string" && typeof id !== "number") {
    throw new TypeError(`${method}: ${name} must be a string, got ${typeof id}`);
  }
  const text = String(id);
  if (text === "") throw new TypeError(`${method}: ${name} is empty`);
  return encodeURIComponent(text);
}

/** The phone number a call acts for, as a path segment: the given one, else the client's `phoneId`. */
export function phoneSegment(wa: WhatsApp, given: string | undefined, method: string): string {
  return segment(wa.resolvePhoneId(given), "phoneId", method);
}

/** The WABA a call acts on, as a path segment. */
export function wabaSegment(wa: WhatsApp, given: string | undefined, method: string): string {
  return segment(resolveWabaId(wa, given, method), "wabaId", method);
}

/**
 * The business portfolio a call acts on, as a path segment: the given one, else the
 * client's `businessPortfolioId`. Throws when neither is set.
 */
export function portfolioSegment(
  wa: WhatsApp,
  given: string | undefined,
  method: string,
): string {
  const id = given ?? wa.businessPortfolioId;
  if (id === undefined || id === "") {
    throw new TypeError(`${method}: no business portfolio id: pass \`businessPortfolioId\` to new WhatsApp({ … }) or to this call`);
  }
  return segment(id, "businessPortfolioId", method);
}
