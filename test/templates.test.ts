import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  APIPermission,
  AuthorizationError,
  ExpiredAccessToken,
  PermissionDenied,
  TemplateBodyFormatIncorrect,
  TemplateCharacterLimitExceeded,
  TemplateCreationError,
  TemplateFooterFormatIncorrect,
  TemplateLeadingOrTrailingParametersNotAllowed,
  TemplateLimitExceeded,
  TemplateParametersWordsRatioExceedsLimit,
  ThrottlingError,
  ToManyAPICalls,
  WhatsApp,
  WhatsAppError,
  type TemplateComponentParams,
} from "@edgewa/core";
import {
  authenticationBody,
  authenticationFooter,
  bodyText,
  carouselCard,
  catalogButton,
  copyCodeButton,
  copyCodeOtpButton,
  defineTemplate,
  flowButton,
  footerText,
  headerDocument,
  headerGif,
  headerImage,
  headerLocation,
  headerProduct,
  headerText,
  headerVideo,
  limitedTimeOffer,
  mpmButton,
  oneTapOtpButton,
  phoneNumberButton,
  quickReplyButton,
  spmButton,
  templateFromDetails,
  urlButton,
  voiceCallButton,
  zeroTapOtpButton,
  type LibraryTemplate,
} from "../packages/core/src/templates/index.ts";
import {
  compareTemplates,
  createTemplate,
  deleteTemplate,
  getTemplate,
  getTemplates,
  migrateTemplates,
  templatesSummary,
  unpauseTemplate,
  updateTemplate,
  upsertAuthenticationTemplate,
} from "../packages/core/src/client/templates/index.ts";
import { startGraphServer, type GraphErrorSpec, type GraphServer, type RecordedRequest } from "./support/graph-server.ts";

const TOKEN = "test-token";
const V = "/v25.0";
const HANDLE = "4::aW1hZ2UvanBlZw==:ARZexamplehandle";

