import type { CallOptions } from "../../graph/request.ts";
import { ack } from "../business/ack.ts";
import { phoneSegment } from "../business/ids.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";

export interface RequestVerificationCodeOptions extends CallOptions {
  /** How the code is delivered to the number. */
  codeMethod: "SMS" | "VOICE";
  /** The language of the message or call, e.g. `"en"`, `"en_US"`. */
  languageCode: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `request_verification_code`: `POST /{phone-id}/request_code?code_method=…&language=…` (no body). */
export async function requestVerificationCode(wa: WhatsApp, options: RequestVerificationCodeOptions): Promise<SuccessResult> {
  const method = "requestVerificationCode";
  const phone = phoneSegment(wa, options.phoneId, method);
  if (options.codeMethod !== "SMS" && options.codeMethod !== "VOICE") {
    throw new TypeError(`${method}: codeMethod must be "SMS" or "VOICE" (got ${JSON.stringify(options.codeMethod)})`);
  }
  if (typeof options.languageCode !== "string" || options.languageCode === "") {
    throw new TypeError(`${method}: languageCode is empty: give the language of the message, e.g. "en"`);
  }
  return ack(wa, { method: "POST", path: `/${phone}/request_code`, query: { code_method: options.codeMethod, language: options.languageCode } }, options);
}

export interface VerifyPhoneNumberOptions extends CallOptions {
  /** The code received by SMS or voice call; the hyphen of `123-830` may be left in. */
  code: string | number;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `verify_phone_number`: `POST /{phone-id}/verify_code?code=…` (no body). */
export async function verifyPhoneNumber(wa: WhatsApp, options: VerifyPhoneNumberOptions): Promise<SuccessResult> {
  const method = "verifyPhoneNumber";
  const phone = phoneSegment(wa, options.phoneId, method);
  // Meta wants the code without the hyphen the SMS shows it with.
  const code = typeof options.code === "string" || typeof options.code === "number" ? String(options.code).replace(/[\s-]/g, "") : "";
  if (!/^\d+$/.test(code)) {
    throw new TypeError(`${method}: code must be the digits received by SMS or voice call (got ${JSON.stringify(options.code)})`);
  }
  return ack(wa, { method: "POST", path: `/${phone}/verify_code`, query: { code } }, options);
}
