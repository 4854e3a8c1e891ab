/**
 * The enumerations of templates, as the API spells them. Each union ends with
 * `(string & {})`: a value Meta adds later still type-checks (pywa maps unknown
 * members to UNKNOWN; here they pass through untouched).
 */

/** pywa's `TemplateLanguage`: the locales templates can be created in. */
export type TemplateLanguage =
  | "af" | "sq" | "ar" | "ar_EG" | "ar_AE" | "ar_LB" | "ar_MA" | "ar_QA" | "ar_SA" | "az" | "be_BY" | "bn" | "bn_IN"
  | "bg" | "ca" | "zh_CN" | "zh_HK" | "zh_TW" | "hr" | "cs" | "da" | "prs_AF" | "nl" | "nl_BE" | "en" | "en_GB"
  | "en_US" | "en_AU" | "en_CA" | "en_IN" | "en_AE" | "en_GH" | "en_IE" | "en_JM" | "en_MY" | "en_NZ" | "en_QA"
  | "en_SG" | "en_UG" | "en_ZA" | "et" | "fil" | "fi" | "fr" | "fr_CA" | "fr_BE" | "fr_CH" | "fr_CI" | "fr_MA" | "ka"
  | "de" | "de_AT" | "de_CH" | "el" | "gu" | "ha" | "he" | "hi" | "hu" | "id" | "ga" | "it" | "ja" | "kn" | "kk"
  | "rw_RW" | "ko" | "ky_KG" | "lo" | "lv" | "lt" | "mk" | "ms" | "ml" | "mr" | "nb" | "ps_AF" | "fa" | "pl" | "pt_BR"
  | "pt_PT" | "pa" | "ro" | "ru" | "sr" | "si_LK" | "sk" | "sl" | "es" | "es_AR" | "es_ES" | "es_MX" | "es_CL"
  | "es_CO" | "es_PE" | "es_VE" | "es_CR" | "es_DO" | "es_EC" | "es_HN" | "es_PA" | "es_UY" | "sw" | "sv" | "ta"
  | "te" | "th" | "tr" | "uk" | "ur" | "uz" | "vi" | "zu"
  | (string & {});

/** How the header and body variables are written: `{{1}}` or `{{name}}`. */
export type ParameterFormat = "POSITIONAL" | "NAMED" | (string & {});

export type TemplateRejectionReason =
  | "ABUSIVE_CONTENT"
  | "INCORRECT_CATEGORY"
  | "INVALID_FORMAT"
  | "NONE"
  | "PROMOTIONAL"
  | "SCAM"
  | "TAG_CONTENT_MISMATCH"
  | (string & {});

/** Why users who blocked the number after a template said they did (template comparison). */
export type TopBlockReason =
  | "NO_LONGER_NEEDED"
  | "NO_REASON"
  | "NO_REASON_GIVEN"
  | "NO_SIGN_UP"
  | "OFFENSIVE_MESSAGES"
  | "OTHER"
  | "OTP_DID_NOT_REQUEST"
  | "SPAM"
  | "UNKNOWN_BLOCK_REASON"
  | (string & {});

/** The kind of an authentication template's one-time-password button. */
export type OtpType = "COPY_CODE" | "ONE_TAP" | "ZERO_TAP" | (string & {});

export type FlowButtonIcon = "DOCUMENT" | "PROMOTION" | "REVIEW" | (string & {});

/** Automatic creative optimizations a marketing template can opt in or out of. */
export type CreativeFeature =
  | "add_text_overlay"
  | "auto_promotion_tag"
  | "dynamic_cta_text"
  | "hyperlink_formatting"
  | "image_animation"
  | "image_background_gen"
  | "image_banner"
  | "image_brightness_and_contrast"
  | "image_touchups"
  | "product_extensions"
  | "text_extraction_for_headline"
  | "text_extraction_for_tap_target"
  | "text_formatting_optimization"
  | (string & {});

/** pywa's `DegreesOfFreedomSpec`: `true` opts in (`OPT_IN`), `false` out. */
export interface DegreesOfFreedomSpec {
  creativeFeaturesSpec: Partial<Record<CreativeFeature, boolean>>;
}