let server: GraphServer;
let wa: WhatsApp;
beforeAll(async () => {
  server = await startGraphServer({ token: TOKEN });
  wa = new WhatsApp({
    phoneId: "1234567890",
    wabaId: "WABA_ID",
    token: TOKEN,
    graphUrl: server.url,
    logger: { debug() {}, warn() {}, error() {} },
    retry: { maxAttempts: 1 },
  });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

function answer(method: string, path: string, json: unknown): void {
  server.respondOnce({ method, path: `${V}${path}` }, { status: 200, json });
}

/** The parts of a recorded request a test asserts. */
function shape(r: RecordedRequest | undefined): { method: string; path: string; query: Record<string, string>; body: unknown } {
  return { method: r!.method, path: r!.path, query: r!.query, body: r!.body };
}

// ── The model → Meta's creation JSON ─────────────────────────────────────────
// Expected objects follow the examples of Meta's template docs (components,
// authentication, limited-time offer, carousel, catalog, MPM, flows pages).

describe("serialization of every component kind", () => {
  it("text header (named) and body (named), footer, quick replies: NAMED inferred", () => {
    const t = defineTemplate({
      name: "order_confirmation",
      language: "en_US",
      category: "UTILITY",
      header: headerText("Our new sale starts {{sale_start_date}}!", { sale_start_date: "December 1st" }),
      body: bodyText("Thank you, {{first_name}}! Your order number is {{order_number}}.", { first_name: "Pablo", order_number: "860198-230332" }),
      footer: footerText("Lucky Shrub: Your gateway to succulents"),
      buttons: [quickReplyButton("Unsubscribe from Promos"), quickReplyButton("Unsubscribe from All")],
    });
    expect(t.toJSON()).toEqual({
      name: "order_confirmation",
      language: "en_US",
      category: "UTILITY",
      parameter_format: "NAMED",
      components: [
        {
          type: "HEADER",
          format: "TEXT",
          text: "Our new sale starts {{sale_start_date}}!",
          example: { header_text_named_params: [{ param_name: "sale_start_date", example: "December 1st" }] },
        },
        {
          type: "BODY",
          text: "Thank you, {{first_name}}! Your order number is {{order_number}}.",
          example: {
            body_text_named_params: [
              { param_name: "first_name", example: "Pablo" },
              { param_name: "order_number", example: "860198-230332" },
            ],
          },
        },
        { type: "FOOTER", text: "Lucky Shrub: Your gateway to succulents" },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "Unsubscribe from Promos" },
            { type: "QUICK_REPLY", text: "Unsubscribe from All" },
          ],
        },
      ],
    });
  });

  it("positional header and body (array or keyed examples): no parameter_format sent", () => {
    const t = defineTemplate({
      name: "seasonal_promotion",
      language: "en_US",
      category: "MARKETING",
      header: headerText("Our {{1}} is on!", ["Summer Sale"]),
      body: bodyText("Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.", { 1: "the end of August", 2: "25OFF", 3: "25%" }),
      footer: "Use the buttons below to manage your marketing subscriptions",
    });
    expect(t.parameterFormat).toBeUndefined();
    expect(t.toJSON().components).toEqual([
      { type: "HEADER", format: "TEXT", text: "Our {{1}} is on!", example: { header_text: ["Summer Sale"] } },
      {
        type: "BODY",
        text: "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.",
        example: { body_text: [["the end of August", "25OFF", "25%"]] },
      },
      { type: "FOOTER", text: "Use the buttons below to manage your marketing subscriptions" },
    ]);
  });

  it("media headers by file handle, location and product headers", () => {
    const body = "Body";
    const json = (header: Parameters<typeof defineTemplate>[0]["header"]) =>
      defineTemplate({ name: "t", language: "en", category: "UTILITY", header, body }).toJSON().components as unknown[];
    expect(json(headerImage(HANDLE))[0]).toEqual({ type: "HEADER", format: "IMAGE", example: { header_handle: [HANDLE] } });
    expect(json(headerVideo(HANDLE))[0]).toEqual({ type: "HEADER", format: "VIDEO", example: { header_handle: [HANDLE] } });
    expect(json(headerGif(HANDLE))[0]).toEqual({ type: "HEADER", format: "GIF", example: { header_handle: [HANDLE] } });
    expect(json(headerDocument(HANDLE))[0]).toEqual({ type: "HEADER", format: "DOCUMENT", example: { header_handle: [HANDLE] } });
    expect(json(headerLocation())[0]).toEqual({ type: "HEADER", format: "LOCATION" });
    expect(json(headerProduct())[0]).toEqual({ type: "HEADER", format: "PRODUCT" });
  });

  it("a media sample that is not a handle yet cannot be serialized without the upload", () => {
    const t = defineTemplate({ name: "t", language: "en", category: "MARKETING", header: headerImage(new Uint8Array([1])), body: "Hi" });
    expect(() => t.toJSON()).toThrow(/not uploaded yet/);
    expect(t.toJSON(() => "2:given")).toMatchObject({ components: [{ example: { header_handle: ["2:given"] } }, { type: "BODY" }] });
  });

  it("URL (static, dynamic suffix, app deep link), phone number, copy code, voice call buttons", () => {
    const t = defineTemplate({
      name: "buttons",
      language: "en_US",
      category: "MARKETING",
      body: "Body",
      buttons: [
        urlButton("Shop Now", "https://www.luckyshrub.com/shop/"),
        urlButton("Track", "https://www.luckyshrub.com/track?order={{1}}", { example: "https://www.luckyshrub.com/track?order=12345" }),
        urlButton("Open app", "https://www.luckyshrub.com/app", {
          appDeepLink: { metaAppId: "1234", androidDeepLink: "luckyshrub://open", androidFallbackPlaystoreUrl: "https://play.google.com/store/apps/details?id=shrub" },
        }),
        phoneNumberButton("Call", "15550051310"),
        copyCodeButton("250FF"),
        voiceCallButton("Call on WhatsApp"),
      ],
    });
    expect(t.toJSON().components).toEqual([
      { type: "BODY", text: "Body" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "URL", text: "Shop Now", url: "https://www.luckyshrub.com/shop/" },
          { type: "URL", text: "Track", url: "https://www.luckyshrub.com/track?order={{1}}", example: ["https://www.luckyshrub.com/track?order=12345"] },
          {
            type: "URL",
            text: "Open app",
            url: "https://www.luckyshrub.com/app",
            app_deep_link: { meta_app_id: "1234", android_deep_link: "luckyshrub://open", android_fallback_playstore_url: "https://play.google.com/store/apps/details?id=shrub" },
          },
          { type: "PHONE_NUMBER", text: "Call", phone_number: "15550051310" },
          { type: "COPY_CODE", example: "250FF" },
          { type: "VOICE_CALL", text: "Call on WhatsApp" },
        ],
      },
    ]);
  });

  it("flow buttons by id, name or inline JSON", () => {
    const flowJson = { version: "7.2", screens: [{ id: "WELCOME", layout: { type: "SingleColumnLayout", children: [] }, terminal: true }] };
    const t = defineTemplate({
      name: "flow_tpl",
      language: "en_US",
      category: "MARKETING",
      body: "This is a flows as template demo",
      buttons: [
        flowButton({ text: "Open flow!", flowId: "1234567890", navigateScreen: "WELCOME", flowAction: "navigate", icon: "PROMOTION" }),
        flowButton({ text: "By name", flowName: "signup_flow", flowAction: "data_exchange" }),
        flowButton({ text: "Inline", flowJson }),
      ],
    });
    expect(t.toJSON().components).toEqual([
      { type: "BODY", text: "This is a flows as template demo" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "FLOW", text: "Open flow!", flow_id: "1234567890", navigate_screen: "WELCOME", flow_action: "navigate", icon: "PROMOTION" },
          { type: "FLOW", text: "By name", flow_name: "signup_flow", flow_action: "data_exchange" },
          { type: "FLOW", text: "Inline", flow_json: JSON.stringify(flowJson) },
        ],
      },
    ]);
  });

  it("catalog, multi-product and single-product (with a product header) buttons", () => {
    const components = (buttons: Parameters<typeof defineTemplate>[0]["buttons"], header?: ReturnType<typeof headerProduct> | string) =>
      defineTemplate({ name: "c", language: "en_US", category: "MARKETING", ...(header ? { header } : {}), body: "Now shop for your favourite products right here on WhatsApp!", buttons }).toJSON()
        .components as unknown[];
    expect(components([catalogButton("View catalog")])[1]).toEqual({ type: "BUTTONS", buttons: [{ type: "CATALOG", text: "View catalog" }] });
    expect(components([mpmButton("View items")], "Forget something, {{1}}?".replace("{{1}}", "Pablo"))).toEqual([
      { type: "HEADER", format: "TEXT", text: "Forget something, Pablo?" },
      { type: "BODY", text: "Now shop for your favourite products right here on WhatsApp!" },
      { type: "BUTTONS", buttons: [{ type: "MPM", text: "View items" }] },
    ]);
    expect(components([spmButton("View")], headerProduct())).toEqual([
      { type: "HEADER", format: "PRODUCT" },
      { type: "BODY", text: "Now shop for your favourite products right here on WhatsApp!" },
      { type: "BUTTONS", buttons: [{ type: "SPM", text: "View" }] },
    ]);
  });

  it("authentication templates: security recommendation, expiry, and the three OTP buttons", () => {
    const apps = [{ packageName: "com.example.luckyshrub", signatureHash: "K8a/AINcGX7" }];
    const auth = (button: ReturnType<typeof copyCodeOtpButton>) =>
      defineTemplate({
        name: "authentication_code",
        language: "en_US",
        category: "AUTHENTICATION",
        body: authenticationBody({ addSecurityRecommendation: true }),
        footer: authenticationFooter({ codeExpirationMinutes: 10 }),
        buttons: [button],
      }).toJSON();
    expect(auth(oneTapOtpButton({ text: "Copy Code", autofillText: "Autofill", supportedApps: apps }))).toEqual({
      name: "authentication_code",
      language: "en_US",
      category: "AUTHENTICATION",
      components: [
        { type: "BODY", add_security_recommendation: true },
        { type: "FOOTER", code_expiration_minutes: 10 },
        {
          type: "BUTTONS",
          buttons: [
            {
              type: "OTP",
              otp_type: "ONE_TAP",
              text: "Copy Code",
              autofill_text: "Autofill",
              supported_apps: [{ package_name: "com.example.luckyshrub", signature_hash: "K8a/AINcGX7" }],
            },
          ],
        },
      ],
    });
    expect((auth(zeroTapOtpButton({ supportedApps: apps, zeroTapTermsAccepted: true })).components as unknown[])[2]).toEqual({
      type: "BUTTONS",
      buttons: [
        { type: "OTP", otp_type: "ZERO_TAP", zero_tap_terms_accepted: true, supported_apps: [{ package_name: "com.example.luckyshrub", signature_hash: "K8a/AINcGX7" }] },
      ],
    });
    expect((auth(copyCodeOtpButton({ text: "Copy Code" })).components as unknown[])[2]).toEqual({
      type: "BUTTONS",
      buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy Code" }],
    });
  });

  it("limited-time offer with copy code and URL buttons", () => {
    const t = defineTemplate({
      name: "limited_time_offer_caribbean_pkg_2023",
      language: "en_US",
      category: "MARKETING",
      header: headerImage(HANDLE),
      limitedTimeOffer: limitedTimeOffer("Expiring offer!", { hasExpiration: true }),
      body: bodyText("Good news, {{1}}! Use code {{2}} to get 25% off all Caribbean Destination packages!", ["Pablo", "CARIBE25"]),
      buttons: [copyCodeButton("CARIBE25"), urlButton("Book now!", "https://awesomedestinations.com/offers?code={{1}}", { example: "https://awesomedestinations.com/offers?ref=n3mtql" })],
    });
    expect(t.toJSON().components).toEqual([
      { type: "HEADER", format: "IMAGE", example: { header_handle: [HANDLE] } },
      { type: "LIMITED_TIME_OFFER", limited_time_offer: { text: "Expiring offer!", has_expiration: true } },
      {
        type: "BODY",
        text: "Good news, {{1}}! Use code {{2}} to get 25% off all Caribbean Destination packages!",
        example: { body_text: [["Pablo", "CARIBE25"]] },
      },
      {
        type: "BUTTONS",
        buttons: [
          { type: "COPY_CODE", example: "CARIBE25" },
          { type: "URL", text: "Book now!", url: "https://awesomedestinations.com/offers?code={{1}}", example: ["https://awesomedestinations.com/offers?ref=n3mtql"] },
        ],
      },
    ]);
  });

  it("media card carousel, and the call permission request component", () => {
    const card = (handle: string) =>
      carouselCard({
        header: headerImage(handle),
        body: bodyText("Add a touch of elegance with {{1}}.", ["Aloe Vera"]),
        buttons: [quickReplyButton("Send more like this"), urlButton("Buy now", "https://www.luckyshrub.com/shop?promo={{1}}", { example: "https://www.luckyshrub.com/shop?promo=aloe" })],
      });
    const t = defineTemplate({
      name: "summer_carousel",
      language: "en_US",
      category: "MARKETING",
      body: bodyText("Summer is here, and we have the freshest produce around! Use code {{1}} to get {{2}} off your next order.", ["15OFF", "15%"]),
      carousel: [card("4::a"), card("4::b")],
    });
    const cardJson = (handle: string) => ({
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: [handle] } },
        { type: "BODY", text: "Add a touch of elegance with {{1}}.", example: { body_text: [["Aloe Vera"]] } },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "Send more like this" },
            { type: "URL", text: "Buy now", url: "https://www.luckyshrub.com/shop?promo={{1}}", example: ["https://www.luckyshrub.com/shop?promo=aloe"] },
          ],
        },
      ],
    });
    expect(t.toJSON().components).toEqual([
      {
        type: "BODY",
        text: "Summer is here, and we have the freshest produce around! Use code {{1}} to get {{2}} off your next order.",
        example: { body_text: [["15OFF", "15%"]] },
      },
      { type: "CAROUSEL", cards: [cardJson("4::a"), cardJson("4::b")] },
    ]);
    const cpr = defineTemplate({ name: "call_me", language: "en_US", category: "UTILITY", body: "We would like to call you about your order.", callPermissionRequest: true });
    expect(cpr.toJSON().components).toEqual([{ type: "BODY", text: "We would like to call you about your order." }, { type: "CALL_PERMISSION_REQUEST" }]);
  });

  it("template-level options: explicit parameter format, TTL, sub-category, creative features", () => {
    const t = defineTemplate({
      name: "opts",
      language: "en_US",
      category: "MARKETING",
      parameterFormat: "POSITIONAL",
      messageSendTtlSeconds: 3600,
      subCategory: "ORDER_STATUS",
      ctaUrlLinkTrackingOptedOut: true,
      degreesOfFreedomSpec: { creativeFeaturesSpec: { image_touchups: true, add_text_overlay: false } },
      body: "Hello",
    });
    expect(t.toJSON()).toEqual({
      name: "opts",
      language: "en_US",
      category: "MARKETING",
      parameter_format: "POSITIONAL",
      message_send_ttl_seconds: 3600,
      sub_category: "ORDER_STATUS",
      cta_url_link_tracking_opted_out: true,
      degrees_of_freedom_spec: { creative_features_spec: { image_touchups: { enroll_status: "OPT_IN" }, add_text_overlay: { enroll_status: "OPT_OUT" } } },
      components: [{ type: "BODY", text: "Hello" }],
    });
  });
});

