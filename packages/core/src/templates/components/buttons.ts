import type { FlowButtonIcon, OtpType } from "../types.ts";

/** Sends its text back (a `CallbackButton`), plus the payload given at send time. */
export interface TemplateQuickReplyButton {
  readonly type: "quick_reply";
  readonly text: string;
}

/** Marketing Messages Lite: open an Android app instead of the URL when it is installed. */
export interface TemplateAppDeepLink {
  readonly metaAppId: string;
  readonly androidDeepLink: string;
  readonly androidFallbackPlaystoreUrl?: string;
}

/**
 * Opens `url`. One variable at most, `{{1}}`, at the very end: its value (the
 * suffix) is given at send time, and `example` is then a full sample URL.
 */
export interface TemplateUrlButton<U extends string = string> {
  readonly type: "url";
  readonly text: string;
  readonly url: U;
  readonly example?: string;
  readonly appDeepLink?: TemplateAppDeepLink;
}

export interface TemplatePhoneNumberButton {
  readonly type: "phone_number";
  readonly text: string;
  readonly phoneNumber: string;
}

/** Starts a WhatsApp call to the business. */
export interface TemplateVoiceCallButton {
  readonly type: "voice_call";
  readonly text: string;
}

/** Copies a coupon code given at send time; `example` is a sample code (15 characters at most). */
export interface TemplateCopyCodeButton {
  readonly type: "copy_code";
  readonly example: string;
}

/** An Android app that may receive the code (one-tap and zero-tap buttons). */
export interface TemplateOtpSupportedApp {
  readonly packageName: string;
  /** The app signing key hash: 11 characters. */
  readonly signatureHash: string;
}

/** An authentication template's button: the code is given at send time (`params({ otp })`). */
export interface TemplateOtpButton {
  readonly type: "otp";
  readonly otpType: OtpType;
  /** The copy-code label (default: localized "Copy code"). */
  readonly text?: string;
  /** The autofill label of one-tap / zero-tap buttons (default: localized "Autofill"). */
  readonly autofillText?: string;
  readonly supportedApps?: readonly TemplateOtpSupportedApp[];
  /** Zero-tap only: you accept that the code is filled in without the user's tap. */
  readonly zeroTapTermsAccepted?: boolean;
}

/**
 * Opens a WhatsApp Flow: by `flowId` or `flowName` (published), or inline
 * `flowJson` (an object is sent as its JSON text).
 */
export interface TemplateFlowButton {
  readonly type: "flow";
  readonly text: string;
  readonly flowId?: string;
  readonly flowName?: string;
  readonly flowJson?: string | object;
  readonly flowAction?: "navigate" | "data_exchange";
  /** The first screen, for `navigate` (default: the flow's first screen). */
  readonly navigateScreen?: string;
  readonly icon?: FlowButtonIcon;
}

/** Opens the catalog ("View catalog"); the thumbnail product may be chosen at send time. */
export interface TemplateCatalogButton {
  readonly type: "catalog";
  readonly text: string;
}

/** Multi-product message: the sections of products are given at send time. */
export interface TemplateMpmButton {
  readonly type: "mpm";
  readonly text: string;
}

/** Single-product message (with a product header). */
export interface TemplateSpmButton {
  readonly type: "spm";
  readonly text: string;
}

export type TemplateButton =
  | TemplateQuickReplyButton
  | TemplateUrlButton
  | TemplatePhoneNumberButton
  | TemplateVoiceCallButton
  | TemplateCopyCodeButton
  | TemplateOtpButton
  | TemplateFlowButton
  | TemplateCatalogButton
  | TemplateMpmButton
  | TemplateSpmButton;

/** pywa's `QuickReplyButton`. */
export function quickReplyButton(text: string): TemplateQuickReplyButton {
  return { type: "quick_reply", text };
}

/** pywa's `URLButton`: `urlButton("Track", "https://x.com/o/{{1}}", { example: "https://x.com/o/42" })`. */
export function urlButton<const U extends string>(
  text: string,
  url: U,
  options: { example?: string; appDeepLink?: TemplateAppDeepLink } = {},
): TemplateUrlButton<U> {
  return { type: "url", text, url, ...options };
}

/** pywa's `PhoneNumberButton`. */
export function phoneNumberButton(text: string, phoneNumber: string): TemplatePhoneNumberButton {
  return { type: "phone_number", text, phoneNumber };
}

/** pywa's `VoiceCallButton`. */
export function voiceCallButton(text: string): TemplateVoiceCallButton {
  return { type: "voice_call", text };
}

/** pywa's `CopyCodeButton`. */
export function copyCodeButton(example: string): TemplateCopyCodeButton {
  return { type: "copy_code", example };
}

/** pywa's `CopyCodeOTPButton`. */
export function copyCodeOtpButton(options: { text?: string } = {}): TemplateOtpButton {
  return { type: "otp", otpType: "COPY_CODE", ...options };
}

/** pywa's `OneTapOTPButton`. */
export function oneTapOtpButton(options: {
  text?: string;
  autofillText?: string;
  supportedApps: readonly TemplateOtpSupportedApp[];
}): TemplateOtpButton {
  return { type: "otp", otpType: "ONE_TAP", ...options };
}

/** pywa's `ZeroTapOTPButton`. */
export function zeroTapOtpButton(options: {
  text?: string;
  autofillText?: string;
  supportedApps: readonly TemplateOtpSupportedApp[];
  zeroTapTermsAccepted: boolean;
}): TemplateOtpButton {
  return { type: "otp", otpType: "ZERO_TAP", ...options };
}

/** pywa's `FlowButton`. */
export function flowButton(options: Omit<TemplateFlowButton, "type">): TemplateFlowButton {
  return { type: "flow", ...options };
}

/** pywa's `CatalogButton`. */
export function catalogButton(text: string): TemplateCatalogButton {
  return { type: "catalog", text };
}

/** pywa's `MPMButton`. */
export function mpmButton(text: string): TemplateMpmButton {
  return { type: "mpm", text };
}

/** pywa's `SPMButton`. */
export function spmButton(text: string): TemplateSpmButton {
  return { type: "spm", text };
}
