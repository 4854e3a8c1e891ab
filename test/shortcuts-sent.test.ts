import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CallPermissionUpdate,
  ManualClock,
  MemoryStore,
  SentMessage,
  WhatsApp,
  filters,
  type Message,
  type Store,
  type WaitOptions,
} from "@edgewa/core";
import type { SdpOffer } from "../packages/core/src/client/calls/types.ts";
import { startGraphServer, type GraphServer, type RecordedRequest } from "./support/graph-server.ts";
import { PHONE_ID, USER, status, text } from "./support/payloads.ts";
import { signedRequest } from "./support/webhook.ts";

/**
 * What a sent message can do besides waiting for a reply: the reply shortcuts of
 * updates (pywa's `_ClientShortcuts` on `SentMessage`), sent to the message's
 * recipient from the number that sent it, quoting the message itself; and the
 * waits of pywa's `Sent*` subtypes (location, contact info, played, call
 * permission, incoming call), each resolved across fresh WhatsApp instances that
 * share only a store, and each refused on a message of the wrong kind.
 */
const SECRET = "shortcuts-sent-secret";
const TOKEN = "shortcuts-sent-token";
const OTHER_PHONE = "5550000001";
const GROUP_ID = "120363025246125486@g.us";
const BSUID = "US.13491208655302741918";
const OFFER: SdpOffer = { sdpType: "offer", sdp: "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\n" };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

let server: GraphServer;
let wa: WhatsApp;
beforeAll(async () => {
  server = await startGraphServer({ token: TOKEN });
  wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, logger: quiet, retry: { maxAttempts: 1 } });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

/** Sends a text (from another number than the client's own), then forgets that request. */
async function sentText(to = USER, sender = OTHER_PHONE): Promise<SentMessage> {
  const sent = await wa.sendMessage({ to, text: "the bot's message", sender });
  server.clear();
  return sent;
}

/** The one request made since; fails if there were more or fewer. */
function only(): RecordedRequest {
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toHaveLength(1);
  return server.requests[0]!;
}

const SEND_PATH = `/v25.0/${OTHER_PHONE}/messages`;
const toUser = { messaging_product: "whatsapp", recipient_type: "individual", to: USER };

