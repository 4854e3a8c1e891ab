import { describe, expect, it } from "vitest";
import type { WhatsApp } from "../../client/whatsapp.ts";
import type { Filter } from "../filter.ts";
import { filters } from "./index.ts";

const wa = {} as unknown as WhatsApp;
const check = (f: Filter<never>, u: unknown) => f.check(wa, u as never);

type Name = keyof typeof filters;

/** [filter, update kind it matches] for every filter that only tests `update.kind`. */
const KIND_FILTERS: [Name, string][] = [
  ["message", "message"],
  ["callbackButton", "callbackButton"],
  ["callbackSelection", "callbackSelection"],
  ["messageStatus", "messageStatus"],
  ["flowCompletion", "flowCompletion"],
  ["templateStatus", "templateStatusUpdate"],
  ["templateQuality", "templateQualityUpdate"],
  ["templateCategory", "templateCategoryUpdate"],
  ["templateComponents", "templateComponentsUpdate"],
  ["callConnect", "callConnect"],
  ["callStatus", "callStatus"],
  ["callPermissionUpdate", "callPermissionUpdate"],
  ["callTerminate", "callTerminate"],
  ["phoneNumberChange", "phoneNumberChange"],
  ["identityChange", "identityChange"],
  ["userMarketingPreferences", "userMarketingPreferences"],
  ["accountUpdate", "accountUpdate"],
];

describe("kind filters", () => {
  for (const [name, kind] of KIND_FILTERS) {
    it(`${name} matches ${kind} only`, () => {
      const f = filters[name] as Filter<never>;
      expect(check(f, { kind })).toBe(true);
      expect(check(f, { kind: kind === "raw" ? "message" : "raw", field: "messages" })).toBe(false);
      expect(check(f, { kind: "editedMessage" })).toBe(false);
    });
  }
});

/** [filter, matching update, a near miss of the same kind] */
const VALUE_FILTERS: [Name, object, object][] = [
  [
    "templateStatusApproved",
    { kind: "templateStatusUpdate", newStatus: "APPROVED" },
    { kind: "templateStatusUpdate", newStatus: "PENDING" },
  ],
  [
    "templateStatusRejected",
    { kind: "templateStatusUpdate", newStatus: "REJECTED" },
    { kind: "templateStatusUpdate", newStatus: "APPROVED" },
  ],
  [
    "outgoingCall",
    { kind: "callConnect", direction: "BUSINESS_INITIATED" },
    { kind: "callConnect", direction: "USER_INITIATED" },
  ],
  [
    "incomingCall",
    { kind: "callConnect", direction: "USER_INITIATED" },
    { kind: "callConnect", direction: "BUSINESS_INITIATED" },
  ],
  ["callAnswered", { kind: "callStatus", status: "ACCEPTED" }, { kind: "callStatus", status: "RINGING" }],
  ["callRejected", { kind: "callStatus", status: "REJECTED" }, { kind: "callStatus", status: "ACCEPTED" }],
  ["callRinging", { kind: "callStatus", status: "RINGING" }, { kind: "callStatus", status: "REJECTED" }],
  [
    "callPermissionAccepted",
    { kind: "callPermissionUpdate", response: "accept" },
    { kind: "callPermissionUpdate", response: "reject" },
  ],
  [
    "callPermissionRejected",
    { kind: "callPermissionUpdate", response: "reject" },
    { kind: "callPermissionUpdate", response: "accept" },
  ],
  [
    "userMarketingPreferencesStop",
    { kind: "userMarketingPreferences", value: "stop" },
    { kind: "userMarketingPreferences", value: "resume" },
  ],
  [
    "userMarketingPreferencesResume",
    { kind: "userMarketingPreferences", value: "resume" },
    { kind: "userMarketingPreferences", value: "stop" },
  ],
];

const ACCOUNT_EVENTS: [Name, string][] = [
  ["accountDeleted", "ACCOUNT_DELETED"],
  ["accountRestriction", "ACCOUNT_RESTRICTION"],
  ["accountViolation", "ACCOUNT_VIOLATION"],
  ["adAccountLinked", "AD_ACCOUNT_LINKED"],
  ["authIntlPriceEligibilityUpdate", "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE"],
  ["businessPrimaryLocationCountryUpdate", "BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE"],
  ["accountDisabled", "DISABLED_UPDATE"],
  ["mmLiteTermsSigned", "MM_LITE_TERMS_SIGNED"],
  ["partnerAdded", "PARTNER_ADDED"],
  ["partnerAppInstalled", "PARTNER_APP_INSTALLED"],
  ["partnerAppUninstalled", "PARTNER_APP_UNINSTALLED"],
  ["partnerClientCertificationStatusUpdate", "PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE"],
  ["partnerRemoved", "PARTNER_REMOVED"],
  ["volumeBasedPricingTierUpdate", "VOLUME_BASED_PRICING_TIER_UPDATE"],
  ["accountOffboarded", "ACCOUNT_OFFBOARDED"],
  ["accountReconnected", "ACCOUNT_RECONNECTED"],
];
for (const [name, event] of ACCOUNT_EVENTS) {
  VALUE_FILTERS.push([
    name,
    { kind: "accountUpdate", event },
    { kind: "accountUpdate", event: event === "PARTNER_ADDED" ? "PARTNER_REMOVED" : "PARTNER_ADDED" },
  ]);
}

describe("value filters", () => {
  for (const [name, match, miss] of VALUE_FILTERS) {
    it(`${name}`, () => {
      const f = filters[name] as Filter<never>;
      expect(check(f, match)).toBe(true);
      expect(check(f, miss)).toBe(false);
      // the same value on another kind of update does not count
      expect(check(f, { ...match, kind: "raw" })).toBe(false);
    });
  }
  it("enum values are compared case-insensitively (forward-compatible parsing)", () => {
    expect(check(filters.callRinging, { kind: "callStatus", status: "ringing" })).toBe(true);
    expect(check(filters.userMarketingPreferencesStop, { kind: "userMarketingPreferences", value: "STOP" })).toBe(true);
  });
  it("resume is not 'anything but stop'", () => {
    const signup = { kind: "userMarketingPreferences", value: "signup" };
    expect(check(filters.userMarketingPreferencesResume, signup)).toBe(false);
    expect(check(filters.userMarketingPreferencesStop, signup)).toBe(false);
  });
});
