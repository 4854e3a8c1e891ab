import type { AccountUpdate } from "../../updates/account-update.ts";
import type { Filter } from "../filter.ts";
import { builtin, is } from "./util.ts";

/** Account updates (business portfolio / WABA events). */
export const accountUpdate: Filter<unknown> = builtin("accountUpdate", (u) => u.kind === "accountUpdate");

function event(name: string, value: string): Filter<AccountUpdate> {
  return builtin(name, (u) => u.kind === "accountUpdate" && is(u.event, value));
}

/** `ACCOUNT_DELETED` */
export const accountDeleted = event("accountDeleted", "ACCOUNT_DELETED");
/** `ACCOUNT_RESTRICTION` */
export const accountRestriction = event("accountRestriction", "ACCOUNT_RESTRICTION");
/** `ACCOUNT_VIOLATION` */
export const accountViolation = event("accountViolation", "ACCOUNT_VIOLATION");
/** `AD_ACCOUNT_LINKED` */
export const adAccountLinked = event("adAccountLinked", "AD_ACCOUNT_LINKED");
/** `AUTH_INTL_PRICE_ELIGIBILITY_UPDATE` */
export const authIntlPriceEligibilityUpdate = event(
  "authIntlPriceEligibilityUpdate",
  "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE",
);
/** `BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE` */
export const businessPrimaryLocationCountryUpdate = event(
  "businessPrimaryLocationCountryUpdate",
  "BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE",
);
/** `DISABLED_UPDATE`: the account was disabled. */
export const accountDisabled = event("accountDisabled", "DISABLED_UPDATE");
/** `MM_LITE_TERMS_SIGNED` (Marketing Messages Lite API terms). */
export const mmLiteTermsSigned = event("mmLiteTermsSigned", "MM_LITE_TERMS_SIGNED");
/** `PARTNER_ADDED` */
export const partnerAdded = event("partnerAdded", "PARTNER_ADDED");
/** `PARTNER_APP_INSTALLED` */
export const partnerAppInstalled = event("partnerAppInstalled", "PARTNER_APP_INSTALLED");
/** `PARTNER_APP_UNINSTALLED` */
export const partnerAppUninstalled = event("partnerAppUninstalled", "PARTNER_APP_UNINSTALLED");
/** `PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE` */
export const partnerClientCertificationStatusUpdate = event(
  "partnerClientCertificationStatusUpdate",
  "PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE",
);
/** `PARTNER_REMOVED` */
export const partnerRemoved = event("partnerRemoved", "PARTNER_REMOVED");
/** `VOLUME_BASED_PRICING_TIER_UPDATE` */
export const volumeBasedPricingTierUpdate = event("volumeBasedPricingTierUpdate", "VOLUME_BASED_PRICING_TIER_UPDATE");
/** `ACCOUNT_OFFBOARDED` */
export const accountOffboarded = event("accountOffboarded", "ACCOUNT_OFFBOARDED");
/** `ACCOUNT_RECONNECTED` */
export const accountReconnected = event("accountReconnected", "ACCOUNT_RECONNECTED");
