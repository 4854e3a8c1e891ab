import { describe, expect, it } from "vitest";
import type { WhatsApp } from "../../client/whatsapp.ts";
import type { Message } from "../../updates/message.ts";
import type { Filter } from "../filter.ts";
import { distanceKm, filters } from "./index.ts";

const wa = {} as unknown as WhatsApp;
const check = (f: Filter<never>, u: unknown) => f.check(wa, u as never);

const msg = (type: string, fields: Record<string, unknown> = {}): Message =>
  ({ kind: "message", id: "wamid.A", type, textFields: [], ...fields }) as unknown as Message;
const media = (type: string, m: Record<string, unknown> = {}) =>
  msg(type, { [type]: { id: "MID", sha256: "h", mimeType: "application/octet-stream", ...m } });

const text = msg("text", { text: "hi" });
const jpeg = media("image", { mimeType: "image/jpeg" });
const mp4 = media("video", { mimeType: "video/mp4" });
const pdf = media("document", { mimeType: "application/pdf", filename: "Invoice.PDF" });
const song = media("audio", { mimeType: "audio/mpeg", voice: false });
const note = media("audio", { mimeType: "audio/ogg; codecs=opus", voice: true });
const animated = media("sticker", { mimeType: "image/webp", animated: true });
const still = media("sticker", { mimeType: "image/webp", animated: false });

describe("message", () => {
  it("matches messages only", () => {
    expect(check(filters.message, text)).toBe(true);
    expect(check(filters.message, { kind: "callbackButton" })).toBe(false);
    expect(check(filters.message, { kind: "outgoingMessage", type: "text" })).toBe(false);
  });
});

describe("simple types", () => {
  const cases: [keyof typeof filters, Message][] = [
    ["text", text],
    ["image", jpeg],
    ["video", mp4],
    ["document", pdf],
    ["audio", song],
    ["sticker", still],
    ["location", msg("location", { location: { latitude: 1, longitude: 2 } })],
    ["reaction", msg("reaction", { reaction: { messageId: "wamid.Q", emoji: "👍" } })],
    ["contacts", msg("contacts", { contacts: [] })],
    ["order", msg("order", { order: { catalogId: "C", products: [] } })],
    ["unsupported", msg("unsupported", { unsupported: { type: "poll" } })],
  ];
  for (const [name, match] of cases) {
    it(`${name}`, () => {
      const f = filters[name] as Filter<never>;
      expect(check(f, match)).toBe(true);
      const other = name === "text" ? jpeg : text;
      expect(check(f, other)).toBe(false);
    });
  }
  it("outgoing echoes are messages too", () => {
    expect(check(filters.text, { kind: "outgoingMessage", type: "text", text: "x" })).toBe(true);
  });
  it("a non-message with a look-alike type is not a message", () => {
    expect(check(filters.text, { kind: "callStatus", type: "text" })).toBe(false);
  });
});

describe("audio and stickers", () => {
  it("audio matches both kinds of audio", () => {
    expect(check(filters.audio, note)).toBe(true);
  });
  it("audioOnly / voice", () => {
    expect(check(filters.audioOnly, song)).toBe(true);
    expect(check(filters.audioOnly, note)).toBe(false);
    expect(check(filters.voice, note)).toBe(true);
    expect(check(filters.voice, song)).toBe(false);
    expect(check(filters.voice, text)).toBe(false);
  });
  it("animatedSticker / staticSticker", () => {
    expect(check(filters.animatedSticker, animated)).toBe(true);
    expect(check(filters.animatedSticker, still)).toBe(false);
    expect(check(filters.staticSticker, still)).toBe(true);
    expect(check(filters.staticSticker, animated)).toBe(false);
    expect(check(filters.staticSticker, jpeg)).toBe(false);
  });
});

