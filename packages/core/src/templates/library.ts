import type { TemplateCategory } from "../updates/templates.ts";
import type { TemplateOtpSupportedApp } from "./components/buttons.ts";
import { compact } from "./serialize.ts";
import type { OtpType, TemplateLanguage } from "./types.ts";

/** The optional inputs of a Template Library template's body. */
export interface LibraryTemplateBodyInputs {
  addContactNumber?: boolean;
  addLearnMoreLink?: boolean;
  addSecurityRecommendation?: boolean;
  addTrackPackageLink?: boolean;
  codeExpirationMinutes?: number;
}

export type LibraryTemplateButtonInput =
  | { type: "url"; baseUrl: string; urlSuffixExample?: string }
  | { type: "phone_number"; phoneNumber: string }
  | { type: "otp"; otpType: OtpType; supportedApps?: readonly TemplateOtpSupportedApp[]; zeroTapTermsAccepted?: boolean };

/**
 * pywa's `LibraryTemplate`: a template created from Meta's Template Library
 * (fixed content, adaptable inputs). Pass it to `createTemplate` as `template`.
 */
export interface LibraryTemplate {
  name: string;
  /** The exact name in the Template Library. */
  libraryTemplateName: string;
  category: TemplateCategory;
  language: TemplateLanguage;
  libraryTemplateBodyInputs?: LibraryTemplateBodyInputs;
  libraryTemplateButtonInputs?: readonly LibraryTemplateButtonInput[];
  messageSendTtlSeconds?: number;
}

export function isLibraryTemplate(t: unknown): t is LibraryTemplate {
  return typeof t === "object" && t !== null && typeof (t as LibraryTemplate).libraryTemplateName === "string";
}

/** The creation request of a library template (body inputs as an object; pywa's serializer of them is broken). */
export function serializeLibraryTemplate(t: LibraryTemplate): Record<string, unknown> {
  const body = t.libraryTemplateBodyInputs;
  return compact({
    name: t.name,
    library_template_name: t.libraryTemplateName,
    category: t.category,
    language: t.language,
    message_send_ttl_seconds: t.messageSendTtlSeconds,
    library_template_body_inputs: body
      ? compact({
          add_contact_number: body.addContactNumber,
          add_learn_more_link: body.addLearnMoreLink,
          add_security_recommendation: body.addSecurityRecommendation,
          add_track_package_link: body.addTrackPackageLink,
          code_expiration_minutes: body.codeExpirationMinutes,
        })
      : undefined,
    library_template_button_inputs: t.libraryTemplateButtonInputs?.map((b) => {
      switch (b.type) {
        case "url":
          return { type: "URL", url: compact({ base_url: b.baseUrl, url_suffix_example: b.urlSuffixExample }) };
        case "phone_number":
          return { type: "PHONE_NUMBER", phone_number: b.phoneNumber };
        case "otp":
          return compact({
            type: "OTP",
            otp_type: b.otpType,
            supported_apps: b.supportedApps?.map((a) => ({ package_name: a.packageName, signature_hash: a.signatureHash })),
            zero_tap_terms_accepted: b.zeroTapTermsAccepted,
          });
        default:
          throw new TypeError(`Unknown library button input type ${JSON.stringify((b as { type?: unknown }).type)}`);
      }
    }),
  });
}
