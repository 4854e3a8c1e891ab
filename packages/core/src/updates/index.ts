// The typed updates a webhook is read into, and the classifier that reads them.
export { BaseUpdate, toDate, type UpdateSource } from "./base.ts";
export { classifyPayload, type ClassifiedChange } from "./classify.ts";

export { User, DEFAULT_USER_IDENTIFIER_PRIORITY, type UserIdentifier, type UserInit, type Metadata, type Chat, type ChatType } from "./user.ts";
export { BaseUserUpdate, isUserUpdate, isUserAction, type UserContext } from "./user-update.ts";
export type { BlockSenderOptions } from "./user-update.ts";
export type { CopyOptions } from "./copy.ts";
// The options of the reply shortcuts every user update and every SentMessage has.
export type {
  CallShortcutOptions,
  PinShortcutOptions,
  CarouselContent,
  LocationContent,
  ProductContent,
  ProductsContent,
  ReactOptions,
  ReadReceiptShortcutOptions,
  ReplyAudioOptions,
  ReplyCarouselOptions,
  ReplyCatalogOptions,
  ReplyContactInfoRequestOptions,
  ReplyContactOptions,
  ReplyDocumentOptions,
  ReplyImageOptions,
  ReplyLocationOptions,
  ReplyLocationRequestOptions,
  ReplyOptions,
  ReplyProductOptions,
  ReplyProductsOptions,
  ReplyStickerOptions,
  ReplyTemplateOptions,
  ReplyTextOptions,
  ReplyVideoOptions,
  ReplyVoiceOptions,
  ShortcutOptions,
  TemplateContent,
  UnreactOptions,
} from "./reply-shortcuts.ts";
export type { WebhookError } from "./webhook-error.ts";

export {
  Message,
  MessageBase,
  Location,
  type MessageType,
  type Unsupported,
  type Media,
  type MediaType,
  type Image,
  type Video,
  type Document,
  type Audio,
  type Sticker,
  type Reaction,
  type Order,
  type Product,
  type Referral,
  type ReferralSourceType,
  type ReferralMediaType,
  type ReplyToMessage,
  type ReferredProduct,
  type Contact,
  type ContactList,
  type ContactName,
  type ContactPhone,
  type ContactEmail,
  type ContactUrl,
  type ContactAddress,
  type ContactOrg,
  type ContactOrigin,
} from "./message.ts";
export { CallbackButton, type CallbackButtonType } from "./callback-button.ts";
export { CallbackSelection } from "./callback-selection.ts";
export {
  MessageStatus,
  type MessageStatusType,
  type Conversation,
  type ConversationCategory,
  type Pricing,
  type PricingModel,
  type PricingType,
} from "./message-status.ts";
export { GroupMessageStatuses } from "./group-message-statuses.ts";
export { ChatOpened } from "./chat-opened.ts";
export { FlowCompletion } from "./flow-completion.ts";
export { PhoneNumberChange, type PhoneNumberChangeType } from "./phone-number-change.ts";
export { IdentityChange, type Identity } from "./identity-change.ts";
export {
  CallEventUpdate,
  CallConnect,
  CallTerminate,
  CallStatus,
  type CallEvent,
  type CallDirection,
  type CallTerminateStatus,
  type CallStatusType,
  type CallSession,
  type SdpType,
  type CallTrackerOptions,
} from "./calls.ts";
export {
  CallPermissionUpdate,
  type CallPermissionResponse,
  type CallPermissionResponseSource,
} from "./call-permission-update.ts";
export { UserMarketingPreferences, type MarketingPreference } from "./user-marketing-preferences.ts";
export {
  BaseTemplateUpdate,
  TemplateStatusUpdate,
  TemplateCategoryUpdate,
  TemplateQualityUpdate,
  TemplateComponentsUpdate,
  type TemplateStatus,
  type TemplateCategory,
  type QualityScore,
} from "./templates.ts";
export {
  AccountUpdate,
  type AccountUpdateEvent,
  type WabaInfo,
  type BanInfo,
  type RestrictionInfo,
  type DisconnectionInfo,
  type AuthInternationalRateEligibility,
  type VolumeTierInfo,
  type PartnerClientCertificationInfo,
} from "./account-update.ts";
export { EditedMessageBase, DeletedMessageBase, EditedMessage, DeletedMessage } from "./edited-deleted.ts";
export { OutgoingMessage, OutgoingEditedMessage, OutgoingDeletedMessage } from "./outgoing.ts";
export { RawUpdate } from "./raw.ts";
