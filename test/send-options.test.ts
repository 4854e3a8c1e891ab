import { beforeEach, describe, expect, it } from "vitest";
import { WhatsApp, type SentMessage } from "@edgewa/core";
import { PHONE_ID, graphSuite } from "./support/graph-suite.ts";

/**
 * The options every send shares (issue 3, item 2): `replyToMessageId` →
 * `context.message_id`, `tracker` → `biz_opaque_callback_data`, `identityKeyHash` →
 * `recipient_identity_key_hash`, for every send method of the client, over the
 * local Graph API server. Each method is called twice, without and with the three
 * options: the second body must be the first plus exactly those fields.
 */
const SEND_PATH = `/v25.0/${PHONE_ID}/messages`;
const TO = "972501234567";
const GROUP = "120363025555555555@g.us";
const QUOTED = "wamid.QUOTED";
const TARGET = "wamid.REACTED";
const TRACKER = "campaign=spring;user=42";
const KEY_HASH = "c2VjcmV0LWlkZW50aXR5LWtleS1oYXNo";
const IMAGE = "https://cdn.example.com/cat.jpg";
const VIDEO = "https://cdn.example.com/clip.mp4";

const { server, client } = graphSuite();
let wa: WhatsApp;
beforeEach(() => void (wa = client()));

/** The three shared options, any of them; reactions get them through a cast, as a careless caller would. */
interface Common {
  replyToMessageId?: string;
  tracker?: string;
  identityKeyHash?: string;
}

interface Row {
  /** The client method, by name. */
  method: string;
  /** The body's `type`. */
  type: string;
  /** False for reactions: a reaction names its message in the payload and never quotes. */
  quotes: boolean;
  send(common: Common): Promise<SentMessage>;
}

const card = (image: string, title: string) => ({ image, body: title, buttons: [{ title: "Pick", callbackData: title }] });

const rows: Row[] = [
  { method: "sendMessage", type: "text", quotes: true, send: (c) => wa.sendMessage({ to: TO, text: "Hello", ...c }) },
  { method: "sendText", type: "text", quotes: true, send: (c) => wa.sendText({ to: TO, text: "Hello", ...c }) },
  { method: "sendImage", type: "image", quotes: true, send: (c) => wa.sendImage({ to: TO, image: IMAGE, caption: "A cat", ...c }) },
  { method: "sendVideo", type: "video", quotes: true, send: (c) => wa.sendVideo({ to: TO, video: VIDEO, ...c }) },
  {
    method: "sendDocument",
    type: "document",
    quotes: true,
    send: (c) => wa.sendDocument({ to: TO, document: "https://cdn.example.com/a.pdf", filename: "a.pdf", ...c }),
  },
  { method: "sendAudio", type: "audio", quotes: true, send: (c) => wa.sendAudio({ to: TO, audio: "https://cdn.example.com/a.mp3", ...c }) },
  { method: "sendVoice", type: "audio", quotes: true, send: (c) => wa.sendVoice({ to: TO, voice: "https://cdn.example.com/v.ogg", ...c }) },
  { method: "sendSticker", type: "sticker", quotes: true, send: (c) => wa.sendSticker({ to: TO, sticker: "https://cdn.example.com/s.webp", ...c }) },
  { method: "sendLocation", type: "location", quotes: true, send: (c) => wa.sendLocation({ to: TO, latitude: 32.08, longitude: 34.78, ...c }) },
  { method: "requestLocation", type: "interactive", quotes: true, send: (c) => wa.requestLocation({ to: TO, text: "Where?", ...c }) },
  { method: "sendContact", type: "contacts", quotes: true, send: (c) => wa.sendContact({ to: TO, contact: { name: { formattedName: "Bob" } }, ...c }) },
  { method: "requestContactInfo", type: "interactive", quotes: true, send: (c) => wa.requestContactInfo({ to: TO, text: "Share?", ...c }) },
  { method: "sendTemplate", type: "template", quotes: true, send: (c) => wa.sendTemplate({ to: TO, name: "hello_world", language: "en_US", ...c }) },
  { method: "sendCatalog", type: "interactive", quotes: true, send: (c) => wa.sendCatalog({ to: TO, body: "Our shop", ...c }) },
  { method: "sendProduct", type: "interactive", quotes: true, send: (c) => wa.sendProduct({ to: TO, catalogId: "cat-1", sku: "sku-1", ...c }) },
  {
    method: "sendProducts",
    type: "interactive",
    quotes: true,
    send: (c) =>
      wa.sendProducts({ to: TO, catalogId: "cat-1", title: "Picks", body: "Today", productSections: [{ title: "Top", skus: ["a", "b"] }], ...c }),
  },
  {
    method: "sendCarousel",
    type: "interactive",
    quotes: true,
    send: (c) => wa.sendCarousel({ to: TO, body: "Choose", cards: [card(IMAGE, "one"), card("https://cdn.example.com/dog.jpg", "two")], ...c }),
  },
  { method: "sendReaction", type: "reaction", quotes: false, send: (c) => wa.sendReaction({ to: TO, emoji: "👍", messageId: TARGET, ...c }) },
  { method: "removeReaction", type: "reaction", quotes: false, send: (c) => wa.removeReaction({ to: TO, messageId: TARGET, ...c }) },
];

