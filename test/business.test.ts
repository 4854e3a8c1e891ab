import { describe, expect, it } from "vitest";
import { APIPermission, ExpiredAccessToken, InvalidParameter, PhoneNumberNotEligibleForRegistrationCode, RegistrationOrDeregistrationFailed, WhatsApp, WhatsAppError } from "@edgewa/core";
import {
  getBusinessAccount, getBusinessProfile, updateBusinessProfile, updateDisplayName, updateConversationalAutomation,
  setBusinessPublicKey, getBusinessPhoneNumberSettings, updateBusinessPhoneNumberSettings,
} from "../packages/core/src/client/business/index.ts";
import { getBusinessPhoneNumber, getBusinessPhoneNumbers, registerPhoneNumber, deregisterPhoneNumber } from "../packages/core/src/client/phone-numbers/index.ts";
import { getCommerceSettings, updateCommerceSettings } from "../packages/core/src/client/commerce/index.ts";
import { PHONE_ID, TOKEN, graphSuite, quiet } from "./support/graph-suite.ts";
import type { RecordedRequest } from "./support/graph-server.ts";

/**
 * Business account, profile, phone numbers and their settings, commerce settings:
 * each method's exact request on the local Graph API server, over a real socket.
 */

const { server, client, sent } = graphSuite({ wabaId: "WABA_ID" });

/** The one request the server got. */
function only(): RecordedRequest {
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toHaveLength(1);
  return server.requests[0]!;
}

/** Three pages at `path`, linked by Meta-style absolute `next` URLs. */
function threePages(path: string, pages: object[][]): void {
  pages.forEach((data, i) => {
    const next = i < pages.length - 1 ? { next: `${server.url}/v25.0${path}?limit=2&after=c${i + 1}&access_token=${TOKEN}` } : {};
    server.respondOnce({ method: "GET", path: `/v25.0${path}` }, { status: 200, json: { data, paging: { cursors: { before: `b${i + 1}`, after: `c${i + 1}` }, ...next } } });
  });
}

const PHONE_FIELDS =
  "id,verified_name,display_phone_number,conversational_automation,status,quality_rating,quality_score,webhook_configuration," +
  "name_status,new_name_status,code_verification_status,account_mode,is_on_biz_app,is_official_business_account,is_pin_enabled," +
  "is_preverified_number,search_visibility,platform_type,throughput,eligibility_for_api_business_global_search,health_status," +
  "certificate,new_certificate,last_onboarded_time,country_code,country_dial_code,whatsapp_business_manager_messaging_limit";

describe("getBusinessAccount", () => {
  it("GET /{waba-id}?fields=<pywa's list>, camelCased", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/WABA_ID" }, {
      status: 200,
      json: {
        id: "WABA_ID", name: "Acme", timezone_id: "1", message_template_namespace: "ns_1", status: "ACTIVE",
        business_verification_status: "verified", currency: "USD", country: "US", ownership_type: "SELF",
        is_enabled_for_insights: true, subscribed_apps: { data: [{ whatsapp_business_api_data: { id: "APP" } }] },
        health_status: { can_send_message: "AVAILABLE" },
      },
    });
    const waba = await getBusinessAccount(client());
    expect(sent()).toEqual({
      method: "GET",
      path: "/v25.0/WABA_ID",
      query: {
        fields:
          "id,name,timezone_id,message_template_namespace,status,business_verification_status,is_enabled_for_insights," +
          "marketing_messages_lite_api_status,marketing_messages_onboarding_status,on_behalf_of_business_info,ownership_type," +
          "health_status,currency,country,subscribed_apps,owner_business_info,account_review_status,disable_marketing_messages_on_cloud_api",
      },
      body: undefined,
    });
    expect(waba).toMatchObject({
      id: "WABA_ID", name: "Acme", timezoneId: "1", messageTemplateNamespace: "ns_1", status: "ACTIVE",
      businessVerificationStatus: "verified", currency: "USD", isEnabledForInsights: true, ownershipType: "SELF",
      subscribedApps: [{ whatsapp_business_api_data: { id: "APP" } }], healthStatus: { can_send_message: "AVAILABLE" },
    });
    expect(waba.raw.name).toBe("Acme");
  });

  it("a wabaId per call; none at all is a TypeError before any request", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/OTHER" }, { status: 200, json: { id: "OTHER" } });
    expect((await getBusinessAccount(client(), { wabaId: "OTHER" })).id).toBe("OTHER");
    const bare = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, graphUrl: server.url, logger: quiet });
    server.clear();
    await expect(getBusinessAccount(bare)).rejects.toThrow(/wabaId/);
    expect(server.requests).toHaveLength(0);
  });

  it("an expired token is an ExpiredAccessToken (code 190)", async () => {
    server.respondWithError({ method: "GET", path: "/v25.0/WABA_ID" }, { status: 401, code: 190, message: "Error validating access token" });
    await expect(getBusinessAccount(client())).rejects.toBeInstanceOf(ExpiredAccessToken);
  });
});

