/**
 * pywa's filter set, typed per update kind.
 *
 *   import { filters } from "@edgewa/core";
 *   wa.onMessage(filters.text.and(filters.startsWith("hi", { ignoreCase: true })), handler);
 *   wa.onMessage(filters.and(filters.image, filters.not(filters.forwarded)), handler);
 *
 * Every filter is a `Filter<U>` whose `U` is the least the filter needs to read:
 * `filters.text` is a `Filter<Message>`, `filters.startsWith(…)` works on every
 * update with text fields, `filters.fromUsers(…)` on every user update. A filter
 * for a wider type fits a handler for a narrower one. Checked against an update of
 * the wrong shape, a filter answers `false`; it never throws.
 */
import { and, newFilter, not, or } from "../filter.ts";
import * as account from "./account.ts";
import * as calls from "./calls.ts";
import * as callbacks from "./callbacks.ts";
import * as context from "./context.ts";
import * as flows from "./flows.ts";
import * as generic from "./generic.ts";
import * as marketing from "./marketing.ts";
import * as messageTypes from "./message-types.ts";
import * as statuses from "./statuses.ts";
import * as system from "./system.ts";
import * as templates from "./templates.ts";
import * as text from "./text.ts";

export type { Replyable } from "./context.ts";
export type { SentToOptions } from "./generic.ts";
export { distanceKm, MIME_EXTENSIONS } from "./message-types.ts";
export type { ErrorCodes, Trackable } from "./statuses.ts";
export type { CommandOptions, RegexOptions, TextFields, TextOptions, WithOptions } from "./text.ts";

export const filters = Object.freeze({
  // Algebra
  and,
  or,
  not,
  new: newFilter,
  true: generic.always,
  false: generic.never,

  // Generic / meta
  ofKind: generic.ofKind,
  webhookFields: generic.webhookFields,
  updateId: generic.updateId,
  wabaId: generic.wabaId,
  sentTo: generic.sentTo,
  sentToMe: generic.sentToMe,
  fromUsers: generic.fromUsers,
  fromCountries: generic.fromCountries,
  fromGroups: generic.fromGroups,
  private: generic.privateChat,
  group: generic.groupChat,
  withoutWaId: generic.withoutWaId,

  // Context
  forwarded: context.forwarded,
  forwardedManyTimes: context.forwardedManyTimes,
  reply: context.reply,
  replyTo: context.replyTo,
  hasReferredProduct: context.hasReferredProduct,

  // Text matching
  matches: text.matches,
  startsWith: text.startsWith,
  endsWith: text.endsWith,
  contains: text.contains,
  regex: text.regex,
  isCommand: text.isCommand,
  command: text.command,

  // Message types
  message: messageTypes.message,
  text: messageTypes.text,
  image: messageTypes.image,
  video: messageTypes.video,
  document: messageTypes.document,
  audio: messageTypes.audio,
  audioOnly: messageTypes.audioOnly,
  voice: messageTypes.voice,
  sticker: messageTypes.sticker,
  animatedSticker: messageTypes.animatedSticker,
  staticSticker: messageTypes.staticSticker,
  location: messageTypes.location,
  currentLocation: messageTypes.currentLocation,
  locationInRadius: messageTypes.locationInRadius,
  reaction: messageTypes.reaction,
  reactionAdded: messageTypes.reactionAdded,
  reactionRemoved: messageTypes.reactionRemoved,
  reactionEmojis: messageTypes.reactionEmojis,
  contacts: messageTypes.contacts,
  contactInfoShared: messageTypes.contactInfoShared,
  contactsHasWa: messageTypes.contactsHasWa,
  order: messageTypes.order,
  unsupported: messageTypes.unsupported,
  media: messageTypes.media,
  hasCaption: messageTypes.hasCaption,
  mimetypes: messageTypes.mimetypes,
  extensions: messageTypes.extensions,

  // Callbacks
  callbackButton: callbacks.callbackButton,
  callbackSelection: callbacks.callbackSelection,

  // Message statuses
  messageStatus: statuses.messageStatus,
  sent: statuses.sent,
  delivered: statuses.delivered,
  read: statuses.read,
  failed: statuses.failed,
  played: statuses.played,
  failedWith: statuses.failedWith,
  withTracker: statuses.withTracker,

  // Templates
  templateStatus: templates.templateStatus,
  templateStatusApproved: templates.templateStatusApproved,
  templateStatusRejected: templates.templateStatusRejected,
  templateQuality: templates.templateQuality,
  templateCategory: templates.templateCategory,
  templateComponents: templates.templateComponents,

  // Flows
  flowCompletion: flows.flowCompletion,

  // Calls
  callConnect: calls.callConnect,
  outgoingCall: calls.outgoingCall,
  incomingCall: calls.incomingCall,
  callStatus: calls.callStatus,
  callAnswered: calls.callAnswered,
  callRejected: calls.callRejected,
  callRinging: calls.callRinging,
  callPermissionUpdate: calls.callPermissionUpdate,
  callPermissionAccepted: calls.callPermissionAccepted,
  callPermissionRejected: calls.callPermissionRejected,
  callTerminate: calls.callTerminate,

  // System
  phoneNumberChange: system.phoneNumberChange,
  identityChange: system.identityChange,

  // Marketing preferences
  userMarketingPreferences: marketing.userMarketingPreferences,
  userMarketingPreferencesStop: marketing.userMarketingPreferencesStop,
  userMarketingPreferencesResume: marketing.userMarketingPreferencesResume,

  // Account
  accountUpdate: account.accountUpdate,
  accountDeleted: account.accountDeleted,
  accountRestriction: account.accountRestriction,
  accountViolation: account.accountViolation,
  adAccountLinked: account.adAccountLinked,
  authIntlPriceEligibilityUpdate: account.authIntlPriceEligibilityUpdate,
  businessPrimaryLocationCountryUpdate: account.businessPrimaryLocationCountryUpdate,
  accountDisabled: account.accountDisabled,
  mmLiteTermsSigned: account.mmLiteTermsSigned,
  partnerAdded: account.partnerAdded,
  partnerAppInstalled: account.partnerAppInstalled,
  partnerAppUninstalled: account.partnerAppUninstalled,
  partnerClientCertificationStatusUpdate: account.partnerClientCertificationStatusUpdate,
  partnerRemoved: account.partnerRemoved,
  volumeBasedPricingTierUpdate: account.volumeBasedPricingTierUpdate,
  accountOffboarded: account.accountOffboarded,
  accountReconnected: account.accountReconnected,
});

export type Filters = typeof filters;
