import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WhatsApp, type Contact, type ContactInput, type TemplateComponentParams } from "@edgewa/core";
import { startGraphServer, type GraphServer, type RecordedRequest } from "./support/graph-server.ts";

/**
 * Every send method over a real socket, against the local Graph API server: the
 * exact path, the bearer token, and the whole JSON body, field by field.
 */
const PHONE_ID = "1234567890";
const SEND_PATH = `/v25.0/${PHONE_ID}/messages`;
const MEDIA_PATH = `/v25.0/${PHONE_ID}/media`;
const TO = "972501234567";
const quiet = { debug() {}, warn() {}, error() {} };

let server: GraphServer;
let wa: WhatsApp;

beforeAll(async () => {
  server = await startGraphServer({ token: "test-token" });
  wa = new WhatsApp({ phoneId: PHONE_ID, token: "test-token", graphUrl: server.url, logger: quiet });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

/** The one request made, checked as a send to `path` with the token; its body. */
function onlyRequest(path = SEND_PATH): unknown {
  expect(server.requests).toHaveLength(1);
  return checked(server.requests[0]!, path);
}

function checked(request: RecordedRequest, path: string): unknown {
  expect(request.method).toBe("POST");
  expect(request.path).toBe(path);
  expect(request.headers.authorization).toBe("Bearer test-token");
  expect(request.headers["content-type"]).toMatch(/^application\/json/);
  return request.body;
}

/** The envelope every send shares, around a `type`-named payload. */
function envelope(type: string, payload: unknown, extra: Record<string, unknown> = {}) {
  return { messaging_product: "whatsapp", recipient_type: "individual", to: TO, type, [type]: payload, ...extra };
}

describe("text and interactive text", () => {
  it("text with a link preview", async () => {
    const sent = await wa.sendMessage({ to: TO, text: "See https://example.com", previewUrl: true });
    expect(onlyRequest()).toEqual(envelope("text", { body: "See https://example.com", preview_url: true }));
    expect(sent.id).toMatch(/^wamid\./);
    expect(sent.to).toBe(TO);
    expect(sent.type).toBe("text");
  });

  it("reply buttons with a header and a footer", async () => {
    const sent = await wa.sendMessage({
      to: TO,
      text: "Pick one",
      header: "Menu",
      footer: "Powered by edgewa",
      buttons: [
        { title: "Yes", callbackData: "yes" },
        { title: "No", callbackData: "no" },
      ],
    });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "button",
        action: {
          buttons: [
            { type: "reply", reply: { id: "yes", title: "Yes" } },
            { type: "reply", reply: { id: "no", title: "No" } },
          ],
        },
        header: { type: "text", text: "Menu" },
        body: { text: "Pick one" },
        footer: { text: "Powered by edgewa" },
      }),
    );
    expect(sent.interactiveType).toBe("button");
  });

  it("a URL button", async () => {
    await wa.sendMessage({ to: TO, text: "Docs", buttons: { type: "url", title: "Open", url: "https://example.com/docs" } });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "cta_url",
        action: { name: "cta_url", parameters: { display_text: "Open", url: "https://example.com/docs" } },
        body: { text: "Docs" },
      }),
    );
  });

  it("a section list", async () => {
    await wa.sendMessage({
      to: TO,
      text: "Choose a size",
      buttons: {
        type: "list",
        buttonTitle: "Sizes",
        sections: [
          {
            title: "Shirts",
            rows: [
              { title: "Small", callbackData: "s", description: "Fits 36" },
              { title: "Large", callbackData: "l" },
            ],
          },
        ],
      },
    });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "list",
        action: {
          button: "Sizes",
          sections: [
            {
              title: "Shirts",
              rows: [
                { id: "s", title: "Small", description: "Fits 36" },
                { id: "l", title: "Large" },
              ],
            },
          ],
        },
        body: { text: "Choose a size" },
      }),
    );
  });

  it("a flow button that navigates, with a payload", async () => {
    await wa.sendMessage({
      to: TO,
      text: "Sign up",
      buttons: {
        type: "flow",
        title: "Start",
        flowId: "998877",
        flowToken: "tok-1",
        flowActionType: "navigate",
        flowActionScreen: "WELCOME",
        flowActionPayload: { plan: "pro" },
      },
    });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "flow",
        action: {
          name: "flow",
          parameters: {
            mode: "published",
            flow_message_version: "3",
            flow_token: "tok-1",
            flow_id: "998877",
            flow_cta: "Start",
            flow_action: "navigate",
            flow_action_payload: { screen: "WELCOME", data: { plan: "pro" } },
          },
        },
        body: { text: "Sign up" },
      }),
    );
  });

  it("a flow button with data_exchange, by name, in draft", async () => {
    await wa.sendMessage({
      to: TO,
      text: "Book",
      buttons: { type: "flow", title: "Book", flowName: "booking", flowActionType: "data_exchange", mode: "draft" },
    });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "flow",
        action: {
          name: "flow",
          parameters: {
            mode: "draft",
            flow_message_version: "3",
            flow_token: null,
            flow_name: "booking",
            flow_cta: "Book",
            flow_action: "data_exchange",
          },
        },
        body: { text: "Book" },
      }),
    );
  });
});