describe("business profile", () => {
  it("getBusinessProfile: GET /{phone-id}/whatsapp_business_profile, data[0], vertical → industry", async () => {
    server.respondOnce({ method: "GET", path: `/v25.0/${PHONE_ID}/whatsapp_business_profile` }, {
      status: 200,
      json: { data: [{ about: "Hi", address: "1 Main St", vertical: "RETAIL", email: "a@b.c", websites: ["https://a.example"], profile_picture_url: "https://pp", messaging_product: "whatsapp" }] },
    });
    const profile = await getBusinessProfile(client());
    expect(sent()).toEqual({
      method: "GET",
      path: `/v25.0/${PHONE_ID}/whatsapp_business_profile`,
      query: { fields: "about,address,vertical,description,email,profile_picture_url,websites" },
      body: undefined,
    });
    expect(profile).toMatchObject({ about: "Hi", address: "1 Main St", industry: "RETAIL", description: undefined, email: "a@b.c", profilePictureUrl: "https://pp", websites: ["https://a.example"] });
  });

  it("updateBusinessProfile sends only the fields given; null clears a field", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/whatsapp_business_profile` }, { status: 200, json: { success: true } });
    const result = await updateBusinessProfile(client(), { about: "New about", email: null, websites: ["https://a.example", "https://b.example"], industry: "EDU" });
    expect(result).toEqual({ success: true });
    expect(sent()).toEqual({
      method: "POST",
      path: `/v25.0/${PHONE_ID}/whatsapp_business_profile`,
      query: {},
      body: { messaging_product: "whatsapp", about: "New about", email: "", vertical: "EDU", websites: ["https://a.example", "https://b.example"] },
    });
    server.clear();
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/whatsapp_business_profile` }, { status: 200, json: { success: true } });
    await updateBusinessProfile(client(), { websites: null, industry: null, address: null, description: null });
    expect(only().body).toEqual({ messaging_product: "whatsapp", address: "", description: "", vertical: "UNDEFINED", websites: [] });
  });

  it("updateBusinessProfile with picture bytes: upload session, raw bytes with file_offset: 0, then profile_picture_handle", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    server.respondOnce({ method: "POST", path: "/v25.0/APP_ID/uploads" }, { status: 200, json: { id: "upload:MTphdHRhY2htZW50?sig=ARZ1" } });
    server.respondOnce({ method: "POST", path: "/v25.0/upload:MTphdHRhY2htZW50" }, { status: 200, json: { h: "4::aW1hZ2UvcG5n:ARZhandle" } });
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/whatsapp_business_profile` }, { status: 200, json: { success: true } });
    await updateBusinessProfile(client(), { profilePicture: new Blob([png], { type: "image/png" }), about: "with picture", appId: "APP_ID" });
    const [open, upload, profile] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect([open!.method, open!.path, open!.query]).toEqual(["POST", "/v25.0/APP_ID/uploads", { file_name: "profile.png", file_length: "12", file_type: "image/png" }]);
    expect([upload!.method, upload!.path, upload!.query]).toEqual(["POST", "/v25.0/upload:MTphdHRhY2htZW50", { sig: "ARZ1" }]);
    expect(upload!.headers.file_offset).toBe("0");
    expect(upload!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(upload!.headers["content-type"]).toBe("image/png");
    expect(upload!.rawSize).toBe(12);
    expect(profile!.body).toEqual({ messaging_product: "whatsapp", about: "with picture", profile_picture_handle: "4::aW1hZ2UvcG5n:ARZhandle" });
  });

  it("a picture given as an upload handle is sent as is; a URL is refused before any request", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/whatsapp_business_profile` }, { status: 200, json: { success: true } });
    await updateBusinessProfile(client(), { profilePicture: "4::aW1hZ2UvanBlZw==:ARZx" });
    expect(only().body).toEqual({ messaging_product: "whatsapp", profile_picture_handle: "4::aW1hZ2UvanBlZw==:ARZx" });
    server.clear();
    await expect(updateBusinessProfile(client(), { profilePicture: "https://example.com/p.jpg" })).rejects.toThrow(/fetch it and pass its bytes/);
    await expect(updateBusinessProfile(client(), {})).rejects.toThrow(/nothing to update/);
    expect(server.requests).toHaveLength(0);
  });

  it("a picture without an app id is a TypeError naming appId, before any request", async () => {
    await expect(updateBusinessProfile(client(), { profilePicture: new Uint8Array([1, 2, 3]) })).rejects.toThrow(/appId/);
    expect(server.requests).toHaveLength(0);
  });

  it("an invalid field is an InvalidParameter (code 131009)", async () => {
    server.respondWithError({ method: "POST", path: `/v25.0/${PHONE_ID}/whatsapp_business_profile` }, { status: 400, code: 131009, message: "Parameter value is not valid" });
    const error = await updateBusinessProfile(client(), { email: "not an email" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as WhatsAppError).statusCode).toBe(400);
  });
});

