import { bool, idStr, obj, str, type Json } from "../../updates/json.ts";
import { toConversationalAutomation, type ConversationalAutomation } from "../business/conversational-automation.ts";

/** A business phone number (pywa's `BusinessPhoneNumber`). Nested objects are kept as Meta sends them. */
export interface BusinessPhoneNumber {
  id: string;
  verifiedName: string | undefined;
  displayPhoneNumber: string | undefined;
  /** Ice breakers, commands and whether `chatOpened` updates are on. */
  conversationalAutomation: ConversationalAutomation | undefined;
  /** `CONNECTED`, `FLAGGED`, `RATE_LIMITED`, … */
  status: string | undefined;
  qualityRating: string | undefined;
  qualityScore: Json | undefined;
  webhookConfiguration: Json | undefined;
  nameStatus: string | undefined;
  newNameStatus: string | undefined;
  codeVerificationStatus: string | undefined;
  accountMode: string | undefined;
  isOnBizApp: boolean | undefined;
  isOfficialBusinessAccount: boolean | undefined;
  isPinEnabled: boolean | undefined;
  isPreverifiedNumber: boolean | undefined;
  searchVisibility: string | undefined;
  platformType: string | undefined;
  throughput: Json | undefined;
  eligibilityForApiBusinessGlobalSearch: string | undefined;
  healthStatus: Json | undefined;
  certificate: string | undefined;
  newCertificate: string | undefined;
  lastOnboardedTime: string | undefined;
  countryCode: string | undefined;
  countryDialCode: string | undefined;
  whatsappBusinessManagerMessagingLimit: string | undefined;
  raw: Json;
}

/** The fields pywa asks for, in its order. */
export const PHONE_NUMBER_FIELDS = [
  "id", "verified_name", "display_phone_number", "conversational_automation", "status", "quality_rating",
  "quality_score", "webhook_configuration", "name_status", "new_name_status", "code_verification_status",
  "account_mode", "is_on_biz_app", "is_official_business_account", "is_pin_enabled", "is_preverified_number",
  "search_visibility", "platform_type", "throughput", "eligibility_for_api_business_global_search",
  "health_status", "certificate", "new_certificate", "last_onboarded_time", "country_code", "country_dial_code",
  "whatsapp_business_manager_messaging_limit",
] as const;

export function toBusinessPhoneNumber(w: Json): BusinessPhoneNumber {
  const automation = obj(w.conversational_automation);
  return {
    id: idStr(w.id) ?? "",
    verifiedName: str(w.verified_name),
    displayPhoneNumber: str(w.display_phone_number),
    conversationalAutomation: automation && toConversationalAutomation(automation),
    status: str(w.status),
    qualityRating: str(w.quality_rating),
    qualityScore: obj(w.quality_score),
    webhookConfiguration: obj(w.webhook_configuration),
    nameStatus: str(w.name_status),
    newNameStatus: str(w.new_name_status),
    codeVerificationStatus: str(w.code_verification_status),
    accountMode: str(w.account_mode),
    isOnBizApp: bool(w.is_on_biz_app),
    isOfficialBusinessAccount: bool(w.is_official_business_account),
    isPinEnabled: bool(w.is_pin_enabled),
    isPreverifiedNumber: bool(w.is_preverified_number),
    searchVisibility: str(w.search_visibility),
    platformType: str(w.platform_type),
    throughput: obj(w.throughput),
    eligibilityForApiBusinessGlobalSearch: str(w.eligibility_for_api_business_global_search),
    healthStatus: obj(w.health_status),
    certificate: str(w.certificate),
    newCertificate: str(w.new_certificate),
    lastOnboardedTime: idStr(w.last_onboarded_time),
    countryCode: str(w.country_code),
    countryDialCode: idStr(w.country_dial_code),
    whatsappBusinessManagerMessagingLimit: str(w.whatsapp_business_manager_messaging_limit),
    raw: w,
  };
}