/**
 * Prototype methods named like a send that send no message: phone-number
 * verification, handler bookkeeping, group membership. Anything else named
 * send…/request…/remove… must have a row above.
 */
const NOT_MESSAGE_SENDS: Record<string, string> = {
  requestVerificationCode: "phone-number registration (POST /{phone-id}/request_code)",
  removeHandlers: "handler registry",
  removeCallbacks: "handler registry",
  removeGroupParticipants: "group membership (DELETE /{group-id}/participants)",
};

/** The body of the one message sent since the last clear, checked as a send with the token. */
function sentBody(): Record<string, unknown> {
  expect(server.requests).toHaveLength(1);
  const request = server.requests[0]!;
  expect(request.method).toBe("POST");
  expect(request.path).toBe(SEND_PATH);
  expect(request.headers.authorization).toBe("Bearer test-token");
  return request.body as Record<string, unknown>;
}

async function bodyOf(row: Row, common: Common): Promise<Record<string, unknown>> {
  server.clear();
  const sent = await row.send(common);
  expect(sent.id).toMatch(/^wamid\./);
  expect(sent.type).toBe(row.type);
  return sentBody();
}

describe("replyToMessageId, tracker and identityKeyHash on every send", () => {
  it.each(rows.map((row) => [row.method, row] as const))("%s", async (_, row) => {
    const plain = await bodyOf(row, {});
    expect(plain).not.toHaveProperty("context");
    expect(plain).not.toHaveProperty("biz_opaque_callback_data");
    expect(plain).not.toHaveProperty("recipient_identity_key_hash");
    expect(plain.type).toBe(row.type);
    expect(plain[row.type]).toBeDefined();

    const full = await bodyOf(row, { replyToMessageId: QUOTED, tracker: TRACKER, identityKeyHash: KEY_HASH });
    expect(full).toEqual({
      ...plain,
      ...(row.quotes ? { context: { message_id: QUOTED } } : {}),
      biz_opaque_callback_data: TRACKER,
      recipient_identity_key_hash: KEY_HASH,
    });
    if (!row.quotes) {
      expect(full).not.toHaveProperty("context");
      // The reacted-to message stays the one named, not the quoted one smuggled in.
      expect((full.reaction as { message_id: string }).message_id).toBe(TARGET);
    }
  });

  it.each(rows.map((row) => [row.method, row] as const))("%s: each option alone adds only its own field", async (_, row) => {
    const plain = await bodyOf(row, {});
    expect(await bodyOf(row, { tracker: TRACKER })).toEqual({ ...plain, biz_opaque_callback_data: TRACKER });
    expect(await bodyOf(row, { identityKeyHash: KEY_HASH })).toEqual({ ...plain, recipient_identity_key_hash: KEY_HASH });
    expect(await bodyOf(row, { replyToMessageId: QUOTED })).toEqual(row.quotes ? { ...plain, context: { message_id: QUOTED } } : plain);
  });

  it.each(rows.map((row) => [row.method, row] as const))("%s: a tracker over 512 characters is refused before any request", async (_, row) => {
    await expect(row.send({ tracker: "x".repeat(513) })).rejects.toThrow(/512/);
    expect(server.requests).toHaveLength(0);
    await row.send({ tracker: "x".repeat(512) });
    expect(sentBody().biz_opaque_callback_data).toBe("x".repeat(512));
  });

  it("the rows cover every send method of the client (a new one without a row fails here)", () => {
    const proto = WhatsApp.prototype as unknown as Record<string, unknown>;
    const named = Object.getOwnPropertyNames(proto).filter(
      (name) => /^(send|request|remove)[A-Z]/.test(name) && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === "function",
    );
    // No stale exclusion: each one is still a method of the client.
    for (const name of Object.keys(NOT_MESSAGE_SENDS)) expect(named, name).toContain(name);
    const sends = named.filter((name) => !(name in NOT_MESSAGE_SENDS)).sort();
    const covered = [...new Set(rows.map((row) => row.method))].sort();
    expect(covered).toEqual(sends);
    // The brief's list, so a renamed method cannot quietly leave it.
    expect(covered).toEqual(
      [
        "sendMessage", "sendText", "sendImage", "sendVideo", "sendDocument", "sendAudio", "sendVoice", "sendSticker",
        "sendLocation", "requestLocation", "sendContact", "requestContactInfo", "sendTemplate", "sendCatalog",
        "sendProduct", "sendProducts", "sendCarousel", "sendReaction", "removeReaction",
      ].sort(),
    );
  });

  it("pinMessage and unpinMessage take none of them: a cast cannot sneak them into the body", async () => {
    const smuggled = { replyToMessageId: QUOTED, tracker: TRACKER, identityKeyHash: KEY_HASH } as Common;
    await wa.pinMessage({ chatId: GROUP, messageId: TARGET, expirationDays: 7, ...smuggled });
    expect(sentBody()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "group",
      to: GROUP,
      type: "pin",
      pin: { type: "pin", message_id: TARGET, expiration_days: 7 },
    });
    server.clear();
    await wa.unpinMessage({ chatId: GROUP, messageId: TARGET, ...smuggled });
    expect(sentBody()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "group",
      to: GROUP,
      type: "pin",
      pin: { type: "unpin", message_id: TARGET },
    });
  });
});