describe("locations", () => {
  const here = msg("location", { location: { latitude: 37.485, longitude: -122.147, currentLocation: true } });
  const place = msg("location", {
    location: { latitude: 37.485, longitude: -122.147, name: "Meta HQ", address: "1 Hacker Way", currentLocation: false },
  });
  it("currentLocation", () => {
    expect(check(filters.currentLocation, here)).toBe(true);
    expect(check(filters.currentLocation, place)).toBe(false);
    // without the getter, computed as pywa does: no name, address or url
    expect(check(filters.currentLocation, msg("location", { location: { latitude: 1, longitude: 1 } }))).toBe(true);
    expect(check(filters.currentLocation, text)).toBe(false);
  });
  it("locationInRadius", () => {
    expect(check(filters.locationInRadius(37.4848, -122.1484, 1), here)).toBe(true);
    expect(check(filters.locationInRadius(32.0853, 34.7818, 1), here)).toBe(false); // Tel Aviv
    expect(check(filters.locationInRadius(37.4848, -122.1484, 1), text)).toBe(false);
    expect(check(filters.locationInRadius(0, 0, 1), msg("location", { location: {} }))).toBe(false);
  });
  it("distanceKm", () => {
    // London → Paris ≈ 344 km
    expect(distanceKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeGreaterThan(340);
    expect(distanceKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeLessThan(348);
    expect(distanceKm(10, 10, 10, 10)).toBe(0);
  });
});

describe("reactions", () => {
  const added = msg("reaction", { reaction: { messageId: "wamid.Q", emoji: "👍" } });
  const removed = msg("reaction", { reaction: { messageId: "wamid.Q" } });
  const emptied = msg("reaction", { reaction: { messageId: "wamid.Q", emoji: "" } });
  it("reactionAdded / reactionRemoved", () => {
    expect(check(filters.reactionAdded, added)).toBe(true);
    expect(check(filters.reactionAdded, removed)).toBe(false);
    expect(check(filters.reactionRemoved, removed)).toBe(true);
    expect(check(filters.reactionRemoved, emptied)).toBe(true);
    expect(check(filters.reactionRemoved, added)).toBe(false);
    expect(check(filters.reactionRemoved, text)).toBe(false);
  });
  it("reactionEmojis", () => {
    expect(check(filters.reactionEmojis("👍", "👎"), added)).toBe(true);
    expect(check(filters.reactionEmojis("❤️"), added)).toBe(false);
    expect(check(filters.reactionEmojis("👍"), removed)).toBe(false);
  });
});

describe("contacts", () => {
  const shared = Object.assign([{ name: { formattedName: "Bob" }, phones: [{ phone: "+1 555", waId: "1555" }] }], {
    origin: "contact_request",
  });
  const plain = Object.assign([{ name: { formattedName: "Eve" }, phones: [{ phone: "+1 666" }] }], {
    origin: "other",
  });
  it("contactInfoShared", () => {
    expect(check(filters.contactInfoShared, msg("contacts", { contacts: shared }))).toBe(true);
    expect(check(filters.contactInfoShared, msg("contacts", { contacts: plain }))).toBe(false);
  });
  it("contactsHasWa", () => {
    expect(check(filters.contactsHasWa, msg("contacts", { contacts: shared }))).toBe(true);
    expect(check(filters.contactsHasWa, msg("contacts", { contacts: plain }))).toBe(false);
    expect(check(filters.contactsHasWa, msg("contacts", { contacts: [{ name: {} }] }))).toBe(false);
    expect(check(filters.contactsHasWa, text)).toBe(false);
  });
});

describe("media", () => {
  it("media", () => {
    for (const m of [jpeg, mp4, pdf, song, note, still]) expect(check(filters.media, m)).toBe(true);
    expect(check(filters.media, text)).toBe(false);
    expect(check(filters.media, msg("image"))).toBe(false); // no media object
  });
  it("hasCaption", () => {
    expect(check(filters.hasCaption, media("image", { caption: "look" }))).toBe(true);
    expect(check(filters.hasCaption, jpeg)).toBe(false);
    expect(check(filters.hasCaption, text)).toBe(false);
  });
  it("mimetypes", () => {
    expect(check(filters.mimetypes("application/pdf", "image/png"), pdf)).toBe(true);
    expect(check(filters.mimetypes("image/png"), jpeg)).toBe(false);
    expect(check(filters.mimetypes("audio/ogg"), note)).toBe(true); // parameters ignored
    expect(check(filters.mimetypes("image/*"), jpeg)).toBe(true);
    expect(check(filters.mimetypes("image/*"), mp4)).toBe(false);
    expect(check(filters.mimetypes("text/plain"), text)).toBe(false);
  });
  it("extensions", () => {
    expect(check(filters.extensions(".jpg"), jpeg)).toBe(true);
    expect(check(filters.extensions("JPEG"), jpeg)).toBe(true);
    expect(check(filters.extensions(".png"), jpeg)).toBe(false);
    expect(check(filters.extensions(".pdf"), pdf)).toBe(true);
    expect(check(filters.extensions(".ogg"), note)).toBe(true);
    expect(check(filters.extensions(".mp3"), note)).toBe(false);
    expect(check(filters.extensions(".mp4"), mp4)).toBe(true);
    expect(check(filters.extensions(".txt"), text)).toBe(false);
  });
  it("extensions reads a document's file name", () => {
    const csv = media("document", { mimeType: "application/octet-stream", filename: "data.CSV" });
    expect(check(filters.extensions(".csv"), csv)).toBe(true);
    expect(check(filters.extensions(".xlsx"), csv)).toBe(false);
  });
});