// ── The typed parameter side ─────────────────────────────────────────────────

describe("typed params", () => {
  const order = defineTemplate({
    name: "order_update",
    language: "en_US",
    category: "UTILITY",
    header: headerImage(HANDLE),
    body: "Hi {{name}}, order {{order_id}} ships today.",
    buttons: [quickReplyButton("Stop"), urlButton("Track", "https://shop.example/t/{{1}}", { example: "https://shop.example/t/42" })],
  });

  it("the compiler catches a missing or misspelled value", () => {
    // Every call below is also a run-time TypeError.
    // @ts-expect-error: order_id is missing from body
    expect(() => order.params({ header: "https://cdn.example/box.jpg", body: { name: "Dana" }, buttons: { 1: "42" } })).toThrow(/missing body value for \{\{order_id\}\}/);
    // @ts-expect-error: the header image is required
    expect(() => order.params({ body: { name: "Dana", order_id: "42" }, buttons: { 1: "42" } })).toThrow(/missing header/);
    // @ts-expect-error: the URL suffix of button 1 is required
    expect(() => order.params({ header: "https://cdn.example/box.jpg", body: { name: "Dana", order_id: "42" } })).toThrow(/missing buttons\[1\]/);
    // @ts-expect-error: "ordre_id" is not a variable of the body
    expect(() => order.params({ header: "https://cdn.example/box.jpg", body: { name: "Dana", order_id: "42", ordre_id: "x" }, buttons: { 1: "42" } })).toThrow(/unexpected body value ordre_id/);
    // @ts-expect-error: button 0 takes a payload string, button 2 does not exist
    expect(() => order.params({ header: "x", body: { name: "a", order_id: "b" }, buttons: { 1: "42", 2: "no" } })).toThrow(/buttons\[2\] given/);

    const positional = defineTemplate({ name: "p", language: "en", body: "Hi {{1}}, your code is {{2}}" });
    // @ts-expect-error: two values are needed
    expect(() => positional.params({ body: ["Dana"] })).toThrow(/missing body value for \{\{2\}\}/);
    const login = defineTemplate({ name: "login", language: "en_US", body: authenticationBody(), buttons: [copyCodeOtpButton()] });
    // @ts-expect-error: an authentication template needs the code
    expect(() => login.params()).toThrow(/missing otp/);
    const plain = defineTemplate({ name: "hello_world", language: "en_US", body: "Hello World" });
    expect(plain.params()).toEqual([]);
  });

  it("builds the components Meta expects, named and positional, and they go out as Meta's JSON", async () => {
    const components = order.params({
      header: "https://cdn.example/box.jpg",
      body: { name: "Dana", order_id: 42 },
      buttons: { 0: "stop-42", 1: "42" },
    });
    expect(components).toEqual<TemplateComponentParams[]>([
      { type: "header", parameters: [{ type: "image", image: "https://cdn.example/box.jpg" }] },
      {
        type: "body",
        parameters: [
          { type: "text", text: "Dana", parameterName: "name" },
          { type: "text", text: "42", parameterName: "order_id" },
        ],
      },
      { type: "button", subType: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "stop-42" }] },
      { type: "button", subType: "url", index: 1, parameters: [{ type: "text", text: "42" }] },
    ]);

    server.respondOnce({ method: "POST", path: `${V}/1234567890/messages` }, { status: 200, json: { messaging_product: "whatsapp", contacts: [{ input: "15550001111", wa_id: "15550001111" }], messages: [{ id: "wamid.X", message_status: "accepted" }] } });
    await wa.sendTemplate({ to: "15550001111", ...order.message({ header: { media: "https://cdn.example/box.jpg" }, body: { name: "Dana", order_id: "42" }, buttons: { 1: "42" } }) });
    expect(server.requests[0]!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "15550001111",
      type: "template",
      template: {
        name: "order_update",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { link: "https://cdn.example/box.jpg" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Dana", parameter_name: "name" },
              { type: "text", text: "42", parameter_name: "order_id" },
            ],
          },
          { type: "button", sub_type: "url", index: 1, parameters: [{ type: "text", text: "42" }] },
        ],
      },
    });
  });

  it("positional values (tuple or keyed), currency and date-time, location and document headers", () => {
    const receipt = defineTemplate({
      name: "receipt",
      language: "en_US",
      header: headerDocument(),
      body: "Hi {{1}}, you paid {{2}} on {{3}}.",
    });
    expect(
      receipt.params({
        header: { media: "https://cdn.example/r.pdf", filename: "receipt.pdf" },
        body: ["Dana", { type: "currency", currency: { fallbackValue: "$12.99", code: "USD", amount1000: 12990 } }, { type: "date_time", dateTime: { fallbackValue: "May 1, 2026" } }],
      }),
    ).toEqual([
      { type: "header", parameters: [{ type: "document", document: "https://cdn.example/r.pdf", filename: "receipt.pdf" }] },
      {
        type: "body",
        parameters: [
          { type: "text", text: "Dana" },
          { type: "currency", currency: { fallbackValue: "$12.99", code: "USD", amount1000: 12990 } },
          { type: "date_time", dateTime: { fallbackValue: "May 1, 2026" } },
        ],
      },
    ]);
    expect(receipt.params({ header: "MEDIA_ID", body: { 1: "a", 2: "b", 3: "c" } })[1]).toEqual({
      type: "body",
      parameters: [{ type: "text", text: "a" }, { type: "text", text: "b" }, { type: "text", text: "c" }],
    });
    const shop = defineTemplate({ name: "shop", language: "en", header: headerLocation(), body: "Visit us" });
    expect(shop.params({ header: { latitude: 37.48, longitude: -122.14, name: "Lucky Shrub", address: "1 Hacker Way" } })).toEqual([
      { type: "header", parameters: [{ type: "location", location: { latitude: 37.48, longitude: -122.14, name: "Lucky Shrub", address: "1 Hacker Way" } }] },
    ]);
  });

  it("authentication: the code fills the body and the OTP button", () => {
    const login = defineTemplate({
      name: "login",
      language: "en_US",
      category: "AUTHENTICATION",
      body: authenticationBody({ addSecurityRecommendation: true }),
      buttons: [oneTapOtpButton({ supportedApps: [{ packageName: "com.example", signatureHash: "K8a/AINcGX7" }] })],
    });
    expect(login.params({ otp: "123456" })).toEqual([
      { type: "body", parameters: [{ type: "text", text: "123456" }] },
      { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "123456" }] },
    ]);
  });

  it("limited-time offer (milliseconds), copy code, flow, catalog, MPM, carousel, extra", () => {
    const offer = defineTemplate({
      name: "offer",
      language: "en_US",
      limitedTimeOffer: limitedTimeOffer("Expiring offer!", { hasExpiration: true }),
      body: "Use the code below",
      buttons: [copyCodeButton("CARIBE25"), flowButton({ text: "Open", flowId: "1" }), catalogButton("View catalog"), mpmButton("View items")],
    });
    const expires = new Date("2026-06-01T00:00:00Z");
    const sections = [{ title: "Popular", productItems: [{ productRetailerId: "SKU1" }] }];
    // @ts-expect-error: the offer's expiration and the MPM products are required
    expect(() => offer.params({ buttons: { 0: "CARIBE25" } })).toThrow(/limitedTimeOffer.*missing buttons\[3\]/);
    expect(
      offer.params({
        limitedTimeOffer: { expirationTime: expires },
        buttons: { 0: "CARIBE25", 1: { flowToken: "tok", flowActionData: { a: 1 } }, 2: "SKU9", 3: { thumbnailProductRetailerId: "SKU1", sections } },
        extra: [{ type: "tap_target_configuration", parameters: [{ type: "tap_target_configuration", tapTargetConfiguration: [{ url: "https://x.example", title: "Go" }] }] }],
      }),
    ).toEqual([
      { type: "limited_time_offer", parameters: [{ type: "limited_time_offer", limitedTimeOffer: { expirationTimeMs: expires.getTime() } }] },
      { type: "button", subType: "copy_code", index: 0, parameters: [{ type: "coupon_code", couponCode: "CARIBE25" }] },
      { type: "button", subType: "flow", index: 1, parameters: [{ type: "action", action: { flowToken: "tok", flowActionData: { a: 1 } } }] },
      { type: "button", subType: "catalog", index: 2, parameters: [{ type: "action", action: { thumbnailProductRetailerId: "SKU9" } }] },
      { type: "button", subType: "mpm", index: 3, parameters: [{ type: "action", action: { thumbnailProductRetailerId: "SKU1", sections } }] },
      { type: "tap_target_configuration", parameters: [{ type: "tap_target_configuration", tapTargetConfiguration: [{ url: "https://x.example", title: "Go" }] }] },
    ]);

    const carousel = defineTemplate({
      name: "carousel",
      language: "en_US",
      body: "Summer picks",
      carousel: [
        carouselCard({ header: headerImage(), body: "Try {{1}}", buttons: [urlButton("Buy", "https://x.example/{{1}}")] }),
        carouselCard({ header: headerImage(), body: "Try {{1}}", buttons: [urlButton("Buy", "https://x.example/{{1}}")] }),
      ],
    });
    // @ts-expect-error: the second card's values are missing
    expect(() => carousel.params({ carousel: [{ header: "https://x.example/1.jpg", body: ["Aloe"], buttons: { 0: "aloe" } }] })).toThrow(/2 cards, got values for 1/);
    expect(
      carousel.params({
        carousel: [
          { header: "https://x.example/1.jpg", body: ["Aloe"], buttons: { 0: "aloe" } },
          { header: "https://x.example/2.jpg", body: ["Cactus"], buttons: { 0: "cactus" } },
        ],
      }),
    ).toEqual([
      {
        type: "carousel",
        cards: [1, 2].map((n, cardIndex) => ({
          cardIndex,
          components: [
            { type: "header", parameters: [{ type: "image", image: `https://x.example/${n}.jpg` }] },
            { type: "body", parameters: [{ type: "text", text: n === 1 ? "Aloe" : "Cactus" }] },
            { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: n === 1 ? "aloe" : "cactus" }] },
          ],
        })),
      },
    ]);
  });
});

