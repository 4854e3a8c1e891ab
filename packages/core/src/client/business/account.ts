import { callOptions, type CallOptions } from "../../graph/request.ts";
import { bool, obj, objects, str, idStr, type Json } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { wabaSegment } from "./ids.ts";

/** A WhatsApp Business Account (pywa's `WhatsAppBusinessAccount`). Nested objects are kept as Meta sends them. */
export interface WhatsAppBusinessAccount {
  id: string;
  name: string | undefined;
  timezoneId: string | undefined;
  messageTemplateNamespace: string | undefined;
  status: string | undefined;
  businessVerificationStatus: string | undefined;
  isEnabledForInsights: boolean | undefined;
  marketingMessagesLiteApiStatus: string | undefined;
  marketingMessagesOnboardingStatus: string | undefined;
  onBehalfOfBusinessInfo: Json | undefined;
  ownershipType: string | undefined;
  healthStatus: Json | undefined;
  currency: string | undefined;
  country: string | undefined;
  /** `subscribed_apps.data`: the apps that receive this WABA's webhooks. */
  subscribedApps: Json[];
  ownerBusinessInfo: Json | undefined;
  accountReviewStatus: string | undefined;
  disableMarketingMessagesOnCloudApi: boolean | undefined;
  /** The object as Meta sent it. */
  raw: Json;
}

/** The fields pywa asks for, in its order. */
export const WABA_FIELDS = [
  "id", "name", "timezone_id", "message_template_namespace", "status", "business_verification_status",
  "is_enabled_for_insights", "marketing_messages_lite_api_status", "marketing_messages_onboarding_status",
  "on_behalf_of_business_info", "ownership_type", "health_status", "currency", "country", "subscribed_apps",
  "owner_business_info", "account_review_status", "disable_marketing_messages_on_cloud_api",
] as const;

export interface GetBusinessAccountOptions extends CallOptions {
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/** pywa's `get_business_account`: `GET /{waba-id}?fields=…`. */
export async function getBusinessAccount(wa: WhatsApp, options: GetBusinessAccountOptions = {}): Promise<WhatsAppBusinessAccount> {
  const waba = wabaSegment(wa, options.wabaId, "getBusinessAccount");
  const wire = await wa.api.request<Json>({ method: "GET", path: `/${waba}`, query: { fields: WABA_FIELDS }, ...callOptions(options) });
  return toBusinessAccount(wire);
}

export function toBusinessAccount(w: Json): WhatsAppBusinessAccount {
  const apps = obj(w.subscribed_apps);
  return {
    id: idStr(w.id) ?? "",
    name: str(w.name),
    timezoneId: idStr(w.timezone_id),
    messageTemplateNamespace: str(w.message_template_namespace),
    status: str(w.status),
    businessVerificationStatus: str(w.business_verification_status),
    isEnabledForInsights: bool(w.is_enabled_for_insights),
    marketingMessagesLiteApiStatus: str(w.marketing_messages_lite_api_status),
    marketingMessagesOnboardingStatus: str(w.marketing_messages_onboarding_status),
    onBehalfOfBusinessInfo: obj(w.on_behalf_of_business_info),
    ownershipType: str(w.ownership_type),
    healthStatus: obj(w.health_status),
    currency: str(w.currency),
    country: str(w.country),
    // Graph answers an edge asked as a field with `{ data: [...] }`; tolerate a bare array too.
    subscribedApps: apps ? objects(apps.data) : objects(w.subscribed_apps),
    ownerBusinessInfo: obj(w.owner_business_info),
    accountReviewStatus: str(w.account_review_status),
    disableMarketingMessagesOnCloudApi: bool(w.disable_marketing_messages_on_cloud_api),
    raw: w,
  };
}