describe("reply shortcuts on a SentMessage", () => {
  it("reply: to the recipient (sent.to), from the sending number (sent.fromPhoneId), not the client's phoneId", async () => {
    const sent = await sentText();
    expect(sent.fromPhoneId).toBe(OTHER_PHONE);
    const next = await sent.reply("And another thing");
    const req = only();
    expect(req.method).toBe("POST");
    expect(req.path).toBe(SEND_PATH);
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.body).toEqual({ ...toUser, type: "text", text: { body: "And another thing", preview_url: false } });
    // What a shortcut returns is a SentMessage too, with the same shortcuts.
    expect(next).toBeInstanceOf(SentMessage);
    expect(next.fromPhoneId).toBe(OTHER_PHONE);
    expect(next.id).not.toBe(sent.id);
  });

  it("quote: true quotes the bot's own sent message (context.message_id = sent.id)", async () => {
    const sent = await sentText();
    expect(sent.messageIdToReply).toBe(sent.id);
    await sent.replyText("About the above", { quote: true });
    expect(only().body).toEqual({
      ...toUser,
      context: { message_id: sent.id },
      type: "text",
      text: { body: "About the above", preview_url: false },
    });
  });

  it("a recipient known by a BSUID is answered by `recipient`; a group message's replies go to the group", async () => {
    const bsuid = await sentText(BSUID);
    expect(bsuid.to).toBe(BSUID);
    await bsuid.reply("hi");
    expect(only().body).toMatchObject({ recipient: BSUID, recipient_type: "individual" });
    expect(only().body).not.toHaveProperty("to");
    server.clear();
    const group = await sentText(GROUP_ID);
    await group.reply("to all", { quote: true });
    expect(only().body).toMatchObject({ to: GROUP_ID, recipient_type: "group", context: { message_id: group.id } });
  });

  it("private: true on a message sent to a group, and call on it, are refused with no request", async () => {
    const group = await sentText(GROUP_ID);
    await expect(group.reply("just you", { private: true })).rejects.toThrow(/went to a group: there is no one user/);
    await expect(group.call(OFFER)).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
    // To a user, `private` changes nothing: the chat is the user's already.
    const user = await sentText();
    await user.reply("still you", { private: true });
    expect(only().body).toMatchObject(toUser);
  });

  it("the options the shortcut fills in cannot be overridden from JavaScript", async () => {
    const sent = await sentText();
    await sent.reply("hi", { to: "15550009999", sender: "999", replyToMessageId: "wamid.OTHER" } as never);
    const req = only();
    expect(req.path).toBe(SEND_PATH);
    expect(req.body).toEqual({ ...toUser, type: "text", text: { body: "hi", preview_url: false } });
  });

  it("every send shortcut: the send's own body, to the recipient, quoting the sent message", async () => {
    const sent = await sentText();
    const quote = { quote: true } as const;
    const cases: [string, () => Promise<SentMessage>, Record<string, unknown>][] = [
      ["replyImage", () => sent.replyImage("https://example.com/cat.jpg", { ...quote, caption: "A cat" }), { type: "image", image: { link: "https://example.com/cat.jpg", caption: "A cat" } }],
      ["replyVideo", () => sent.replyVideo("https://example.com/clip.mp4", quote), { type: "video", video: { link: "https://example.com/clip.mp4" } }],
      [
        "replyDocument",
        () => sent.replyDocument("https://example.com/r.pdf", { ...quote, filename: "Q3.pdf" }),
        { type: "document", document: { link: "https://example.com/r.pdf", filename: "Q3.pdf" } },
      ],
      ["replyAudio", () => sent.replyAudio("1122334455", quote), { type: "audio", audio: { id: "1122334455" } }],
      ["replyVoice", () => sent.replyVoice("9988776655", quote), { type: "audio", audio: { id: "9988776655", voice: true } }],
      ["replySticker", () => sent.replySticker("5544332211", quote), { type: "sticker", sticker: { id: "5544332211" } }],
      [
        "replyLocation",
        () => sent.replyLocation({ latitude: 32.0853, longitude: 34.7818, name: "Office", address: "1 Main St" }, quote),
        { type: "location", location: { latitude: 32.0853, longitude: 34.7818, name: "Office", address: "1 Main St" } },
      ],
      [
        "replyLocationRequest",
        () => sent.replyLocationRequest("Where are you?", quote),
        { type: "interactive", interactive: { type: "location_request_message", action: { name: "send_location" }, body: { text: "Where are you?" } } },
      ],
      [
        "replyContact",
        () => sent.replyContact({ name: { formattedName: "Support", firstName: "Support" } }, quote),
        { type: "contacts", contacts: [{ name: { formatted_name: "Support", first_name: "Support" } }] },
      ],
      [
        "replyContactInfoRequest",
        () => sent.replyContactInfoRequest("Share your details?", quote),
        { type: "interactive", interactive: { type: "request_contact_info", action: { name: "request_contact_info" }, body: { text: "Share your details?" } } },
      ],
      [
        "replyTemplate",
        () => sent.replyTemplate({ name: "order_update", language: "en_US" }, { ...quote, tracker: "t1" }),
        { type: "template", template: { name: "order_update", language: { code: "en_US" } }, biz_opaque_callback_data: "t1" },
      ],
      [
        "replyCatalog",
        () => sent.replyCatalog("Our shop", quote),
        { type: "interactive", interactive: { type: "catalog_message", action: { name: "catalog_message" }, body: { text: "Our shop" } } },
      ],
      [
        "replyProduct",
        () => sent.replyProduct({ catalogId: "CAT1", sku: "SKU1" }, quote),
        { type: "interactive", interactive: { type: "product", action: { catalog_id: "CAT1", product_retailer_id: "SKU1" } } },
      ],
      [
        "replyProducts",
        () => sent.replyProducts({ catalogId: "CAT1", title: "Picks", body: "For you", productSections: [{ title: "Shoes", skus: ["S1"] }] }, quote),
        {
          type: "interactive",
          interactive: {
            type: "product_list",
            action: { catalog_id: "CAT1", sections: [{ title: "Shoes", product_items: [{ product_retailer_id: "S1" }] }] },
            header: { type: "text", text: "Picks" },
            body: { text: "For you" },
          },
        },
      ],
      [
        "replyCarousel",
        () =>
          sent.replyCarousel(
            { body: "Our plants", cards: [0, 1].map((n) => ({ image: `https://example.com/p${n}.jpg`, buttons: { type: "url", title: "Shop", url: `https://example.com/${n}` } })) },
            quote,
          ),
        {
          type: "interactive",
          interactive: {
            type: "carousel",
            body: { text: "Our plants" },
            action: {
              cards: [0, 1].map((n) => ({
                card_index: n,
                type: "cta_url",
                header: { type: "image", image: { link: `https://example.com/p${n}.jpg` } },
                action: { name: "cta_url", parameters: { display_text: "Shop", url: `https://example.com/${n}` } },
              })),
            },
          },
        },
      ],
    ];
    for (const [name, act, payload] of cases) {
      server.clear();
      const next = await act();
      const req = only();
      expect(req.path, name).toBe(SEND_PATH);
      expect(req.body, name).toEqual({ ...toUser, context: { message_id: sent.id }, ...payload });
      expect(next.fromPhoneId, name).toBe(OTHER_PHONE);
    }
  });

  it("react / unreact point at the sent message, with no context", async () => {
    const sent = await sentText();
    await sent.react("👍");
    expect(only().body).toEqual({ ...toUser, type: "reaction", reaction: { emoji: "👍", message_id: sent.id } });
    server.clear();
    await sent.unreact();
    expect(only().body).toEqual({ ...toUser, type: "reaction", reaction: { emoji: "", message_id: sent.id } });
  });

  it("markAsRead / indicateTyping name the sent message, on the sending number (pywa has them on SentMessage too)", async () => {
    const sent = await sentText();
    expect(await sent.markAsRead()).toEqual({ success: true });
    expect(only()).toMatchObject({ path: SEND_PATH, body: { messaging_product: "whatsapp", status: "read", message_id: sent.id } });
    server.clear();
    expect(await sent.indicateTyping()).toEqual({ success: true });
    expect(only().body).toEqual({ messaging_product: "whatsapp", status: "read", message_id: sent.id, typing_indicator: { type: "text" } });
  });

  it("call(sdp): POST /{fromPhoneId}/calls to the recipient, with the offer and tracker", async () => {
    const sent = await sentText();
    const calls = `/v25.0/${OTHER_PHONE}/calls`;
    server.respondOnce({ method: "POST", path: calls }, { status: 200, json: { messaging_product: "whatsapp", calls: [{ id: "wacid.S" }] } });
    const call = await sent.call(OFFER, { tracker: "from-sent" });
    const req = only();
    expect(req.path).toBe(calls);
    expect(req.body).toEqual({
      messaging_product: "whatsapp",
      to: USER,
      action: "connect",
      session: { sdp_type: "offer", sdp: OFFER.sdp },
      biz_opaque_callback_data: "from-sent",
    });
    expect(call).toMatchObject({ id: "wacid.S", to: USER, fromPhoneId: OTHER_PHONE });
  });

  it("a sent reaction quotes and reacts to the message it reacted to (as pywa); one built without it refuses to quote", async () => {
    const reaction = await wa.sendReaction({ to: USER, emoji: "👍", messageId: "wamid.REACTED", sender: OTHER_PHONE });
    server.clear();
    await reaction.reply("about that", { quote: true });
    expect((only().body as { context: unknown }).context).toEqual({ message_id: "wamid.REACTED" });
    server.clear();
    await reaction.react("🎉");
    expect((only().body as { reaction: unknown }).reaction).toEqual({ emoji: "🎉", message_id: "wamid.REACTED" });
    server.clear();

    const bare = new SentMessage(wa, {
      response: { messaging_product: "whatsapp", contacts: [{ input: USER, wa_id: USER }], messages: [{ id: "wamid.THE_REACTION" }] },
      to: USER,
      fromPhoneId: OTHER_PHONE,
      type: "reaction",
    });
    await expect(bare.reply("x", { quote: true })).rejects.toThrow(/sent reaction has no message to reply to/);
    expect(server.requests).toHaveLength(0);
    // Without a quote it just answers the recipient.
    await bare.reply("plain");
    expect(only().body).not.toHaveProperty("context");
  });

  it("the shortcuts are one implementation: updates and sent messages share it, CallPermissionUpdate has no call of its own", () => {
    expect(Object.hasOwn(CallPermissionUpdate.prototype, "call")).toBe(false);
    expect(typeof CallPermissionUpdate.prototype.call).toBe("function");
    for (const name of ["reply", "replyText", "replyImage", "react", "unreact", "markAsRead", "call"] as const) {
      expect(Object.hasOwn(SentMessage.prototype, name), name).toBe(false);
      expect(typeof SentMessage.prototype[name], name).toBe("function");
    }
  });
});

