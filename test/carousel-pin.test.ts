import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WhatsApp, type CarouselCard, type UpdateKinds } from "@edgewa/core";
import { loadFixtures } from "./fixtures/updates/index.ts";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";
import { inHandler as runInHandler } from "./support/in-handler.ts";

/**
 * Media carousels (`sendCarousel`, `replyCarousel`) and group pins (`pinMessage`,
 * `unpinMessage`, `message.pin()` / `unpin()`), over a real socket against the
 * local Graph API server: the exact body of each, and the mistakes refused first.
 */
const PHONE_ID = "1234567890";
const SEND_PATH = `/v25.0/${PHONE_ID}/messages`;
const MEDIA_PATH = `/v25.0/${PHONE_ID}/media`;
const TO = "972501234567";
const GROUP_ID = "120363025246125486@g.us";
const SECRET = "carousel-app-secret";
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

let server: GraphServer;
let wa: WhatsApp;

beforeAll(async () => {
  server = await startGraphServer({ token: "test-token" });
  wa = new WhatsApp({ phoneId: PHONE_ID, token: "test-token", appSecret: SECRET, graphUrl: server.url, logger: quiet, retry: { maxAttempts: 1 } });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

const urlCard = (n: number): CarouselCard => ({
  image: `https://example.com/plant-${n}.jpg`,
  body: `Plant ${n}`,
  buttons: { type: "url", title: "Shop", url: `https://example.com/p/${n}` },
});

const wireUrlCard = (n: number) => ({
  card_index: n,
  type: "cta_url",
  header: { type: "image", image: { link: `https://example.com/plant-${n}.jpg` } },
  body: { text: `Plant ${n}` },
  action: { name: "cta_url", parameters: { display_text: "Shop", url: `https://example.com/p/${n}` } },
});

describe("sendCarousel", () => {
  it("URL-button cards: interactive.type carousel, card_index in order, the body above the cards", async () => {
    const sent = await wa.sendCarousel({ to: TO, body: "Our plants", cards: [urlCard(0), urlCard(1), urlCard(2)], tracker: "spring" });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.path).toBe(SEND_PATH);
    expect(request.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: TO,
      type: "interactive",
      biz_opaque_callback_data: "spring",
      interactive: { type: "carousel", action: { cards: [wireUrlCard(0), wireUrlCard(1), wireUrlCard(2)] }, body: { text: "Our plants" } },
    });
    expect(sent.id).toMatch(/^wamid\./);
    expect(sent.interactiveType).toBe("carousel");
  });

  it("quick-reply cards with video headers; a card without a body has no body key", async () => {
    const quick = (n: number): CarouselCard => ({
      video: `https://example.com/clip-${n}.mp4`,
      ...(n === 0 ? {} : { body: `Clip ${n}` }),
      buttons: [
        { title: "More", callbackData: `more:${n}` },
        { title: "Save", callbackData: `save:${n}` },
      ],
    });
    await wa.sendCarousel({ to: TO, body: "Clips", cards: [quick(0), quick(1)], replyToMessageId: "wamid.Q" });
    const body = server.requests[0]!.body as { context: unknown; interactive: { action: { cards: unknown[] } } };
    expect(body.context).toEqual({ message_id: "wamid.Q" });
    expect(body.interactive.action.cards).toEqual([
      {
        card_index: 0,
        type: "button",
        header: { type: "video", video: { link: "https://example.com/clip-0.mp4" } },
        action: {
          buttons: [
            { type: "quick_reply", quick_reply: { id: "more:0", title: "More" } },
            { type: "quick_reply", quick_reply: { id: "save:0", title: "Save" } },
          ],
        },
      },
      {
        card_index: 1,
        type: "button",
        header: { type: "video", video: { link: "https://example.com/clip-1.mp4" } },
        body: { text: "Clip 1" },
        action: {
          buttons: [
            { type: "quick_reply", quick_reply: { id: "more:1", title: "More" } },
            { type: "quick_reply", quick_reply: { id: "save:1", title: "Save" } },
          ],
        },
      },
    ]);
  });

  it("card media given as a media id goes as { id }; bytes are uploaded first (pywa takes URLs only)", async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await wa.sendCarousel({
      to: TO,
      body: "Mixed sources",
      cards: [
        { image: "1122334455", buttons: { type: "url", title: "Go", url: "https://example.com/a" } },
        { image: new Blob([bytes], { type: "image/jpeg" }), buttons: { type: "url", title: "Go", url: "https://example.com/b" } },
      ],
    });
    expect(server.requests.map((r) => r.path)).toEqual([MEDIA_PATH, SEND_PATH]);
    const uploadedId = (server.requests[0]!.response as { id: string }).id;
    const cards = (server.requests[1]!.body as { interactive: { action: { cards: { header: unknown }[] } } }).interactive.action.cards;
    expect(cards.map((c) => c.header)).toEqual([
      { type: "image", image: { id: "1122334455" } },
      { type: "image", image: { id: uploadedId } },
    ]);
  });

  it("refuses, before any request or upload: fewer than 2 or more than 10 cards, mixed headers or buttons, no body", async () => {
    const blobCard: CarouselCard = { image: new Blob([new Uint8Array([1])], { type: "image/png" }), buttons: { type: "url", title: "x", url: "https://x" } };
    const quickCard: CarouselCard = { image: "https://example.com/q.jpg", buttons: [{ title: "A", callbackData: "a" }] };
    const cases: [CarouselCard[], RegExp, string?][] = [
      [[urlCard(0)], /2 to 10 cards, got 1/],
      [Array.from({ length: 11 }, (_, i) => urlCard(i)), /2 to 10 cards, got 11/],
      [[blobCard, { video: "https://example.com/v.mp4", buttons: { type: "url", title: "x", url: "https://x" } }], /card 0: image header, a URL button; card 1: video header, a URL button/],
      [[blobCard, quickCard], /card 1: image header, 1 quick-reply button/],
      [[quickCard, { ...quickCard, buttons: [{ title: "A", callbackData: "a" }, { title: "B", callbackData: "b" }] }], /card 0: image header, 1 quick-reply button\(s\); card 1: image header, 2 quick-reply/],
      [[blobCard, { image: "https://example.com/a.jpg", video: "https://example.com/v.mp4", buttons: { type: "url", title: "x", url: "https://x" } } as unknown as CarouselCard], /exactly one of image and video/],
      [[blobCard, { ...quickCard, buttons: [] }], /cannot be empty/],
      [[blobCard, urlCard(1)], /body is required/, ""],
      [[blobCard, urlCard(1)], /body is 1025 characters; the Cloud API allows 1024/, "x".repeat(1025)],
      [[blobCard, { ...urlCard(1), body: "y".repeat(161) }], /card 1's body is 161 characters; the Cloud API allows 160/],
    ];
    for (const [cards, message, body = "Body"] of cases) {
      await expect(wa.sendCarousel({ to: TO, body, cards })).rejects.toThrow(message);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("a Graph error on the send comes back typed", async () => {
    server.respondWithError({ method: "POST", path: SEND_PATH }, { status: 400, code: 131009, message: "Parameter value is not valid" });
    await expect(wa.sendCarousel({ to: TO, body: "x", cards: [urlCard(0), urlCard(1)] })).rejects.toMatchObject({ code: 131009, name: "InvalidParameter" });
  });
});

describe("pinMessage / unpinMessage", () => {
  it("pin: type pin, pin { type: pin, message_id, expiration_days } to the group; nothing else in the envelope", async () => {
    const sent = await wa.pinMessage({ chatId: GROUP_ID, messageId: "wamid.PINME", expirationDays: 7 });
    expect(server.requests[0]!.path).toBe(SEND_PATH);
    expect(server.requests[0]!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "group",
      to: GROUP_ID,
      type: "pin",
      pin: { type: "pin", message_id: "wamid.PINME", expiration_days: 7 },
    });
    expect(sent.type).toBe("pin");
  });

  it("unpin: pin { type: unpin, message_id }, from another sender when asked", async () => {
    await wa.unpinMessage({ chatId: GROUP_ID, messageId: "wamid.PINME", sender: "5550001" });
    expect(server.requests[0]!.path).toBe("/v25.0/5550001/messages");
    expect(server.requests[0]!.body).toMatchObject({ to: GROUP_ID, type: "pin", pin: { type: "unpin", message_id: "wamid.PINME" } });
    expect((server.requests[0]!.body as { pin: object }).pin).not.toHaveProperty("expiration_days");
  });

  it("a message the bot sent to a group pins itself (sent.pin / sent.unpin), as pywa's shortcuts do", async () => {
    const rules = await wa.sendMessage({ to: GROUP_ID, text: "House rules" });
    server.clear();
    await rules.pin(3);
    await rules.unpin();
    expect(server.requests.map((r) => r.body)).toEqual([
      { messaging_product: "whatsapp", recipient_type: "group", to: GROUP_ID, type: "pin", pin: { type: "pin", message_id: rules.id, expiration_days: 3 } },
      { messaging_product: "whatsapp", recipient_type: "group", to: GROUP_ID, type: "pin", pin: { type: "unpin", message_id: rules.id } },
    ]);
  });

  it("refuses a missing chat or message and a non-positive or fractional expiry, before any request", async () => {
    await expect(wa.pinMessage({ chatId: GROUP_ID, messageId: "wamid.X", expirationDays: 0 })).rejects.toThrow(/expirationDays must be a whole number/);
    await expect(wa.pinMessage({ chatId: GROUP_ID, messageId: "wamid.X", expirationDays: 1.5 })).rejects.toThrow(/expirationDays/);
    await expect(wa.pinMessage({ chatId: "", messageId: "wamid.X", expirationDays: 1 })).rejects.toThrow(/chatId is required/);
    await expect(wa.unpinMessage({ chatId: GROUP_ID, messageId: "" })).rejects.toThrow(/messageId is required/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("shortcuts: replyCarousel, message.pin() / unpin()", () => {
  const fixtures = loadFixtures();
  const groupText = () => structuredClone(fixtures["message"]!["group_text"]!) as object;
  const groupMessageId = (payload: object) =>
    ((payload as { entry: { changes: { value: { messages: { id: string }[] } }[] }[] }).entry[0]!.changes[0]!.value.messages[0]!.id);

  function inHandler<R>(payload: object, act: (m: UpdateKinds["message"]) => Promise<R>): Promise<R> {
    const bot = new WhatsApp({ phoneId: PHONE_ID, token: "test-token", appSecret: SECRET, graphUrl: server.url, logger: quiet, retry: { maxAttempts: 1 } });
    return runInHandler(bot, SECRET, "message", payload, act);
  }

  it("replyCarousel in a group goes to the group, quoting on request", async () => {
    const payload = groupText();
    await inHandler(payload, (m) => m.replyCarousel({ body: "Pick a plant", cards: [urlCard(0), urlCard(1)] }, { quote: true }));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "group",
      to: GROUP_ID,
      type: "interactive",
      context: { message_id: groupMessageId(payload) },
      interactive: { type: "carousel", action: { cards: [wireUrlCard(0), wireUrlCard(1)] }, body: { text: "Pick a plant" } },
    });
  });

  it("message.pin(days) pins that message in its group; unpin() unpins it, from the number it came to", async () => {
    const payload = groupText();
    await inHandler(payload, (m) => m.pin(30));
    await inHandler(payload, (m) => m.unpin());
    expect(server.requests.map((r) => r.path)).toEqual([SEND_PATH, SEND_PATH]);
    expect(server.requests.map((r) => (r.body as { to: string; pin: unknown }).pin)).toEqual([
      { type: "pin", message_id: groupMessageId(payload), expiration_days: 30 },
      { type: "unpin", message_id: groupMessageId(payload) },
    ]);
    expect(server.requests.every((r) => (r.body as { to: string }).to === GROUP_ID)).toBe(true);
  });
});