describe("display name, conversational automation, public key", () => {
  it("updateDisplayName: POST /{phone-id} {new_display_name, messaging_product}", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}` }, { status: 200, json: { success: true } });
    expect(await updateDisplayName(client(), { newDisplayName: "Acme Support" })).toEqual({ success: true });
    expect(sent()).toEqual({ method: "POST", path: `/v25.0/${PHONE_ID}`, query: {}, body: { new_display_name: "Acme Support", messaging_product: "whatsapp" } });
  });

  it("updateConversationalAutomation: enable_welcome_message, prompts, commands (an array, slash stripped)", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/conversational_automation` }, { status: 200, json: { success: true } });
    await updateConversationalAutomation(client(), {
      enableChatOpened: true,
      iceBreakers: ["Book a flight", "Plan a trip"],
      commands: [{ name: "/tickets", description: "Book tickets" }, { name: "help", description: "Get help" }],
    });
    expect(sent()).toEqual({
      method: "POST",
      path: `/v25.0/${PHONE_ID}/conversational_automation`,
      query: {},
      body: {
        enable_welcome_message: true,
        prompts: ["Book a flight", "Plan a trip"],
        commands: [{ command_name: "tickets", command_description: "Book tickets" }, { command_name: "help", command_description: "Get help" }],
      },
    });
    server.clear();
    server.respondOnce({ method: "POST", path: "/v25.0/999/conversational_automation" }, { status: 200, json: { success: true } });
    await updateConversationalAutomation(client(), { iceBreakers: [], phoneId: "999" });
    expect(sent()).toMatchObject({ path: "/v25.0/999/conversational_automation", body: { prompts: [] } });
  });

  it("setBusinessPublicKey: POST /{phone-id}/whatsapp_business_encryption {business_public_key}", async () => {
    const pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg...\n-----END PUBLIC KEY-----\n";
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/whatsapp_business_encryption` }, { status: 200, json: { success: true } });
    expect(await setBusinessPublicKey(client(), { publicKey: pem })).toEqual({ success: true });
    expect(sent()).toEqual({ method: "POST", path: `/v25.0/${PHONE_ID}/whatsapp_business_encryption`, query: {}, body: { business_public_key: pem } });
    server.clear();
    await expect(setBusinessPublicKey(client(), { publicKey: "not a key" })).rejects.toThrow(/PEM/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("phone number settings", () => {
  const wireCalling = {
    status: "ENABLED",
    call_icon_visibility: "DEFAULT",
    call_icons: { restrict_to_user_countries: ["US"] },
    call_hours: {
      status: "ENABLED",
      timezone_id: "Europe/Berlin",
      weekly_operating_hours: [{ day_of_week: "MONDAY", open_time: "0900", close_time: "1700" }],
      holiday_schedule: [{ date: "2026-12-25", start_time: "0000", end_time: "2359" }],
    },
    callback_permission_status: "ENABLED",
    srtp_key_exchange_protocol: "DTLS",
    sip: { status: "ENABLED", servers: [{ hostname: "sip.example.com", port: 5061, request_uri_user_params: { KEY: "v" } }] },
  };
  const calling = {
    status: "ENABLED",
    callIconVisibility: "DEFAULT",
    callIcons: { restrictToUserCountries: ["US"] },
    callHours: {
      status: "ENABLED",
      timezoneId: "Europe/Berlin",
      weeklyOperatingHours: [{ dayOfWeek: "MONDAY", openTime: "0900", closeTime: "1700" }],
      holidaySchedule: [{ date: "2026-12-25", startTime: "0000", endTime: "2359" }],
    },
    callbackPermissionStatus: "ENABLED",
    srtpKeyExchangeProtocol: "DTLS",
    sip: { status: "ENABLED", servers: [{ hostname: "sip.example.com", port: 5061, requestUriUserParams: { KEY: "v" } }] },
  };

  it("getBusinessPhoneNumberSettings: GET /{phone-id}/settings?fields=…[&include_sip_credentials=true]", async () => {
    server.respondOnce({ method: "GET", path: `/v25.0/${PHONE_ID}/settings` }, {
      status: 200,
      json: {
        calling: { ...wireCalling, sip: { status: "ENABLED", servers: [{ hostname: "sip.example.com", port: 5061, request_uri_user_params: { KEY: "v" }, sip_user_password: "pw", app_id: 42 }] } },
        storage_configuration: { status: "ENABLED", data_localization_region: "DE" },
        user_identity_change: { enable_identity_key_check: true },
      },
    });
    const settings = await getBusinessPhoneNumberSettings(client(), { includeSipCredentials: true });
    expect(sent()).toEqual({
      method: "GET",
      path: `/v25.0/${PHONE_ID}/settings`,
      query: { fields: "calling,storage_configuration,user_identity_change", include_sip_credentials: "true" },
      body: undefined,
    });
    expect(settings.calling).toEqual({ ...calling, sip: { status: "ENABLED", servers: [{ ...calling.sip.servers[0], sipUserPassword: "pw", appId: "42" }] } });
    expect(settings.storageConfiguration).toEqual({ status: "ENABLED", dataLocalizationRegion: "DE" });
    expect(settings.userIdentityChange).toEqual({ enableIdentityKeyCheck: true });

    server.clear();
    server.respondOnce({ method: "GET", path: `/v25.0/${PHONE_ID}/settings` }, { status: 200, json: {} });
    const empty = await getBusinessPhoneNumberSettings(client());
    expect(only().query).toEqual({ fields: "calling,storage_configuration,user_identity_change" });
    expect([empty.calling, empty.storageConfiguration, empty.userIdentityChange]).toEqual([undefined, undefined, undefined]);
  });

  it("updateBusinessPhoneNumberSettings: POST /{phone-id}/settings with the settings given, snake_cased", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/settings` }, { status: 200, json: { success: true } });
    const result = await updateBusinessPhoneNumberSettings(client(), {
      calling,
      storageConfiguration: { status: "ENABLED", dataLocalizationRegion: "DE", retentionMinutes: 60 },
      userIdentityChange: { enableIdentityKeyCheck: false },
    });
    expect(result).toEqual({ success: true });
    expect(sent()).toEqual({
      method: "POST",
      path: `/v25.0/${PHONE_ID}/settings`,
      query: {},
      body: {
        calling: wireCalling,
        storage_configuration: { status: "ENABLED", data_localization_region: "DE", retention_minutes: 60 },
        user_identity_change: { enable_identity_key_check: false },
      },
    });
    server.clear();
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/settings` }, { status: 200, json: { success: true } });
    await updateBusinessPhoneNumberSettings(client(), { calling: { status: "DISABLED" } });
    expect(only().body).toEqual({ calling: { status: "DISABLED" } });
    server.clear();
    await expect(updateBusinessPhoneNumberSettings(client(), {})).rejects.toThrow(/at least one/);
    expect(server.requests).toHaveLength(0);
  });

  it("a permission error is an APIPermission (code 200)", async () => {
    server.respondWithError({ method: "POST", path: `/v25.0/${PHONE_ID}/settings` }, { status: 403, code: 200, message: "Permissions error" });
    await expect(updateBusinessPhoneNumberSettings(client(), { calling: { status: "ENABLED" } })).rejects.toBeInstanceOf(APIPermission);
  });
});

describe("phone numbers", () => {
  const number = (id: string) => ({
    id, verified_name: `Name ${id}`, display_phone_number: "+1 555-000-1111", quality_rating: "GREEN", status: "CONNECTED",
    throughput: { level: "STANDARD" }, is_pin_enabled: true, platform_type: "CLOUD_API", country_dial_code: "1",
    conversational_automation: { id, enable_welcome_message: true, prompts: ["Hi"], commands: [{ command_name: "help", command_description: "Help" }] },
  });

  it("getBusinessPhoneNumber: GET /{phone-id}?fields=<pywa's list>, camelCased", async () => {
    server.respondOnce({ method: "GET", path: `/v25.0/${PHONE_ID}` }, { status: 200, json: number(PHONE_ID) });
    const phone = await getBusinessPhoneNumber(client());
    expect(sent()).toEqual({ method: "GET", path: `/v25.0/${PHONE_ID}`, query: { fields: PHONE_FIELDS }, body: undefined });
    expect(phone).toMatchObject({
      id: PHONE_ID, verifiedName: `Name ${PHONE_ID}`, displayPhoneNumber: "+1 555-000-1111", qualityRating: "GREEN", status: "CONNECTED",
      throughput: { level: "STANDARD" }, isPinEnabled: true, platformType: "CLOUD_API", countryDialCode: "1",
      conversationalAutomation: { id: PHONE_ID, chatOpenedEnabled: true, iceBreakers: ["Hi"], commands: [{ name: "help", description: "Help" }] },
    });
  });

  it("getBusinessPhoneNumbers: GET /{waba-id}/phone_numbers, three pages", async () => {
    threePages("/WABA_ID/phone_numbers", [[number("1"), number("2")], [number("3"), number("4")], [number("5")]]);
    const first = await getBusinessPhoneNumbers(client(), { limit: 2 });
    expect(first.data.map((p) => p.id)).toEqual(["1", "2"]);
    expect([first.before, first.after, first.hasNext]).toEqual(["b1", "c1", true]);
    expect((await first.all()).map((p) => p.id)).toEqual(["1", "2", "3", "4", "5"]);
    const [r1, r2, r3] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect([r1!.method, r1!.path, r1!.query]).toEqual(["GET", "/v25.0/WABA_ID/phone_numbers", { fields: PHONE_FIELDS, limit: "2" }]);
    expect(r2!.query).toEqual({ limit: "2", after: "c1" });
    expect(r3!.query).toEqual({ limit: "2", after: "c2" });
    for (const r of server.requests) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("registerPhoneNumber: POST /{phone-id}/register {messaging_product, pin, data_localization_region}", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/register` }, { status: 200, json: { success: true } });
    expect(await registerPhoneNumber(client(), { pin: 123456, dataLocalizationRegion: "DE" })).toEqual({ success: true });
    expect(sent()).toEqual({ method: "POST", path: `/v25.0/${PHONE_ID}/register`, query: {}, body: { messaging_product: "whatsapp", pin: "123456", data_localization_region: "DE" } });
    server.clear();
    await expect(registerPhoneNumber(client(), { pin: "12-34" })).rejects.toThrow(/6 digits/);
    expect(server.requests).toHaveLength(0);
  });

  it("deregisterPhoneNumber: POST /{phone-id}/deregister, no body", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/555/deregister" }, { status: 200, json: { success: true } });
    expect(await deregisterPhoneNumber(client(), { phoneId: "555" })).toEqual({ success: true });
    expect(sent()).toEqual({ method: "POST", path: "/v25.0/555/deregister", query: {}, body: undefined });
    expect(only().rawSize).toBe(0);
  });

  it("registration errors are typed: 133016 RegistrationOrDeregistrationFailed, 2388091 PhoneNumberNotEligibleForRegistrationCode", async () => {
    server.respondWithError({ method: "POST", path: `/v25.0/${PHONE_ID}/register` }, { status: 400, code: 133016, message: "Account register deregister rate limit exceeded" });
    await expect(registerPhoneNumber(client(), { pin: "123456" })).rejects.toBeInstanceOf(RegistrationOrDeregistrationFailed);
    server.respondWithError({ method: "POST", path: `/v25.0/${PHONE_ID}/deregister` }, { status: 400, code: 2388091, message: "Not eligible" });
    await expect(deregisterPhoneNumber(client())).rejects.toBeInstanceOf(PhoneNumberNotEligibleForRegistrationCode);
  });
});