// ── The kind-bound waits, across stateless invocations ─────────────────────────

type Item = Record<string, unknown>;
const ts = () => String(Math.floor(Date.now() / 1000));
let counter = 0;
const nextId = (prefix = "wamid.SENTIN") => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;

/** A `messages` payload from the user of support/payloads.ts, carrying `message`. */
function incoming(message: Item): object {
  const payload = text("(replaced)") as unknown as { entry: { changes: { value: { messages: Item[] } }[] }[] };
  payload.entry[0]!.changes[0]!.value.messages = [{ from: USER, id: nextId(), timestamp: ts(), ...message }];
  return payload;
}

const locationMessage = (location: Item) => incoming({ type: "location", location });
const HERE = { latitude: 32.0853, longitude: 34.7818 };
const PLACE = { latitude: 37.4843, longitude: -122.1483, name: "Meta HQ", address: "1 Hacker Way" };

function contactsMessage(origin?: string) {
  return incoming({
    type: "contacts",
    contacts: [{ name: { formatted_name: "Dana Cohen", first_name: "Dana" }, phones: [{ phone: "+1 555 123 4567", wa_id: USER, type: "CELL" }], ...(origin ? { origin } : {}) }],
  });
}

/** The user's answer to the call permission request `to` (its wamid). */
function permissionReply(to: string, response = "accept") {
  return incoming({
    context: { from: "15550001111", id: to },
    type: "interactive",
    interactive: { type: "call_permission_reply", call_permission_reply: { response, response_source: "user_action" } },
  });
}

