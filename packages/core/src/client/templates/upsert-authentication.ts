import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { TemplateOtpButton } from "../../templates/components/buttons.ts";
import { compact, serializeButton } from "../../templates/serialize.ts";
import type { TemplateLanguage } from "../../templates/types.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { createdTemplate, type CreatedTemplate } from "./create.ts";
import { wabaSegment } from "../business/ids.ts";

export interface UpsertAuthenticationTemplateOptions extends CallOptions {
  name: string;
  /** Every language to create or update the template in. */
  languages: readonly TemplateLanguage[];
  /** `copyCodeOtpButton()`, `oneTapOtpButton({…})` or `zeroTapOtpButton({…})`. */
  otpButton: TemplateOtpButton;
  /** Adds "For your security, do not share this code." */
  addSecurityRecommendation?: boolean;
  /** 1 to 90: adds the expiry warning and disables the button after it. */
  codeExpirationMinutes?: number;
  messageSendTtlSeconds?: number;
  wabaId?: string;
}

/** One language's template, as created or updated. */
export interface UpsertedTemplate extends CreatedTemplate {
  readonly language: string | undefined;
}

/**
 * pywa's `upsert_authentication_template`: `POST /{waba-id}/upsert_message_templates`
 * creates the authentication template in every language, or updates the
 * languages that exist. The body is a JSON object (pywa sends it as a JSON
 * string and drops `message_send_ttl_seconds`: both fixed here).
 */
export async function upsertAuthenticationTemplate(wa: WhatsApp, o: UpsertAuthenticationTemplateOptions): Promise<UpsertedTemplate[]> {
  const waba = wabaSegment(wa, o.wabaId, "upsertAuthenticationTemplate");
  if (!o.name) throw new TypeError("upsertAuthenticationTemplate: name is empty");
  if (o.languages.length === 0) throw new TypeError("upsertAuthenticationTemplate: languages is empty");
  if (o.otpButton?.type !== "otp") throw new TypeError("upsertAuthenticationTemplate: otpButton must be an OTP button (copyCodeOtpButton(), oneTapOtpButton(…), zeroTapOtpButton(…))");
  const components: Record<string, unknown>[] = [compact({ type: "BODY", add_security_recommendation: o.addSecurityRecommendation })];
  if (o.codeExpirationMinutes !== undefined) components.push({ type: "FOOTER", code_expiration_minutes: o.codeExpirationMinutes });
  components.push({ type: "BUTTONS", buttons: [serializeButton(o.otpButton)] });
  const raw = await wa.api.request<{ data?: unknown }>({
    method: "POST",
    path: `/${waba}/upsert_message_templates`,
    json: compact({
      name: o.name,
      languages: [...o.languages],
      category: "AUTHENTICATION",
      message_send_ttl_seconds: o.messageSendTtlSeconds,
      components,
    }),
    ...callOptions(o),
  });
  const items = Array.isArray(raw.data) ? (raw.data as Record<string, unknown>[]) : [];
  return items.map((item) => ({
    ...createdTemplate(item, "AUTHENTICATION"),
    language: typeof item.language === "string" ? item.language : undefined,
  }));
}
