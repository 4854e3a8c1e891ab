import { describe, expect, it } from "vitest";
import { onlyUpdate } from "../../../../test/fixtures/updates/classify-fixture.ts";
import { Location } from "./location.ts";

const message = (name: string) => onlyUpdate("message", name, "message");

describe("Message", () => {
  it("reads a text message, its sender and the business number", () => {
    const m = message("text");
    expect(m.id).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUJBMDAwMDAwMDAwMDAwMQA=");
    expect(m.messageId).toBe(m.id);
    expect(m.type).toBe("text");
    expect(m.text).toBe("Does it come in another color?");
    expect(m.timestamp).toEqual(new Date(1750000100 * 1000));
    expect(m.wabaId).toBe("102290129340398");
    expect(m.metadata).toEqual({ displayPhoneNumber: "15550001111", phoneNumberId: "1234567890" });
    expect(m.from.waId).toBe("16505551234");
    expect(m.from.bsuid).toBe("US.13491208655302741918");
    expect(m.from.parentBsuid).toBe("US.ENT.11815799212886844830");
    expect(m.from.name).toBe("Pablo Morales");
    expect(m.from.username).toBe("@pablomorales");
    expect(m.fromUser).toBe(m.from);
    expect(m.from.preferredId).toBe("US.13491208655302741918");
    expect(m.chat).toEqual({ id: "US.13491208655302741918", type: "private" });
    expect(m.textFields).toEqual(["Does it come in another color?", undefined]);
    expect(m.isUserAction).toBe(true);
    expect(m.messageIdToReply).toBe(m.id);
    expect(m.isReply).toBe(false);
    expect(m.forwarded).toBe(false);
    expect(m.hasMedia).toBe(false);
    expect(m.dedupeKey).toBe(`message:${m.id}`);
    expect(m.raw.field).toBe("messages");
    expect(m.raw.value.messages[0].text.body).toBe("Does it come in another color?");
  });

  it("reads a user whose phone number is withheld", () => {
    const m = message("text_bsuid_only");
    expect(m.from.waId).toBeUndefined();
    expect(m.from.bsuid).toBe("IN.55512398712398712345");
    expect(m.from.username).toBe("@ravik");
    expect(m.from.countryCode).toBe("IN");
    expect(m.chat.id).toBe("IN.55512398712398712345");
  });

  it("reads an image with caption and url", () => {
    const m = message("image");
    expect(m.image).toEqual({
      type: "image",
      id: "1479537139650973",
      sha256: "lbgyK0sCpYtC8Qf8Jr0Iq2Qv8t2b7Ft1k8V5o0aZ2pE=",
      mimeType: "image/jpeg",
      url: "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1479537139650973&ext=1750000220&hash=ATuX3bHq",
      caption: "My broken lamp",
    });
    expect(m.media).toBe(m.image);
    expect(m.hasMedia).toBe(true);
    expect(m.caption).toBe("My broken lamp");
    expect(m.textFields).toEqual([undefined, "My broken lamp"]);
    expect(m.video).toBeUndefined();
  });

  it("reads video, audio, voice, document and stickers", () => {
    const video = message("video");
    expect(video.video?.id).toBe("765756756112233");
    expect(video.caption).toBe("Unboxing");

    const audio = message("audio");
    expect(audio.audio).toMatchObject({ id: "9876543210123", mimeType: "audio/mpeg", voice: false });
    expect(audio.voice).toBe(false);
    expect(audio.caption).toBeUndefined();

    const voice = message("voice");
    expect(voice.voice).toBe(true);
    expect(voice.audio?.mimeType).toBe("audio/ogg; codecs=opus");
    expect(voice.media?.type).toBe("audio");

    const doc = message("document");
    expect(doc.document).toMatchObject({ filename: "invoice-2025-05.pdf", mimeType: "application/pdf", caption: "Invoice for May" });
    expect(doc.caption).toBe("Invoice for May");

    expect(message("sticker_animated").sticker).toMatchObject({ id: "5566778899001122", animated: true });
    expect(message("sticker_static").sticker?.animated).toBe(false);
  });

  it("reads a chosen place and a current location", () => {
    const place = message("location").location;
    expect(place).toBeInstanceOf(Location);
    expect(place).toMatchObject({ latitude: 37.4843428, longitude: -122.1482875, name: "Meta Headquarters" });
    expect(place?.currentLocation).toBe(false);
    // Meta HQ to Stanford is ~7 km.
    expect(place?.inRadius(37.4275, -122.1697, 10)).toBe(true);
    expect(place?.inRadius(37.4275, -122.1697, 5)).toBe(false);

    const here = message("current_location").location;
    expect(here?.currentLocation).toBe(true);
    // Tel Aviv to Jerusalem is ~54 km.
    expect(here?.inRadius(31.7683, 35.2137, 60)).toBe(true);
    expect(here?.inRadius(31.7683, 35.2137, 50)).toBe(false);
  });

  it("reads shared contact cards", () => {
    const contacts = message("contacts").contacts;
    expect(contacts).toHaveLength(2);
    expect(contacts?.origin).toBeUndefined();
    const chandler = contacts?.[0];
    expect(chandler?.name).toMatchObject({ formattedName: "Chandler Bing", firstName: "Chandler", lastName: "Bing" });
    expect(chandler?.birthday).toBe("1968-04-08");
    expect(chandler?.phones).toEqual([
      { phone: "+1 555-555-5555", type: "CELL", waId: "15555555555" },
      { phone: "+1 555-555-0000", type: "WORK", waId: undefined },
    ]);
    expect(chandler?.emails).toEqual([{ email: "chandler@example.com", type: "WORK" }]);
    expect(chandler?.addresses[0]).toMatchObject({ city: "New York", countryCode: "US", zip: "10014" });
    expect(chandler?.org).toEqual({ company: "M&M Inc.", department: "Data", title: "Analyst" });
    expect(contacts?.[1]?.emails).toEqual([]);

    const shared = message("contact_request");
    expect(shared.contacts?.origin).toBe("contact_request");
    expect(shared.from.waId).toBeUndefined();
    expect(shared.from.bsuid).toBe("US.13491208655302741918");
  });

  it("reads an order and its total", () => {
    const order = message("order").order;
    expect(order?.catalogId).toBe("354160437058781");
    expect(order?.text).toBe("Extra ketchup please");
    expect(order?.products).toEqual([
      { sku: "HAMBURGER", quantity: 3, price: 30, currency: "ILS" },
      { sku: "FRENCH_FRIES", quantity: 2, price: 12.5, currency: "ILS" },
    ]);
    expect(order?.totalPrice).toBe(115);
  });

  it("answers a reaction on the message reacted to", () => {
    const m = message("reaction");
    expect(m.reaction).toEqual({
      messageId: "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA",
      emoji: "👍",
      isRemoved: false,
    });
    expect(m.messageIdToReply).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA");
    expect(m.isReply).toBe(true);
    expect(m.replyToMessage).toBeUndefined();

    const removed = message("unreaction").reaction;
    expect(removed?.emoji).toBeUndefined();
    expect(removed?.isRemoved).toBe(true);
  });

  it("reads unsupported messages and their errors", () => {
    const m = message("unsupported");
    expect(m.type).toBe("unsupported");
    expect(m.unsupported).toEqual({ type: "poll" });
    expect(m.error).toEqual({
      code: 131051,
      title: "Message type unknown",
      message: "Message type unknown",
      details: "Message type is currently not supported.",
      href: undefined,
    });
    expect(m.errors).toHaveLength(1);
  });

  it("delivers an interactive message without content (value.errors) as a Message", () => {
    const m = message("interactive_error");
    expect(m.type).toBe("interactive");
    expect(m.error?.code).toBe(131000);
    expect(m.error?.details).toBe("Unsupported webhook payload");
    expect(m.replyToMessage?.messageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJGMkE0RTk4QjdFMzNDNzA1MkQA");
  });

  it("reads the ad a user came from", () => {
    const m = message("referral");
    expect(m.text).toBe("Can I get more info on this?");
    expect(m.referral).toMatchObject({
      sourceUrl: "https://fb.me/3cr4Wqqkv",
      sourceId: "120212345678901234",
      sourceType: "ad",
      headline: "Summer sale: 30% off",
      mediaType: "image",
      videoUrl: undefined,
      ctwaClid: "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-ZABi",
    });
  });

  it("reads replies, referred products and forwards", () => {
    const reply = message("reply");
    expect(reply.isReply).toBe(true);
    expect(reply.replyToMessage).toEqual({
      messageId: "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJDNDg5MDlFRjE4QTEzMEU3RkIA",
      fromUserId: "15550001111",
      referredProduct: undefined,
    });
    expect(message("reply_referred_product").replyToMessage?.referredProduct).toEqual({
      catalogId: "354160437058781",
      sku: "HAMBURGER",
    });

    const forwarded = message("forwarded");
    expect([forwarded.forwarded, forwarded.forwardedManyTimes, forwarded.isReply]).toEqual([true, false, false]);
    const many = message("frequently_forwarded");
    expect([many.forwarded, many.forwardedManyTimes]).toEqual([true, true]);
  });

  it("puts a group message in its group", () => {
    const m = message("group_text");
    expect(m.chat).toEqual({ id: "120363025246125486@g.us", type: "group" });
    expect(m.from.waId).toBe("16505551234");
  });

  it("delivers unknown interactive and system types as plain messages", () => {
    expect(message("unknown_interactive_type").type).toBe("interactive");
    const system = message("unknown_system_type");
    expect(system.type).toBe("system");
    expect(system.text).toBeUndefined();
  });
});