/** A `calls` connect of the user, calling the business (or, business-initiated, answering it). */
function callConnect(direction: "USER_INITIATED" | "BUSINESS_INITIATED" = "USER_INITIATED") {
  const payload = text("(replaced)") as unknown as { entry: { changes: { field: string; value: Item }[] }[] };
  const change = payload.entry[0]!.changes[0]!;
  const value = change.value;
  delete value.messages;
  change.field = "calls";
  const ends = direction === "USER_INITIATED" ? { from: USER, to: "15550001111" } : { from: "15550001111", to: USER };
  value.calls = [{
    id: nextId("wacid.CALL"), ...ends, event: "connect", timestamp: ts(), direction,
    session: { sdp_type: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n" },
  }];
  return payload;
}

/** A status of the message `id` (support/payloads.ts's `status` knows no `played`). */
function statusOf(id: string, name: string) {
  const payload = status(id, "sent") as unknown as { entry: { changes: { value: { statuses: Item[] } }[] }[] };
  payload.entry[0]!.changes[0]!.value.statuses[0]!.status = name;
  return payload;
}

type SentBody = { type: string; text?: { body: string }; interactive?: { type: string; body: { text: string } } };
const sends = () => server.requests.filter((r) => r.path.endsWith("/messages") && (r.body as { type?: string }).type);
const sentTexts = () => sends().map((r) => (r.body as SentBody).text?.body ?? (r.body as SentBody).interactive?.body.text ?? (r.body as SentBody).type);
/** The wamid the server gave the `index`th message sent. */
const wamid = (index: number) => (sends()[index]!.response as { messages: { id: string }[] }).messages[0]!.id;

/** What reached the ordinary handlers, in order. */
const events: string[] = [];
beforeEach(() => void (events.length = 0));

type Handler = (wa: WhatsApp, msg: Message) => Promise<void>;

/** A fresh instance per delivery, as one invocation of a Worker or Lambda would build it. */
async function deliver(store: Store, clock: ManualClock, handler: Handler, payload: object) {
  const bot = new WhatsApp({
    phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, store, clock, retry: { maxAttempts: 1 },
    logger: { debug() {}, warn: (...a: unknown[]) => void events.push(`warn: ${a.join(" ")}`), error: (...a: unknown[]) => void events.push(`error: ${a.join(" ")}`) },
  });
  bot.onMessage(filters.command("start"), handler);
  bot.onMessage((_, m) => void events.push(`message handler: ${m.type}`));
  bot.onMessageStatus((_, s) => void events.push(`status handler: ${s.status}`));
  bot.onCallPermissionUpdate((_, u) => void events.push(`permission handler: ${u.response}`));
  bot.onCallConnect((_, c) => void events.push(`call handler: ${c.direction}`));
  const response = await bot.fetch(signedRequest(SECRET, payload));
  expect(response.status).toBe(200);
}

const fresh = () => {
  const clock = new ManualClock();
  return { clock, store: new MemoryStore({ clock }) };
};

describe("sent.waitForLocation", () => {
  let options: WaitOptions & { forceCurrentLocation?: boolean } = {};
  beforeEach(() => void (options = {}));
  const where = async function where(_wa: WhatsApp, msg: Message) {
    const ask = await msg.replyLocationRequest("Where are you?");
    const at = await ask.waitForLocation(options);
    await msg.reply(`At ${at.location?.latitude},${at.location?.longitude} ${at.location?.name ?? "(here)"}`);
  };

  it("the user's current location resumes the handler; a text meanwhile is swallowed, a chosen place does not count", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, where, text("/start"));
    expect(sentTexts()).toEqual(["Where are you?"]);
    await deliver(store, clock, where, text("why?"));
    await deliver(store, clock, where, locationMessage(PLACE));
    expect(sentTexts()).toEqual(["Where are you?"]);
    expect(events).toEqual([]);
    // It need not quote the request.
    await deliver(store, clock, where, locationMessage(HERE));
    expect(sentTexts()).toEqual(["Where are you?", "At 32.0853,34.7818 (here)"]);
    // Over: the next location is an ordinary message.
    await deliver(store, clock, where, locationMessage(HERE));
    expect(events).toEqual(["message handler: location"]);
  });

  it("with forceCurrentLocation: false a chosen place resolves it", async () => {
    const { store, clock } = fresh();
    options = { forceCurrentLocation: false };
    await deliver(store, clock, where, text("/start"));
    await deliver(store, clock, where, locationMessage(PLACE));
    expect(sentTexts()).toEqual(["Where are you?", "At 37.4843,-122.1483 Meta HQ"]);
  });
});