describe("commerce settings", () => {
  it("getCommerceSettings: GET /{phone-id}/whatsapp_commerce_settings?fields=…, data[0]", async () => {
    server.respondOnce({ method: "GET", path: `/v25.0/${PHONE_ID}/whatsapp_commerce_settings` }, {
      status: 200,
      json: { data: [{ id: "727705352028726", catalog_id: "CAT1", is_catalog_visible: true, is_cart_enabled: false }] },
    });
    const settings = await getCommerceSettings(client());
    expect(sent()).toEqual({
      method: "GET",
      path: `/v25.0/${PHONE_ID}/whatsapp_commerce_settings`,
      query: { fields: "catalog_id,is_catalog_visible,is_cart_enabled" },
      body: undefined,
    });
    expect(settings).toMatchObject({ catalogId: "CAT1", isCatalogVisible: true, isCartEnabled: false, id: "727705352028726" });
  });

  it("updateCommerceSettings: POST with query parameters only, no body", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/whatsapp_commerce_settings` }, { status: 200, json: { success: true } });
    expect(await updateCommerceSettings(client(), { isCartEnabled: false, isCatalogVisible: true })).toEqual({ success: true });
    expect(sent()).toEqual({
      method: "POST",
      path: `/v25.0/${PHONE_ID}/whatsapp_commerce_settings`,
      query: { is_cart_enabled: "false", is_catalog_visible: "true" },
      body: undefined,
    });
    server.clear();
    await expect(updateCommerceSettings(client(), {})).rejects.toThrow(/isCatalogVisible/);
    expect(server.requests).toHaveLength(0);
  });

  it("an unknown code stays a plain WhatsAppError with its code", async () => {
    server.respondWithError({ method: "GET", path: `/v25.0/${PHONE_ID}/whatsapp_commerce_settings` }, { status: 400, code: 33, message: "Unsupported get request" });
    const error = await getCommerceSettings(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect((error as WhatsAppError).code).toBe(33);
  });
});