// ── Management calls over the local Graph API server ─────────────────────────

describe("createTemplate", () => {
  const promo = defineTemplate({
    name: "order_update",
    language: "en_US",
    category: "UTILITY",
    body: bodyText("Hi {{name}}, order {{order_id}} ships today.", { name: "Dana", order_id: "42" }),
    footer: "Thanks for shopping",
  });

  it("posts the definition to /{waba}/message_templates and reads { id, status, category }", async () => {
    answer("POST", "/WABA_ID/message_templates", { id: "594425479261596", status: "PENDING", category: "UTILITY" });
    const created = await createTemplate(wa, { template: promo });
    expect(created).toMatchObject({ id: "594425479261596", status: "PENDING", category: "UTILITY" });
    expect(server.requests).toHaveLength(1);
    expect(shape(server.requests[0])).toEqual({
      method: "POST",
      path: `${V}/WABA_ID/message_templates`,
      query: {},
      body: promo.toJSON(),
    });
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
  });

  it("the README's definition (media header, named body, footer, quick reply + URL buttons) goes through wa.createTemplate", async () => {
    // A definition whose values are required is not a TemplateDefinition<TemplateSpec>
    // (its params take exactly its own values): createTemplate must take it anyway.
    const orderUpdate = defineTemplate({
      name: "order_update",
      language: "en_US",
      category: "UTILITY",
      header: headerImage(new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" })),
      body: bodyText("Hi {{name}}, order {{order_id}} ships today.", { name: "Dana", order_id: "42" }),
      footer: footerText("Reply STOP to opt out"),
      buttons: [
        quickReplyButton("Stop updates"),
        urlButton("Track", "https://shop.example/track/{{1}}", { example: "https://shop.example/track/42" }),
      ],
    });
    server.respondOnce({ method: "POST", path: `${V}/APP_ID/uploads` }, { status: 200, json: { id: "upload:BOX" } });
    server.respondOnce({ method: "POST", path: `${V}/upload:BOX` }, { status: 200, json: { h: "4::box" } });
    answer("POST", "/WABA_ID/message_templates", { id: "594425479261596", status: "PENDING", category: "UTILITY" });
    const created = await wa.createTemplate({ template: orderUpdate, appId: "APP_ID" });
    expect(created).toMatchObject({ id: "594425479261596", status: "PENDING", category: "UTILITY" });
    expect(server.requests.at(-1)!.body).toEqual({
      name: "order_update",
      language: "en_US",
      category: "UTILITY",
      parameter_format: "NAMED",
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::box"] } },
        {
          type: "BODY",
          text: "Hi {{name}}, order {{order_id}} ships today.",
          example: { body_text_named_params: [{ param_name: "name", example: "Dana" }, { param_name: "order_id", example: "42" }] },
        },
        { type: "FOOTER", text: "Reply STOP to opt out" },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "Stop updates" },
            { type: "URL", text: "Track", url: "https://shop.example/track/{{1}}", example: ["https://shop.example/track/42"] },
          ],
        },
      ],
    });
    // The same definition then types the send: a missing value is a compile error.
    // @ts-expect-error body.order_id is missing
    expect(() => orderUpdate.params({ header: "https://x.example/a.jpg", body: { name: "Dana" }, buttons: { 1: "42" } })).toThrow(/order_id/);
  });

  it("uploads each distinct media sample once (resumable upload with the app id), then creates", async () => {
    const photo = new Blob([new Uint8Array([1, 2, 3, 4])], { type: "image/png" });
    const t = defineTemplate({
      name: "carousel_promo",
      language: "en_US",
      category: "MARKETING",
      body: "Summer picks",
      carousel: [
        carouselCard({ header: headerImage(photo), buttons: [quickReplyButton("More")] }),
        carouselCard({ header: headerImage(photo), buttons: [quickReplyButton("More")] }),
        carouselCard({ header: headerVideo(new Uint8Array([9, 9, 9])), buttons: [quickReplyButton("More")] }),
      ],
    });
    server.respondOnce({ method: "POST", path: `${V}/APP_ID/uploads` }, { status: 200, json: { id: "upload:SESSION1?sig=S1" } });
    server.respondOnce({ method: "POST", path: `${V}/APP_ID/uploads` }, { status: 200, json: { id: "upload:SESSION2?sig=S2" } });
    server.respondOnce({ method: "POST", path: `${V}/upload:SESSION1` }, { status: 200, json: { h: "4::one" } });
    server.respondOnce({ method: "POST", path: `${V}/upload:SESSION2` }, { status: 200, json: { h: "4::two" } });
    answer("POST", "/WABA_ID/message_templates", { id: "777", status: "PENDING", category: "MARKETING" });
    await createTemplate(wa, { template: t, appId: "APP_ID" });

    const sessions = server.requests.filter((r) => r.path === `${V}/APP_ID/uploads`);
    expect(sessions.map((r) => r.query).sort((a, b) => a.file_type!.localeCompare(b.file_type!))).toEqual([
      { file_name: "image.png", file_length: "4", file_type: "image/png" },
      { file_name: "video.mp4", file_length: "3", file_type: "video/mp4" },
    ]);
    const uploads = server.requests.filter((r) => r.path.startsWith(`${V}/upload:`));
    expect(uploads).toHaveLength(2);
    for (const u of uploads) expect(u.headers.file_offset).toBe("0");
    const create = server.requests.at(-1)!;
    expect(create.path).toBe(`${V}/WABA_ID/message_templates`);
    const handles = (create.body as { components: { cards: { components: { example?: { header_handle: string[] } }[] }[] }[] }).components[1]!.cards.map(
      (c) => c.components[0]!.example!.header_handle[0],
    );
    // Sessions run in parallel: which sample got which session is not fixed, the sharing is.
    expect(handles[0]).toBe(handles[1]);
    expect(new Set(handles)).toEqual(new Set(["4::one", "4::two"]));
  });

  it("a data: URI or a stream sample is uploaded too; a handle is used as is", async () => {
    const t = defineTemplate({ name: "doc", language: "en", category: "UTILITY", header: headerDocument("data:application/pdf;base64,JVBERi0x"), body: "Your invoice" });
    server.respondOnce({ method: "POST", path: `${V}/APP_ID/uploads` }, { status: 200, json: { id: "upload:DOC" } });
    server.respondOnce({ method: "POST", path: `${V}/upload:DOC` }, { status: 200, json: { h: "4::doc" } });
    answer("POST", "/WABA_ID/message_templates", { id: "8", status: "PENDING", category: "UTILITY" });
    await createTemplate(wa, { template: t, appId: "APP_ID" });
    expect(server.requests[0]!.query).toEqual({ file_name: "document.pdf", file_length: "6", file_type: "application/pdf" });
    expect(server.requests[1]!.headers["content-type"]).toBe("application/pdf");
    expect((server.requests[2]!.body as { components: unknown[] }).components[0]).toEqual({ type: "HEADER", format: "DOCUMENT", example: { header_handle: ["4::doc"] } });

    server.clear();
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1, 2])), c.enqueue(new Uint8Array([3])), c.close()) });
    const video = defineTemplate({ name: "v", language: "en", category: "MARKETING", header: headerVideo(stream), body: "Watch" });
    server.respondOnce({ method: "POST", path: `${V}/APP_ID/uploads` }, { status: 200, json: { id: "upload:VID" } });
    server.respondOnce({ method: "POST", path: `${V}/upload:VID` }, { status: 200, json: { h: "4::vid" } });
    answer("POST", "/WABA_ID/message_templates", { id: "9", status: "PENDING", category: "MARKETING" });
    await createTemplate(wa, { template: video, appId: "APP_ID" });
    expect(server.requests[0]!.query).toEqual({ file_name: "video.mp4", file_length: "3", file_type: "video/mp4" });

    server.clear();
    const ready = defineTemplate({ name: "r", language: "en", category: "MARKETING", header: headerImage(HANDLE), body: "Hi" });
    answer("POST", "/WABA_ID/message_templates", { id: "10", status: "PENDING", category: "MARKETING" });
    await createTemplate(wa, { template: ready });
    expect(server.requests.map((r) => r.path)).toEqual([`${V}/WABA_ID/message_templates`]);
    expect(JSON.parse(JSON.stringify(ready))).toEqual(ready.toJSON());
  });

  it("reports every definition problem before any request", async () => {
    const bad = defineTemplate({
      name: "bad",
      language: "en_US",
      header: headerImage(),
      body: "Hi {{name}}, your code {{1}}",
      buttons: [urlButton("Go", "https://x.example/{{1}}/end")],
    });
    await expect(createTemplate(wa, { template: bad })).rejects.toThrow(
      /category is required.*mix \{\{1\}\} and \{\{name\}\}.*image header needs an example.*body: example values are required.*must end the URL.*needs an example/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("a media sample without an app id is a TypeError, nothing is sent", async () => {
    const t = defineTemplate({ name: "x", language: "en", category: "MARKETING", header: headerImage(new Uint8Array([1])), body: "Hi" });
    await expect(createTemplate(wa, { template: t })).rejects.toThrow(/app id/);
    expect(server.requests).toHaveLength(0);
  });

  it("creates from the Template Library (body inputs as an object)", async () => {
    const library: LibraryTemplate = {
      name: "my_payment_reminder",
      libraryTemplateName: "payment_reminder_1",
      category: "UTILITY",
      language: "en_US",
      libraryTemplateBodyInputs: { addTrackPackageLink: true },
      libraryTemplateButtonInputs: [
        { type: "url", baseUrl: "https://www.example.com/pay/{{1}}", urlSuffixExample: "https://www.example.com/pay/123" },
        { type: "phone_number", phoneNumber: "+15550051310" },
      ],
    };
    answer("POST", "/OTHER/message_templates", { id: "1", status: "APPROVED", category: "UTILITY" });
    await createTemplate(wa, { template: library, wabaId: "OTHER" });
    expect(server.requests[0]!.body).toEqual({
      name: "my_payment_reminder",
      library_template_name: "payment_reminder_1",
      category: "UTILITY",
      language: "en_US",
      library_template_body_inputs: { add_track_package_link: true },
      library_template_button_inputs: [
        { type: "URL", url: { base_url: "https://www.example.com/pay/{{1}}", url_suffix_example: "https://www.example.com/pay/123" } },
        { type: "PHONE_NUMBER", phone_number: "+15550051310" },
      ],
    });
  });

  it("Meta's template errors become TemplateCreationError subclasses by code (2388047: the body class, as in pywa)", async () => {
    const cases = [
      [2388019, TemplateLimitExceeded],
      [2388040, TemplateCharacterLimitExceeded],
      [2388047, TemplateBodyFormatIncorrect],
      [2388073, TemplateFooterFormatIncorrect],
      [2388293, TemplateParametersWordsRatioExceedsLimit],
      [2388299, TemplateLeadingOrTrailingParametersNotAllowed],
    ] as const;
    for (const [code, cls] of cases) {
      server.respondWithError({ method: "POST", path: `${V}/WABA_ID/message_templates` }, { status: 400, code, message: "Template error", details: "details" });
      const error = await createTemplate(wa, { template: promo }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(cls);
      expect(error).toBeInstanceOf(TemplateCreationError);
      expect((error as TemplateCreationError).code).toBe(code);
    }
  });
});

describe("upsertAuthenticationTemplate", () => {
  it("posts a JSON object (not a string) with every language and the TTL", async () => {
    answer("POST", "/WABA_ID/upsert_message_templates", {
      data: [
        { id: "954638012257287", status: "APPROVED", language: "en_US" },
        { id: "969725034571644", status: "APPROVED", language: "es_ES" },
      ],
    });
    const result = await upsertAuthenticationTemplate(wa, {
      name: "authentication_code_copy_code_button",
      languages: ["en_US", "es_ES"],
      otpButton: copyCodeOtpButton({ text: "Copy Code" }),
      addSecurityRecommendation: true,
      codeExpirationMinutes: 10,
      messageSendTtlSeconds: 120,
    });
    expect(result.map((r) => [r.id, r.status, r.language, r.category])).toEqual([
      ["954638012257287", "APPROVED", "en_US", "AUTHENTICATION"],
      ["969725034571644", "APPROVED", "es_ES", "AUTHENTICATION"],
    ]);
    expect(shape(server.requests[0])).toEqual({
      method: "POST",
      path: `${V}/WABA_ID/upsert_message_templates`,
      query: {},
      body: {
        name: "authentication_code_copy_code_button",
        languages: ["en_US", "es_ES"],
        category: "AUTHENTICATION",
        message_send_ttl_seconds: 120,
        components: [
          { type: "BODY", add_security_recommendation: true },
          { type: "FOOTER", code_expiration_minutes: 10 },
          { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy Code" }] },
        ],
      },
    });
  });
});

const FIELDS =
  "id,name,language,category,status,components,parameter_format,message_send_ttl_seconds,correct_category,previous_category," +
  "rejected_reason,library_template_name,quality_score,cta_url_link_tracking_opted_out,sub_category,degrees_of_freedom_spec";

function wireTemplate(id: string, name = `t${id}`): Record<string, unknown> {
  return {
    id,
    name,
    language: "en_US",
    category: "UTILITY",
    status: "APPROVED",
    parameter_format: "NAMED",
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["https://scontent.whatsapp.net/sample.jpg"] } },
      {
        type: "BODY",
        text: "Hi {{name}}, order {{order_id}} ships today.",
        example: { body_text_named_params: [{ param_name: "name", example: "Dana" }, { param_name: "order_id", example: "42" }] },
      },
      { type: "FOOTER", text: "Thanks" },
      { type: "BUTTONS", buttons: [{ type: "URL", text: "Track", url: "https://shop.example/t/{{1}}", example: ["https://shop.example/t/42"] }] },
      { type: "SOMETHING_NEW", value: 1 },
    ],
    quality_score: { score: "GREEN", date: 1717000000 },
    message_send_ttl_seconds: 3600,
  };
}