describe("sent.waitForContactInfo", () => {
  const who = async function who(_wa: WhatsApp, msg: Message) {
    const ask = await msg.replyContactInfoRequest("Share your details?");
    const card = await ask.waitForContactInfo();
    await msg.reply(`Thanks ${card.contacts?.[0]?.name?.formattedName} (${card.contacts?.origin})`);
  };

  it("the card shared through the request resumes it; a card shared by hand does not", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, who, text("/start"));
    expect(sends()[0]!.body).toMatchObject({ type: "interactive", interactive: { type: "request_contact_info" } });
    await deliver(store, clock, who, contactsMessage());
    expect(sentTexts()).toEqual(["Share your details?"]);
    expect(events).toEqual([]);
    await deliver(store, clock, who, contactsMessage("contact_request"));
    expect(sentTexts()).toEqual(["Share your details?", "Thanks Dana Cohen (contact_request)"]);
  });
});

describe("sent.waitUntilPlayed", () => {
  const listen = async function listen(_wa: WhatsApp, msg: Message) {
    const note = await msg.replyVoice("9988776655");
    const played = await note.waitUntilPlayed({ timeout: 86_400_000 });
    await msg.reply(`Played: ${played.id === note.id}`);
  };

  it("this voice note's played status resumes it; its other statuses and other notes' do not, and reach their handler", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, listen, text("/start"));
    expect(sends()[0]!.body).toMatchObject({ type: "audio", audio: { id: "9988776655", voice: true } });
    const note = wamid(0);
    await deliver(store, clock, listen, statusOf(note, "delivered"));
    await deliver(store, clock, listen, statusOf(note, "read"));
    await deliver(store, clock, listen, statusOf("wamid.ANOTHER_NOTE", "played"));
    expect(sentTexts()).toEqual(["audio"]);
    expect(events).toEqual(["status handler: delivered", "status handler: read", "status handler: played"]);
    await deliver(store, clock, listen, statusOf(note, "played"));
    expect(sentTexts()).toEqual(["audio", "Played: true"]);
  });
});