describe("media", () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

  it("an image by URL is linked, not uploaded", async () => {
    await wa.sendImage({ to: TO, image: "https://cdn.example.com/cat.jpg", caption: "A cat" });
    expect(onlyRequest()).toEqual(envelope("image", { link: "https://cdn.example.com/cat.jpg", caption: "A cat" }));
  });

  it("an image by media id", async () => {
    const id = server.addMedia(PNG, "image/png");
    const sent = await wa.sendImage({ to: TO, image: id });
    expect(onlyRequest()).toEqual(envelope("image", { id }));
    expect(sent.type).toBe("image");
  });

  it("an image by bytes is uploaded first, then sent by the returned id", async () => {
    await wa.sendImage({ to: TO, image: PNG, mimeType: "image/png", caption: "Fresh" });
    expect(server.requests).toHaveLength(2);
    const [upload, send] = server.requests as [RecordedRequest, RecordedRequest];
    expect(upload.method).toBe("POST");
    expect(upload.path).toBe(MEDIA_PATH);
    expect(upload.headers.authorization).toBe("Bearer test-token");
    expect(upload.form?.fields).toMatchObject({ messaging_product: "whatsapp", type: "image/png" });
    expect(upload.form?.files.file?.size).toBe(PNG.byteLength);

    const body = checked(send, SEND_PATH) as { image: { id: string } };
    expect(body).toEqual(envelope("image", { id: body.image.id, caption: "Fresh" }));
    expect(server.media(body.image.id)).toMatchObject({ mimeType: "image/png", size: PNG.byteLength });
  });

  it("a video with buttons: interactive, the video as header, the caption as body", async () => {
    await wa.sendVideo({
      to: TO,
      video: "https://cdn.example.com/clip.mp4",
      caption: "Watch and vote",
      footer: "Poll",
      buttons: [{ title: "Like", callbackData: "like" }],
    });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "button",
        action: { buttons: [{ type: "reply", reply: { id: "like", title: "Like" } }] },
        header: { type: "video", video: { link: "https://cdn.example.com/clip.mp4" } },
        body: { text: "Watch and vote" },
        footer: { text: "Poll" },
      }),
    );
  });

  it("media with buttons but no caption is refused before any request", async () => {
    await expect(
      wa.sendImage({ to: TO, image: PNG, buttons: { type: "url", title: "Open", url: "https://example.com" } }),
    ).rejects.toThrow(/caption/);
    await expect(wa.sendImage({ to: TO, image: "https://cdn.example.com/a.jpg", footer: "x" })).rejects.toThrow(/footer/);
    expect(server.requests).toHaveLength(0);
  });

  it("a document with a filename", async () => {
    await wa.sendDocument({ to: TO, document: "https://cdn.example.com/x?id=1", filename: "Invoice 42.pdf", caption: "Your invoice" });
    expect(onlyRequest()).toEqual(
      envelope("document", { link: "https://cdn.example.com/x?id=1", filename: "Invoice 42.pdf", caption: "Your invoice" }),
    );
  });

  it("a document's filename defaults to the link's last path segment", async () => {
    await wa.sendDocument({ to: TO, document: "https://cdn.example.com/files/price%20list.pdf" });
    expect(onlyRequest()).toEqual(
      envelope("document", { link: "https://cdn.example.com/files/price%20list.pdf", filename: "price list.pdf" }),
    );
  });

  it("a document uploaded from a File keeps the File's name", async () => {
    const file = new File([new TextEncoder().encode("%PDF-1.4 test")], "report.pdf", { type: "application/pdf" });
    await wa.sendDocument({ to: TO, document: file });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.path).toBe(MEDIA_PATH);
    expect(server.requests[0]!.form?.files.file?.filename).toBe("report.pdf");
    const body = checked(server.requests[1]!, SEND_PATH) as { document: { id: string } };
    expect(body).toEqual(envelope("document", { id: body.document.id, filename: "report.pdf" }));
  });

  it("a document with buttons keeps its filename in the header", async () => {
    await wa.sendDocument({
      to: TO,
      document: "https://cdn.example.com/menu.pdf",
      caption: "Today's menu",
      buttons: { type: "url", title: "Order", url: "https://example.com/order" },
    });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "cta_url",
        action: { name: "cta_url", parameters: { display_text: "Order", url: "https://example.com/order" } },
        header: { type: "document", document: { link: "https://cdn.example.com/menu.pdf", filename: "menu.pdf" } },
        body: { text: "Today's menu" },
      }),
    );
  });

  it("audio", async () => {
    await wa.sendAudio({ to: TO, audio: "https://cdn.example.com/song.mp3" });
    expect(onlyRequest()).toEqual(envelope("audio", { link: "https://cdn.example.com/song.mp3" }));
  });

  it("a voice note: audio with voice: true", async () => {
    await wa.sendVoice({ to: TO, voice: "https://cdn.example.com/note.ogg" });
    expect(onlyRequest()).toEqual(envelope("audio", { link: "https://cdn.example.com/note.ogg", voice: true }));
  });

  it("a sticker", async () => {
    const id = server.addMedia(new Uint8Array([0x52, 0x49, 0x46, 0x46]), "image/webp");
    await wa.sendSticker({ to: TO, sticker: id });
    expect(onlyRequest()).toEqual(envelope("sticker", { id }));
  });
});

