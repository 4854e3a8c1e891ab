// Every message-sending function and its options: the package's public surface
// re-exports this file, so internals (envelope assembly, compact, serializers)
// stay out of it and are imported from their own files.
export type { SendOptions } from "./envelope.ts";
export type {
  Buttons,
  ReplyButton,
  UrlButton,
  SectionList,
  Section,
  SectionRow,
  FlowButton,
  VoiceCallButton,
  CallPermissionRequestButton,
} from "./buttons.ts";
export { sendMessage, type SendMessageOptions } from "./text.ts";
export {
  sendImage,
  sendVideo,
  sendDocument,
  sendAudio,
  sendVoice,
  sendSticker,
  type MediaButtons,
  type SendImageOptions,
  type SendVideoOptions,
  type SendDocumentOptions,
  type SendAudioOptions,
  type SendVoiceOptions,
  type SendStickerOptions,
} from "./media.ts";
export { sendLocation, requestLocation, type SendLocationOptions, type RequestLocationOptions } from "./location.ts";
export {
  sendContact,
  requestContactInfo,
  type ContactInput,
  type ContactNameInput,
  type ContactPhoneInput,
  type ContactEmailInput,
  type ContactUrlInput,
  type ContactAddressInput,
  type ContactOrgInput,
  type ContactFieldType,
  type SendContactOptions,
  type RequestContactInfoOptions,
} from "./contact.ts";
export { sendReaction, removeReaction, type SendReactionOptions, type RemoveReactionOptions } from "./reaction.ts";
export { sendTemplate, type SendTemplateOptions } from "./template.ts";
export type * from "./template-params.ts";
export {
  sendCatalog,
  sendProduct,
  sendProducts,
  type ProductsSection,
  type SendCatalogOptions,
  type SendProductOptions,
  type SendProductsOptions,
} from "./catalog.ts";
export { markMessageAsRead, indicateTyping, type ReadReceiptOptions, type SuccessResult } from "./read.ts";
export { sendCarousel, type CarouselCard, type SendCarouselOptions } from "./carousel.ts";
export { pinMessage, unpinMessage, type PinMessageOptions, type UnpinMessageOptions } from "./pin.ts";