describe("sent.waitForCallPermission", () => {
  const permission = async function permission(_wa: WhatsApp, msg: Message) {
    const ask = await msg.reply("May we call you?", { buttons: { type: "callPermissionRequest" } });
    const answer = await ask.waitForCallPermission();
    await msg.reply(`Permission: ${answer.response} ${answer.isAccepted}`);
  };

  it("the answer to this request resumes it; an answer to another request does not", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, permission, text("/start"));
    expect(sends()[0]!.body).toMatchObject({ interactive: { type: "call_permission_request", action: { name: "call_permission_request" } } });
    await deliver(store, clock, permission, permissionReply("wamid.ANOTHER_REQUEST"));
    expect(sentTexts()).toEqual(["May we call you?"]);
    expect(events).toEqual([]); // swallowed, as every wait for a user action does by default
    await deliver(store, clock, permission, permissionReply(wamid(0), "reject"));
    expect(sentTexts()).toEqual(["May we call you?", "Permission: reject false"]);
    await deliver(store, clock, permission, permissionReply(wamid(0)));
    expect(events).toEqual(["permission handler: accept"]);
  });
});

describe("sent.waitForIncomingVoiceCall", () => {
  const ring = async function ring(_wa: WhatsApp, msg: Message) {
    const invite = await msg.reply("Call us", { buttons: { type: "voiceCall", title: "Call now" } });
    const call = await invite.waitForIncomingVoiceCall();
    await msg.reply(`Ringing: ${call.direction}`);
  };

  it("the user's call resumes it; a business-initiated connect and a text do not", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, ring, text("/start"));
    expect(sends()[0]!.body).toMatchObject({ interactive: { type: "voice_call" } });
    await deliver(store, clock, ring, text("how?"));
    await deliver(store, clock, ring, callConnect("BUSINESS_INITIATED"));
    expect(sentTexts()).toEqual(["Call us"]);
    await deliver(store, clock, ring, callConnect());
    expect(sentTexts()).toEqual(["Call us", "Ringing: USER_INITIATED"]);
    await deliver(store, clock, ring, callConnect());
    expect(events).toEqual(["call handler: USER_INITIATED"]);
  });
});