describe("getTemplates / getTemplate", () => {
  it("asks for pywa's fields, the summary and comma-joined filters; iterates three pages", async () => {
    const page = (ids: string[], next?: string) => ({
      data: ids.map((id) => wireTemplate(id)),
      paging: { cursors: { before: `B${ids[0]}`, after: `A${ids[0]}` }, ...(next ? { next: `${server.url}${V}/WABA_ID/message_templates?fields=id&after=${next}&access_token=${TOKEN}` } : {}) },
      summary: { total_count: 5, message_template_count: 5, message_template_limit: 6000, are_translations_complete: true },
    });
    answer("GET", "/WABA_ID/message_templates", page(["1", "2"], "c2"));
    answer("GET", "/WABA_ID/message_templates", page(["3", "4"], "c4"));
    answer("GET", "/WABA_ID/message_templates", page(["5"]));
    const first = await getTemplates(wa, {
      statuses: ["APPROVED", "PAUSED"],
      categories: ["UTILITY", "MARKETING"],
      languages: ["en_US", "es"],
      name: "order",
      content: "ships",
      nameOrContent: "shop",
      qualityScores: ["GREEN", "YELLOW"],
      limit: 2,
    });
    expect(first.data.map((t) => t.id)).toEqual(["1", "2"]);
    expect(templatesSummary(first)).toEqual({ totalCount: 5, messageTemplateCount: 5, messageTemplateLimit: 6000, areTranslationsComplete: true });
    const ids: string[] = [];
    for await (const t of first) ids.push(t.id);
    expect(ids).toEqual(["1", "2", "3", "4", "5"]);
    expect(server.requests).toHaveLength(3);
    expect(shape(server.requests[0])).toEqual({
      method: "GET",
      path: `${V}/WABA_ID/message_templates`,
      query: {
        fields: FIELDS,
        summary: "total_count,message_template_count,message_template_limit,are_translations_complete",
        status: "APPROVED,PAUSED",
        category: "UTILITY,MARKETING",
        language: "en_US,es",
        name: "order",
        content: "ships",
        name_or_content: "shop",
        quality_score: "GREEN,YELLOW",
        limit: "2",
      },
      body: undefined,
    });
    expect(server.requests[1]!.query).toEqual({ fields: "id", after: "c2" });
    expect(server.requests[2]!.query.after).toBe("c4");
    for (const r of server.requests) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("reads one template into the model; it can be sent with run-time checked values", async () => {
    answer("GET", "/594425479261596", wireTemplate("594425479261596", "order_update"));
    const t = await getTemplate(wa, { templateId: "594425479261596" });
    expect(shape(server.requests[0])).toEqual({ method: "GET", path: `${V}/594425479261596`, query: { fields: FIELDS }, body: undefined });
    expect(t).toMatchObject({
      id: "594425479261596",
      name: "order_update",
      status: "APPROVED",
      parameterFormat: "NAMED",
      messageSendTtlSeconds: 3600,
      qualityScore: { score: "GREEN", date: new Date(1717000000 * 1000) },
      ctaUrlLinkTrackingOptedOut: false,
    });
    expect(t.components).toEqual({
      header: { type: "header", format: "image", example: "https://scontent.whatsapp.net/sample.jpg" },
      body: { type: "body", text: "Hi {{name}}, order {{order_id}} ships today.", example: { name: "Dana", order_id: "42" } },
      footer: { type: "footer", text: "Thanks" },
      buttons: [{ type: "url", text: "Track", url: "https://shop.example/t/{{1}}", example: "https://shop.example/t/42" }],
      unknown: [{ type: "SOMETHING_NEW", value: 1 }],
    });
    const def = templateFromDetails(t);
    expect(def.params({ header: "MEDIA1", body: { name: "Dana", order_id: "7" }, buttons: { 0: "7" } })).toHaveLength(3);
    expect(() => def.params({ body: { name: "Dana" } })).toThrow(/missing header.*order_id.*buttons\[0\]/);
  });
});

describe("reading authentication templates back", () => {
  it("an authentication body and footer come back as such; the code is the only value", async () => {
    answer("GET", "/55", {
      id: "55",
      name: "login",
      language: "en_US",
      category: "AUTHENTICATION",
      status: "APPROVED",
      components: [
        { type: "BODY", text: "*{{1}}* is your verification code. For your security, do not share this code.", add_security_recommendation: true },
        { type: "FOOTER", text: "This code expires in 10 minutes.", code_expiration_minutes: 10 },
        { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy code" }] },
      ],
    });
    const details = await getTemplate(wa, { templateId: "55" });
    expect(details.components).toEqual({
      body: { type: "authentication_body", addSecurityRecommendation: true },
      footer: { type: "authentication_footer", codeExpirationMinutes: 10 },
      buttons: [{ type: "otp", otpType: "COPY_CODE", text: "Copy code" }],
    });
    expect(templateFromDetails(details).params({ otp: "909" })).toEqual([
      { type: "body", parameters: [{ type: "text", text: "909" }] },
      { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "909" }] },
    ]);
    answer("GET", "/WABA_ID/message_templates", { data: [] });
    const empty = await getTemplates(wa);
    expect(empty.data).toEqual([]);
    expect(server.requests[1]!.query).toEqual({ fields: FIELDS, summary: "total_count,message_template_count,message_template_limit,are_translations_complete" });
  });
});

describe("updateTemplate, deleteTemplate, unpauseTemplate", () => {
  it("update posts only the changed fields, components serialized like creation", async () => {
    answer("POST", "/594425479261596", { success: true, id: "594425479261596", name: "order_update", category: "MARKETING" });
    const updated = await updateTemplate(wa, {
      templateId: "594425479261596",
      newCategory: "MARKETING",
      newComponents: { body: bodyText("Hello {{name}}", { name: "Dana" }), buttons: [quickReplyButton("Stop")] },
      newMessageSendTtlSeconds: 600,
    });
    expect(updated).toMatchObject({ id: "594425479261596", success: true, name: "order_update", category: "MARKETING" });
    expect(shape(server.requests[0])).toEqual({
      method: "POST",
      path: `${V}/594425479261596`,
      query: {},
      body: {
        category: "MARKETING",
        components: [
          { type: "BODY", text: "Hello {{name}}", example: { body_text_named_params: [{ param_name: "name", example: "Dana" }] } },
          { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Stop" }] },
        ],
        message_send_ttl_seconds: 600,
        parameter_format: "NAMED",
      },
    });
    await expect(updateTemplate(wa, { templateId: "1" })).rejects.toThrow(/nothing to change/);
  });

  it("delete by name, by name and id (hsm_id), by id", async () => {
    for (const [options, query] of [
      [{ templateName: "order_update" }, { name: "order_update" }],
      [{ templateName: "order_update", templateId: "594425479261596" }, { name: "order_update", hsm_id: "594425479261596" }],
      [{ templateId: "594425479261596" }, { hsm_id: "594425479261596" }],
    ] as const) {
      server.clear();
      answer("DELETE", "/WABA_ID/message_templates", { success: true });
      expect(await deleteTemplate(wa, options)).toEqual({ success: true });
      expect(shape(server.requests[0])).toEqual({ method: "DELETE", path: `${V}/WABA_ID/message_templates`, query, body: undefined });
    }
    await expect(deleteTemplate(wa, {})).rejects.toThrow(/templateName and\/or templateId/);
  });

  it("unpause", async () => {
    answer("POST", "/594425479261596/unpause", { success: false, reason: "Template is not paused" });
    expect(await unpauseTemplate(wa, { templateId: "594425479261596" })).toEqual({ success: false, reason: "Template is not paused" });
    expect(shape(server.requests[0])).toEqual({ method: "POST", path: `${V}/594425479261596/unpause`, query: {}, body: undefined });
  });
});

describe("compareTemplates and migrateTemplates", () => {
  it("compare: ids comma-joined, times in Unix seconds, the three metrics read", async () => {
    answer("GET", "/1/compare", {
      data: [
        { metric: "BLOCK_RATE", type: "RELATIVE", order_by_relative_metric: ["2", "1"] },
        { metric: "MESSAGE_SENDS", type: "NUMBER_VALUES", number_values: [{ key: "1", value: 1200 }, { key: "2", value: 3400 }] },
        { metric: "TOP_BLOCK_REASON", type: "STRING_VALUES", string_values: [{ key: "1", value: "SPAM" }, { key: "2", value: "NO_REASON_GIVEN" }] },
      ],
    });
    const result = await compareTemplates(wa, { templateId: "1", templateIds: ["2"], start: new Date(1_700_000_000_500), end: 1_702_592_000 });
    expect(result).toMatchObject({ blockRate: ["2", "1"], timesSent: { "1": 1200, "2": 3400 }, topBlockReason: { "1": "SPAM", "2": "NO_REASON_GIVEN" } });
    expect(shape(server.requests[0])).toEqual({
      method: "GET",
      path: `${V}/1/compare`,
      query: { template_ids: "2", start: "1700000000", end: "1702592000" },
      body: undefined,
    });
    await expect(compareTemplates(wa, { templateId: "1", templateIds: [], start: 0, end: 1 })).rejects.toThrow(/at least one/);
  });

  it("migrate: reports each template's success or failure (either failure shape)", async () => {
    answer("POST", "/WABA_ID/migrate_message_templates", {
      migrated_templates: ["1473688840035974", "1199574124727889"],
      failed_templates: [{ id: "2013219665791561", reason: "Incorrect category" }],
    });
    const result = await migrateTemplates(wa, { sourceWabaId: "SOURCE", pageNumber: 1, count: 200 });
    expect(result.migrated).toEqual([{ id: "1473688840035974" }, { id: "1199574124727889" }]);
    expect(result.failed).toEqual([{ id: "2013219665791561", reason: "Incorrect category" }]);
    expect(shape(server.requests[0])).toEqual({
      method: "POST",
      path: `${V}/WABA_ID/migrate_message_templates`,
      query: { source_waba_id: "SOURCE", page_number: "1", count: "200" },
      body: undefined,
    });

    answer("POST", "/DEST/migrate_message_templates", { migrated_templates: [], failed_templates: { "77": "Formatting error - dangling parameter" } });
    const other = await migrateTemplates(wa, { sourceWabaId: "SOURCE", destinationWabaId: "DEST", templateIds: ["77", "78"] });
    expect(other.failed).toEqual([{ id: "77", reason: "Formatting error - dangling parameter" }]);
    expect(server.requests[1]!.query).toEqual({ source_waba_id: "SOURCE", template_ids: "77,78" });
  });
});

describe("Graph errors from the template calls", () => {
  type Case = {
    call: string;
    method: string;
    path: string;
    error: GraphErrorSpec;
    run: () => Promise<unknown>;
    /** The leaf class (WhatsAppError itself for a code no class claims) and its category. */
    cls: abstract new (...args: never[]) => WhatsAppError;
    category: abstract new (...args: never[]) => WhatsAppError;
  };
  const cases: Case[] = [
    {
      call: "getTemplates",
      method: "GET",
      path: "/WABA_ID/message_templates",
      error: { status: 401, code: 190, type: "OAuthException", message: "Error validating access token: Session has expired on Friday, 01-Aug-25 10:00:00 PDT." },
      run: () => getTemplates(wa, { statuses: ["APPROVED"] }),
      cls: ExpiredAccessToken,
      category: AuthorizationError,
    },
    {
      call: "updateTemplate",
      method: "POST",
      path: "/594425479261596",
      error: { status: 400, code: 2388040, type: "OAuthException", message: "Message template character limit exceeded", details: "The body text exceeds 1024 characters." },
      run: () => updateTemplate(wa, { templateId: "594425479261596", newComponents: { body: bodyText("x".repeat(1100)) } }),
      cls: TemplateCharacterLimitExceeded,
      category: TemplateCreationError,
    },
    {
      call: "deleteTemplate",
      method: "DELETE",
      path: "/WABA_ID/message_templates",
      error: { status: 403, code: 10, type: "OAuthException", message: "(#10) Application does not have permission for this action" },
      run: () => deleteTemplate(wa, { templateName: "order_update" }),
      cls: PermissionDenied,
      category: AuthorizationError,
    },
    {
      call: "unpauseTemplate",
      method: "POST",
      path: "/594425479261596/unpause",
      error: { status: 400, code: 4, type: "OAuthException", message: "(#4) Application request limit reached" },
      run: () => unpauseTemplate(wa, { templateId: "594425479261596" }),
      cls: ToManyAPICalls,
      category: ThrottlingError,
    },
    {
      // Meta's generic invalid-parameter code: no class claims it, so it stays a WhatsAppError.
      call: "compareTemplates",
      method: "GET",
      path: "/1/compare",
      error: { status: 400, code: 100, type: "OAuthException", message: "(#100) Invalid parameter", details: "The templates must belong to the same WhatsApp Business Account." },
      run: () => compareTemplates(wa, { templateId: "1", templateIds: ["2"], start: 1_700_000_000, end: 1_702_592_000 }),
      cls: WhatsAppError,
      category: WhatsAppError,
    },
    {
      call: "migrateTemplates",
      method: "POST",
      path: "/WABA_ID/migrate_message_templates",
      error: { status: 403, code: 200, type: "OAuthException", message: "(#200) Requires business_management permission to manage the object" },
      run: () => migrateTemplates(wa, { sourceWabaId: "SOURCE" }),
      cls: APIPermission,
      category: AuthorizationError,
    },
  ];

  it.each(cases)("$call: Graph's error envelope rejects with the class its code maps to", async ({ method, path, error, run, cls, category }) => {
    server.respondWithError({ method, path: `${V}${path}` }, error);
    const thrown = await run().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(cls);
    expect(thrown).toBeInstanceOf(category);
    if (cls === WhatsAppError) expect(Object.getPrototypeOf(thrown)).toBe(WhatsAppError.prototype);
    const e = thrown as WhatsAppError;
    expect([e.code, e.subcode, e.statusCode, e.type, e.details]).toEqual([error.code, error.subcode, error.status, error.type, error.details]);
    expect(e.graphMessage).toBe(error.message);
    expect(e.fbtraceId).toMatch(/\S/);
    // One request, the call's own (none of these codes is retried here: maxAttempts is 1).
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`${method} ${V}${path}`]);
  });
});