describe("audio as a voice note, and a plain video", () => {
  it("sendAudio({ isVoice: true }) sends audio.voice true; without it there is no voice field", async () => {
    const sent = await wa.sendAudio({ to: TO, audio: "https://cdn.example.com/note.ogg", isVoice: true });
    expect(sentBody()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: TO,
      type: "audio",
      audio: { link: "https://cdn.example.com/note.ogg", voice: true },
    });
    expect(sent.type).toBe("audio");

    server.clear();
    await wa.sendAudio({ to: TO, audio: "https://cdn.example.com/song.mp3" });
    expect(sentBody().audio).toEqual({ link: "https://cdn.example.com/song.mp3" });
  });

  it("a plain sendVideo (no buttons): a video message, field by field", async () => {
    const sent = await wa.sendVideo({ to: TO, video: VIDEO, caption: "Our new clip", replyToMessageId: QUOTED });
    const body = sentBody();
    expect(Object.keys(body).sort()).toEqual(["context", "messaging_product", "recipient_type", "to", "type", "video"]);
    expect(body.messaging_product).toBe("whatsapp");
    expect(body.recipient_type).toBe("individual");
    expect(body.to).toBe(TO);
    expect(body.type).toBe("video");
    expect(body.context).toEqual({ message_id: QUOTED });
    expect(body.video).toEqual({ link: VIDEO, caption: "Our new clip" });
    expect(body).not.toHaveProperty("interactive");
    expect(sent.type).toBe("video");
    expect(sent.interactiveType).toBeUndefined();
    expect(sent.to).toBe(TO);
    expect(sent.fromPhoneId).toBe(PHONE_ID);

    // By media id, without a caption: only the id (no caption: null, no filename).
    server.clear();
    const id = server.addMedia(new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), "video/mp4");
    await wa.sendVideo({ to: TO, video: id });
    expect(sentBody()).toEqual({ messaging_product: "whatsapp", recipient_type: "individual", to: TO, type: "video", video: { id } });
  });
});