describe("a wait on a message of the wrong kind", () => {
  const waits = {
    waitForLocation: (s: SentMessage) => s.waitForLocation(),
    waitForContactInfo: (s: SentMessage) => s.waitForContactInfo(),
    waitUntilPlayed: (s: SentMessage) => s.waitUntilPlayed(),
    waitForCallPermission: (s: SentMessage) => s.waitForCallPermission(),
    waitForIncomingVoiceCall: (s: SentMessage) => s.waitForIncomingVoiceCall(),
  };
  const why = {
    waitForLocation: /waitForLocation: this message is not a location request .*; it was sent as "text"/,
    waitForContactInfo: /waitForContactInfo: this message is not a contact info request .*; it was sent as "text"/,
    waitUntilPlayed: /waitUntilPlayed: this message is not a voice note .*; it was sent as "text"/,
    waitForCallPermission: /waitForCallPermission: this message has no call permission request button .*; it was sent as "text"/,
    waitForIncomingVoiceCall: /waitForIncomingVoiceCall: this message has no voice call button .*; it was sent as "text"/,
  };

  it.each(Object.keys(waits) as (keyof typeof waits)[])("%s: a TypeError naming the kind, before anything waits", async (name) => {
    const sent = await sentText();
    const error = await waits[name](sent).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(why[name]);
  });

  it("each refuses the others' kinds; the right kind gets past the check (outside a handler: the handler error)", async () => {
    const kinds: Record<keyof typeof waits, () => Promise<SentMessage>> = {
      waitForLocation: () => wa.requestLocation({ to: USER, text: "Where?" }),
      waitForContactInfo: () => wa.requestContactInfo({ to: USER, text: "Who?" }),
      waitUntilPlayed: () => wa.sendVoice({ to: USER, voice: "9988776655" }),
      waitForCallPermission: () => wa.sendMessage({ to: USER, text: "May we?", buttons: { type: "callPermissionRequest" } }),
      waitForIncomingVoiceCall: () => wa.sendMessage({ to: USER, text: "Call", buttons: { type: "voiceCall" } }),
    };
    for (const [kind, send] of Object.entries(kinds) as [keyof typeof waits, () => Promise<SentMessage>][]) {
      const sent = await send();
      for (const name of Object.keys(waits) as (keyof typeof waits)[]) {
        const error = await waits[name](sent).catch((e: unknown) => e);
        expect(error, `${name} on ${kind}`).toBeInstanceOf(TypeError);
        if (name === kind) expect(String(error), `${name} on ${kind}`).toMatch(/works inside a handler that can be resumed/);
        else expect(String(error), `${name} on ${kind}`).toMatch(new RegExp(`^TypeError: ${name}: this message (is not|has no)`));
      }
    }
    // A sent image is no voice note either, and neither is an audio sent as music.
    const image = await wa.sendImage({ to: USER, image: "https://example.com/cat.jpg" });
    await expect(image.waitUntilPlayed()).rejects.toThrow(/not a voice note.*sent as "image"/);
    const song = await wa.sendAudio({ to: USER, audio: "9988776655" });
    expect(song.isVoice).toBe(false);
    await expect(song.waitUntilPlayed()).rejects.toThrow(/not a voice note.*sent as "audio"/);
    expect((await wa.sendAudio({ to: USER, audio: "9988776655", isVoice: true })).isVoice).toBe(true);
  });

  it("inside a handler the refusal reaches onError and nothing is left waiting", async () => {
    const { store, clock } = fresh();
    const wrong = async function wrong(_wa: WhatsApp, msg: Message) {
      const plain = await msg.reply("Just text");
      await plain.waitForLocation();
    };
    await deliver(store, clock, wrong, text("/start"));
    expect(events.some((e) => e.startsWith("error: ") && /waitForLocation: this message is not a location request/.test(e))).toBe(true);
    expect(await store.get(`edgewa:listener:${PHONE_ID}:${USER}`)).toBeUndefined();
    events.length = 0;
    await deliver(store, clock, wrong, locationMessage(HERE));
    expect(events).toEqual(["message handler: location"]);
  });
});