describe("location, contacts, reactions", () => {
  it("a location with name and address", async () => {
    await wa.sendLocation({ to: TO, latitude: 32.0853, longitude: 34.7818, name: "Office", address: "1 Main St" });
    expect(onlyRequest()).toEqual(
      envelope("location", { latitude: 32.0853, longitude: 34.7818, name: "Office", address: "1 Main St" }),
    );
  });

  it("a location without name and address leaves them out", async () => {
    await wa.sendLocation({ to: TO, latitude: -33.8688, longitude: 151.2093 });
    expect(onlyRequest()).toEqual(envelope("location", { latitude: -33.8688, longitude: 151.2093 }));
  });

  it("a location request", async () => {
    const sent = await wa.requestLocation({ to: TO, text: "Where are you?" });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "location_request_message",
        action: { name: "send_location" },
        body: { text: "Where are you?" },
      }),
    );
    expect(sent.interactiveType).toBe("location_request_message");
  });

  it("a contact-info request", async () => {
    await wa.requestContactInfo({ to: TO, text: "Share your details?" });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "request_contact_info",
        action: { name: "request_contact_info" },
        body: { text: "Share your details?" },
      }),
    );
  });

  const fullContact: ContactInput = {
    name: { formattedName: "Dr. Jane Q. Doe Jr.", firstName: "Jane", lastName: "Doe", middleName: "Q.", suffix: "Jr.", prefix: "Dr." },
    birthday: "1990-04-01",
    phones: [
      { phone: "+1 555 0100", type: "CELL", waId: "15550100" },
      { phone: "+1 555 0199", type: "WORK" },
    ],
    emails: [{ email: "jane@example.com", type: "WORK" }],
    urls: [{ url: "https://jane.example.com", type: "HOME" }],
    addresses: [
      { street: "1 Main St", city: "Springfield", state: "IL", zip: "62701", country: "United States", countryCode: "US", type: "HOME" },
    ],
    org: { company: "Acme", department: "R&D", title: "Engineer" },
  };
  const fullContactJson = {
    name: { formatted_name: "Dr. Jane Q. Doe Jr.", first_name: "Jane", last_name: "Doe", middle_name: "Q.", suffix: "Jr.", prefix: "Dr." },
    birthday: "1990-04-01",
    phones: [
      { phone: "+1 555 0100", type: "CELL", wa_id: "15550100" },
      { phone: "+1 555 0199", type: "WORK" },
    ],
    emails: [{ email: "jane@example.com", type: "WORK" }],
    urls: [{ url: "https://jane.example.com", type: "HOME" }],
    addresses: [
      { street: "1 Main St", city: "Springfield", state: "IL", zip: "62701", country: "United States", country_code: "US", type: "HOME" },
    ],
    org: { company: "Acme", department: "R&D", title: "Engineer" },
  };

  it("one contact, every field, in snake_case", async () => {
    await wa.sendContact({ to: TO, contact: fullContact });
    expect(onlyRequest()).toEqual(envelope("contacts", [fullContactJson]));
  });

  it("several contacts in one message", async () => {
    await wa.sendContact({ to: TO, contact: [fullContact, { name: { formattedName: "Bob" }, phones: [{ phone: "+44 20 7946 0000" }] }] });
    const body = onlyRequest() as Record<string, unknown>;
    expect(body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: TO,
      type: "contacts",
      contacts: [fullContactJson, { name: { formatted_name: "Bob" }, phones: [{ phone: "+44 20 7946 0000" }] }],
    });
  });

  it("a contact without name.formattedName is a TypeError, before any request", async () => {
    await expect(wa.sendContact({ to: TO, contact: { name: { firstName: "Jane" } } as unknown as ContactInput })).rejects.toThrow(
      /name\.formattedName/,
    );
    await expect(wa.sendContact({ to: TO, contact: { name: undefined } })).rejects.toThrow(TypeError);
    await expect(wa.sendContact({ to: TO, contact: [] })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("a received contact card (msg.contacts) can be forwarded as is", async () => {
    // The shape the webhook parser gives: every key present, unset ones undefined, plus origin.
    const received: Contact = {
      name: { formattedName: "Bob", firstName: "Bob", lastName: undefined, middleName: undefined, suffix: undefined, prefix: undefined },
      birthday: undefined,
      phones: [{ phone: "+1 555 0100", type: "CELL", waId: "15550100" }],
      emails: [],
      urls: [],
      addresses: [],
      org: undefined,
      origin: "other",
    };
    await wa.sendContact({ to: TO, contact: [received] });
    expect(onlyRequest()).toEqual(
      envelope("contacts", [
        {
          name: { formatted_name: "Bob", first_name: "Bob" },
          phones: [{ phone: "+1 555 0100", type: "CELL", wa_id: "15550100" }],
          emails: [],
          urls: [],
          addresses: [],
        },
      ]),
    );
  });

  it("a reaction", async () => {
    const sent = await wa.sendReaction({ to: TO, emoji: "👍", messageId: "wamid.IN1" });
    expect(onlyRequest()).toEqual(envelope("reaction", { emoji: "👍", message_id: "wamid.IN1" }));
    expect(sent.type).toBe("reaction");
  });

  it("removing a reaction sends an empty emoji", async () => {
    await wa.removeReaction({ to: TO, messageId: "wamid.IN1" });
    expect(onlyRequest()).toEqual(envelope("reaction", { emoji: "", message_id: "wamid.IN1" }));
  });
});

describe("templates", () => {
  it("header image, positional and named body params, a URL button", async () => {
    const components: TemplateComponentParams[] = [
      { type: "header", parameters: [{ type: "image", image: "https://cdn.example.com/promo.jpg" }] },
      {
        type: "body",
        parameters: [
          { type: "text", text: "Jane" },
          { type: "currency", currency: { fallbackValue: "$12.99", code: "USD", amount1000: 12990 } },
          { type: "date_time", dateTime: { fallbackValue: "May 1, 2026" } },
        ],
      },
      { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "order/42" }] },
    ];
    const sent = await wa.sendTemplate({ to: TO, name: "promo", language: "en_US", components });
    expect(onlyRequest()).toEqual(
      envelope("template", {
        name: "promo",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { link: "https://cdn.example.com/promo.jpg" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Jane" },
              { type: "currency", currency: { fallback_value: "$12.99", code: "USD", amount_1000: 12990 } },
              { type: "date_time", date_time: { fallback_value: "May 1, 2026" } },
            ],
          },
          { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "order/42" }] },
        ],
      }),
    );
    expect(sent.type).toBe("template");
    expect(sent.messageStatus).toBe("accepted");
  });

  it("named body params, an uploaded document header, and every button kind", async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
    await wa.sendTemplate({
      to: TO,
      name: "order_update",
      language: "he",
      components: [
        { type: "header", parameters: [{ type: "document", document: pdf, mimeType: "application/pdf", filename: "order.pdf" }] },
        {
          type: "body",
          parameters: [
            { type: "text", parameterName: "customer_name", text: "Jane" },
            { type: "text", parameterName: "order_id", text: "42" },
          ],
        },
        { type: "button", subType: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "stop" }] },
        { type: "button", subType: "copy_code", index: 1, parameters: [{ type: "coupon_code", couponCode: "SAVE10" }] },
        {
          type: "button",
          subType: "flow",
          index: 2,
          parameters: [{ type: "action", action: { flowToken: "ft-1", flowActionData: { orderId: 42, items: ["a"] } } }],
        },
      ],
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.path).toBe(MEDIA_PATH);
    expect(server.requests[0]!.form?.files.file?.filename).toBe("order.pdf");
    const body = checked(server.requests[1]!, SEND_PATH) as { template: { components: { parameters: { document: { id: string } }[] }[] } };
    const docId = body.template.components[0]!.parameters[0]!.document.id;
    expect(server.media(docId)).toMatchObject({ mimeType: "application/pdf", size: pdf.byteLength });
    expect(body).toEqual(
      envelope("template", {
        name: "order_update",
        language: { code: "he" },
        components: [
          { type: "header", parameters: [{ type: "document", document: { id: docId, filename: "order.pdf" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", parameter_name: "customer_name", text: "Jane" },
              { type: "text", parameter_name: "order_id", text: "42" },
            ],
          },
          { type: "button", sub_type: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "stop" }] },
          { type: "button", sub_type: "copy_code", index: 1, parameters: [{ type: "coupon_code", coupon_code: "SAVE10" }] },
          {
            type: "button",
            sub_type: "flow",
            index: 2,
            parameters: [{ type: "action", action: { flow_token: "ft-1", flow_action_data: { orderId: 42, items: ["a"] } } }],
          },
        ],
      }),
    );
  });

  it("location header, limited-time offer in milliseconds, carousel cards, OTP", async () => {
    const expires = Date.UTC(2026, 4, 1, 12, 0, 0);
    await wa.sendTemplate({
      to: TO,
      name: "offer",
      language: "en",
      components: [
        { type: "header", parameters: [{ type: "location", location: { latitude: 1.5, longitude: 2.5, name: "Shop" } }] },
        { type: "limited_time_offer", parameters: [{ type: "limited_time_offer", limitedTimeOffer: { expirationTimeMs: expires } }] },
        {
          type: "carousel",
          cards: [
            {
              cardIndex: 0,
              components: [
                { type: "header", parameters: [{ type: "video", video: "https://cdn.example.com/a.mp4" }] },
                { type: "body", parameters: [{ type: "text", text: "A" }] },
                { type: "button", subType: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "buy-a" }] },
              ],
            },
            {
              cardIndex: 1,
              components: [{ type: "header", parameters: [{ type: "image", image: "https://cdn.example.com/b.png" }] }],
            },
          ],
        },
        // An authentication template's OTP button: sub_type url, the code as its text.
        { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "123456" }] },
      ],
    });
    expect(onlyRequest()).toEqual(
      envelope("template", {
        name: "offer",
        language: { code: "en" },
        components: [
          { type: "header", parameters: [{ type: "location", location: { latitude: 1.5, longitude: 2.5, name: "Shop" } }] },
          {
            type: "limited_time_offer",
            parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: expires } }],
          },
          {
            type: "carousel",
            cards: [
              {
                card_index: 0,
                components: [
                  { type: "header", parameters: [{ type: "video", video: { link: "https://cdn.example.com/a.mp4" } }] },
                  { type: "body", parameters: [{ type: "text", text: "A" }] },
                  { type: "button", sub_type: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "buy-a" }] },
                ],
              },
              {
                card_index: 1,
                components: [{ type: "header", parameters: [{ type: "image", image: { link: "https://cdn.example.com/b.png" } }] }],
              },
            ],
          },
          { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "123456" }] },
        ],
      }),
    );
  });

  it("without components, the template has no components key", async () => {
    await wa.sendTemplate({ to: TO, name: "hello_world", language: "en_US" });
    expect(onlyRequest()).toEqual(envelope("template", { name: "hello_world", language: { code: "en_US" } }));
  });

  it("useMmLiteApi: POST /{sender}/marketing_messages with message_activity_sharing", async () => {
    server.respondOnce(
      { method: "POST", path: `/v25.0/${PHONE_ID}/marketing_messages` },
      {
        status: 200,
        json: {
          messaging_product: "whatsapp",
          contacts: [{ input: TO, wa_id: TO }],
          messages: [{ id: "wamid.MMLITE1", message_status: "accepted" }],
        },
      },
    );
    const sent = await wa.sendTemplate({
      to: TO,
      name: "spring_sale",
      language: "en_US",
      components: [{ type: "body", parameters: [{ type: "text", text: "20%" }] }],
      useMmLiteApi: true,
      messageActivitySharing: false,
      tracker: "campaign-7",
    });
    expect(onlyRequest(`/v25.0/${PHONE_ID}/marketing_messages`)).toEqual(
      envelope(
        "template",
        {
          name: "spring_sale",
          language: { code: "en_US" },
          components: [{ type: "body", parameters: [{ type: "text", text: "20%" }] }],
        },
        { message_activity_sharing: false, biz_opaque_callback_data: "campaign-7" },
      ),
    );
    expect(sent.id).toBe("wamid.MMLITE1");
    expect(sent.messageStatus).toBe("accepted");
  });

  it("messageActivitySharing without useMmLiteApi is refused", async () => {
    await expect(wa.sendTemplate({ to: TO, name: "x", language: "en", messageActivitySharing: true })).rejects.toThrow(
      /useMmLiteApi/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("commerce", () => {
  it("a catalog message with a thumbnail", async () => {
    await wa.sendCatalog({ to: TO, body: "Browse", footer: "New in", thumbnailProductSku: "SKU-1" });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "catalog_message",
        action: { name: "catalog_message", parameters: { thumbnail_product_retailer_id: "SKU-1" } },
        body: { text: "Browse" },
        footer: { text: "New in" },
      }),
    );
  });

  it("a catalog message without a thumbnail", async () => {
    await wa.sendCatalog({ to: TO, body: "Browse" });
    expect(onlyRequest()).toEqual(
      envelope("interactive", { type: "catalog_message", action: { name: "catalog_message" }, body: { text: "Browse" } }),
    );
  });

  it("one product", async () => {
    await wa.sendProduct({ to: TO, catalogId: "CAT1", sku: "SKU-1", body: "Our best seller", footer: "Free shipping" });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "product",
        action: { catalog_id: "CAT1", product_retailer_id: "SKU-1" },
        body: { text: "Our best seller" },
        footer: { text: "Free shipping" },
      }),
    );
  });

  it("several products in sections", async () => {
    const sent = await wa.sendProducts({
      to: TO,
      catalogId: "CAT1",
      title: "Summer",
      body: "Picked for you",
      footer: "While stocks last",
      productSections: [
        { title: "Shirts", skus: ["S1", "S2"] },
        { title: "Hats", skus: ["H1"] },
      ],
    });
    expect(onlyRequest()).toEqual(
      envelope("interactive", {
        type: "product_list",
        action: {
          catalog_id: "CAT1",
          sections: [
            { title: "Shirts", product_items: [{ product_retailer_id: "S1" }, { product_retailer_id: "S2" }] },
            { title: "Hats", product_items: [{ product_retailer_id: "H1" }] },
          ],
        },
        header: { type: "text", text: "Summer" },
        body: { text: "Picked for you" },
        footer: { text: "While stocks last" },
      }),
    );
    expect(sent.interactiveType).toBe("product_list");
  });
});

