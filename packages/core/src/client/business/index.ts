// WhatsApp Business Accounts (one, a portfolio's shared and owned ones, their settings) and a
// number's business settings: profile, display name, conversational components, flows
// encryption key, calling/storage settings.
export { getBusinessAccount, type GetBusinessAccountOptions, type WhatsAppBusinessAccount } from "./account.ts";
export {
  getSharedBusinessAccounts, getOwnedBusinessAccounts,
  type GetPortfolioBusinessAccountsOptions, type GetSharedBusinessAccountsOptions, type GetOwnedBusinessAccountsOptions,
} from "./portfolio-accounts.ts";
export { updateBusinessAccountSettings, type UpdateBusinessAccountSettingsOptions } from "./account-settings.ts";
export {
  getBusinessProfile, updateBusinessProfile,
  type BusinessProfile, type Industry, type ProfilePicture,
  type GetBusinessProfileOptions, type UpdateBusinessProfileOptions,
} from "./profile.ts";
export { updateDisplayName, type UpdateDisplayNameOptions } from "./display-name.ts";
export {
  updateConversationalAutomation,
  type Command, type ConversationalAutomation, type UpdateConversationalAutomationOptions,
} from "./conversational-automation.ts";
export { setBusinessPublicKey, type SetBusinessPublicKeyOptions } from "./public-key.ts";
export {
  getBusinessPhoneNumberSettings, updateBusinessPhoneNumberSettings,
  type GetBusinessPhoneNumberSettingsOptions, type UpdateBusinessPhoneNumberSettingsOptions,
} from "./settings.ts";
export type {
  BusinessPhoneNumberSettings, CallingSettings, CallHours, WeekdayHours, HolidaySchedule, DayOfWeek,
  SipSettings, SipServer, StorageConfiguration, UserIdentityChangeSettings, SettingStatus,
} from "./settings-types.ts";
