// The template model: define a template once (`defineTemplate`), create it, and
// send it with values the compiler checks against its texts. The management calls
// (createTemplate, getTemplates, …) are in client/templates/.
export { defineTemplate, isTemplateDefinition, TemplateDefinition, type AnyTemplateDefinition, type TemplateMessage } from "./define.ts";
export type { TemplateSpec, TemplateComponentsSpec, TemplateComponents, NormalizedCard } from "./spec.ts";
export type {
  TemplateValues,
  TemplateValuesArgs,
  CardValues,
  TemplateHeaderTextValue,
  TemplateBodyValue,
  TemplateMediaValue,
  TemplateDocumentValue,
  TemplateLocationValue,
  TemplateProductValue,
  TemplateFlowValue,
  TemplateMpmValue,
  TemplateLimitedTimeOfferValue,
} from "./values.ts";
export type { Placeholders, TextValues, TextExample } from "./placeholders.ts";
export type {
  TemplateLanguage,
  ParameterFormat,
  TemplateRejectionReason,
  TopBlockReason,
  OtpType,
  FlowButtonIcon,
  CreativeFeature,
  DegreesOfFreedomSpec,
} from "./types.ts";
export {
  headerText,
  headerImage,
  headerVideo,
  headerGif,
  headerDocument,
  headerLocation,
  headerProduct,
  type TemplateHeader,
  type TemplateTextHeader,
  type TemplateMediaHeader,
  type TemplateMediaFormat,
  type TemplateMediaExample,
  type TemplateLocationHeader,
  type TemplateProductHeader,
} from "./components/header.ts";
export {
  bodyText,
  authenticationBody,
  footerText,
  authenticationFooter,
  type TemplateBodyText,
  type TemplateAuthenticationBody,
  type TemplateFooterText,
  type TemplateAuthenticationFooter,
} from "./components/text.ts";
export {
  quickReplyButton,
  urlButton,
  phoneNumberButton,
  voiceCallButton,
  copyCodeButton,
  copyCodeOtpButton,
  oneTapOtpButton,
  zeroTapOtpButton,
  flowButton,
  catalogButton,
  mpmButton,
  spmButton,
  type TemplateButton,
  type TemplateQuickReplyButton,
  type TemplateUrlButton,
  type TemplateAppDeepLink,
  type TemplatePhoneNumberButton,
  type TemplateVoiceCallButton,
  type TemplateCopyCodeButton,
  type TemplateOtpButton,
  type TemplateOtpSupportedApp,
  type TemplateFlowButton,
  type TemplateCatalogButton,
  type TemplateMpmButton,
  type TemplateSpmButton,
} from "./components/buttons.ts";
export { limitedTimeOffer, carouselCard, type TemplateLimitedTimeOffer, type TemplateCarouselCard } from "./components/extras.ts";
export { parseTemplateDetails, templateFromDetails, TEMPLATE_FIELDS, type TemplateDetails } from "./details.ts";
export { parseComponents } from "./parse.ts";
export {
  serializeComponents,
  serializeButton,
  isFileHandle,
  type WireComponent,
  type HandleOf,
} from "./serialize.ts";
export type { LibraryTemplate, LibraryTemplateBodyInputs, LibraryTemplateButtonInput } from "./library.ts";