describe("read receipts", () => {
  it("mark as read: not the send envelope", async () => {
    const result = await wa.markMessageAsRead({ messageId: "wamid.IN1" });
    expect(onlyRequest()).toEqual({ messaging_product: "whatsapp", status: "read", message_id: "wamid.IN1" });
    expect(result).toEqual({ success: true });
  });

  it("typing indicator (also marks as read)", async () => {
    const result = await wa.indicateTyping({ messageId: "wamid.IN2", sender: "5550001" });
    expect(onlyRequest("/v25.0/5550001/messages")).toEqual({
      messaging_product: "whatsapp",
      status: "read",
      message_id: "wamid.IN2",
      typing_indicator: { type: "text" },
    });
    expect(result).toEqual({ success: true });
  });
});

describe("the envelope", () => {
  it("replyToMessageId → context.message_id", async () => {
    await wa.sendLocation({ to: TO, latitude: 1, longitude: 2, replyToMessageId: "wamid.Q1" });
    expect(onlyRequest()).toEqual(envelope("location", { latitude: 1, longitude: 2 }, { context: { message_id: "wamid.Q1" } }));
  });

  it("tracker → biz_opaque_callback_data; identityKeyHash → recipient_identity_key_hash", async () => {
    await wa.sendSticker({ to: TO, sticker: "https://cdn.example.com/s.webp", tracker: "order:42", identityKeyHash: "hash-abc" });
    expect(onlyRequest()).toEqual(
      envelope("sticker", { link: "https://cdn.example.com/s.webp" }, {
        biz_opaque_callback_data: "order:42",
        recipient_identity_key_hash: "hash-abc",
      }),
    );
  });

  it("a tracker over 512 characters is refused before any request, uploads included", async () => {
    const tracker = "x".repeat(513);
    await expect(wa.sendMessage({ to: TO, text: "hi", tracker })).rejects.toThrow(RangeError);
    await expect(wa.sendImage({ to: TO, image: new Uint8Array([1, 2, 3]), tracker })).rejects.toThrow(RangeError);
    await expect(
      wa.sendTemplate({
        to: TO,
        name: "t",
        language: "en",
        tracker,
        components: [{ type: "header", parameters: [{ type: "image", image: new Uint8Array([1]) }] }],
      }),
    ).rejects.toThrow(RangeError);
    expect(server.requests).toHaveLength(0);
    // 512 exactly is fine.
    await wa.sendReaction({ to: TO, emoji: "✅", messageId: "wamid.X", tracker: "y".repeat(512) });
    expect((onlyRequest() as { biz_opaque_callback_data: string }).biz_opaque_callback_data).toHaveLength(512);
  });

  it("a BSUID recipient goes in `recipient`, not `to`", async () => {
    const sent = await wa.sendMessage({ to: "US.13491208655302741918", text: "hi" });
    expect(onlyRequest()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      recipient: "US.13491208655302741918",
      type: "text",
      text: { body: "hi", preview_url: false },
    });
    expect(sent.to).toBe("US.13491208655302741918");
  });

  it("a parent BSUID too", async () => {
    await wa.sendReaction({ to: "US.ENT.11815799212886844830", emoji: "❤️", messageId: "wamid.P" });
    expect(onlyRequest()).toMatchObject({ recipient: "US.ENT.11815799212886844830", recipient_type: "individual" });
    expect(onlyRequest()).not.toHaveProperty("to");
  });

  it("a group id → recipient_type group", async () => {
    await wa.sendCatalog({ to: "120363025246125888@g.us", body: "For the team" });
    expect(onlyRequest()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "group",
      to: "120363025246125888@g.us",
      type: "interactive",
      interactive: { type: "catalog_message", action: { name: "catalog_message" }, body: { text: "For the team" } },
    });
  });

  it("`sender` overrides the phone id, for the upload as well as the send", async () => {
    const sent = await wa.sendAudio({ to: TO, audio: new Uint8Array([0xff, 0xfb, 0x90]), sender: "5550001" });
    expect(server.requests.map((r) => r.path)).toEqual(["/v25.0/5550001/media", "/v25.0/5550001/messages"]);
    const body = checked(server.requests[1]!, "/v25.0/5550001/messages") as { audio: { id: string } };
    expect(body).toEqual(envelope("audio", { id: body.audio.id }));
    expect(sent.fromPhoneId).toBe("5550001");
  });

  it("the SentMessage: id = the server's wamid, to = contacts[0].wa_id, input = what was given", async () => {
    server.respondOnce(
      { method: "POST", path: SEND_PATH },
      {
        status: 200,
        json: {
          messaging_product: "whatsapp",
          contacts: [{ input: "+1 (555) 010-0999", wa_id: "15550100999" }],
          messages: [{ id: "wamid.HBgLMTU1NTAxMDA5OTkVAgARGBI=" }],
        },
      },
    );
    const sent = await wa.sendContact({ to: "+1 (555) 010-0999", contact: { name: { formattedName: "Bob" } } });
    expect(onlyRequest()).toMatchObject({ to: "+1 (555) 010-0999", recipient_type: "individual" });
    expect(sent.id).toBe("wamid.HBgLMTU1NTAxMDA5OTkVAgARGBI=");
    expect(sent.messageId).toBe(sent.id);
    expect(sent.to).toBe("15550100999");
    expect(sent.input).toBe("+1 (555) 010-0999");
    expect(sent.fromPhoneId).toBe(PHONE_ID);
  });

  it("the server's own answer: a fresh wamid and the digits of the phone as wa_id", async () => {
    const sent = await wa.sendMessage({ to: "+972 50-123-4567", text: "hi" });
    expect(sent.id).toMatch(/^wamid\./);
    expect(sent.to).toBe("972501234567");
  });

  it("a Graph error on send is thrown, typed", async () => {
    server.respondWithError({ method: "POST", path: SEND_PATH }, { status: 400, code: 131047, message: "Re-engagement message" });
    await expect(wa.sendMessage({ to: TO, text: "late", retry: false })).rejects.toMatchObject({ code: 131047 });
  });
});
