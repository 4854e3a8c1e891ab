import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BlockListLimitReached, WhatsApp, type UpdateKind, type UpdateKinds } from "@edgewa/core";
import { loadFixtures } from "./fixtures/updates/index.ts";
import { startGraphServer, type GraphServer, type RecordedRequest } from "./support/graph-server.ts";
import { inHandler as runInHandler } from "./support/in-handler.ts";
import { textPayload } from "./support/webhook.ts";

/**
 * The reply shortcuts of incoming updates (pywa's `_ClientShortcuts`), end to end:
 * a signed webhook through `wa.fetch`, the shortcut called in the handler, and the
 * exact request it made to the local Graph API server over a real socket.
 */
const SECRET = "shortcuts-app-secret";
const TOKEN = "test-token";
const PHONE_ID = "1234567890";
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const fixtures = loadFixtures();

let server: GraphServer;
beforeAll(async () => {
  server = await startGraphServer({ token: TOKEN });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.clear());

function fixture(file: string, name: string): object {
  const payload = fixtures[file]?.[name];
  if (!payload) throw new Error(`no fixture ${file}/${name}`);
  return structuredClone(payload);
}

/** The first item of the first change of a payload (to edit a fixture). */
function item(payload: object): Record<string, unknown> {
  const value = (payload as { entry: { changes: { value: Record<string, unknown[]> }[] }[] }).entry[0]!.changes[0]!.value;
  return (value.messages ?? value.calls ?? value.statuses)![0] as Record<string, unknown>;
}

/**
 * POSTs `payload`, signed, to a fresh client and runs `act` on the (first) update
 * of `kind` inside its handler; resolves to what `act` returned, rejects with what
 * it threw.
 */
async function inHandler<K extends Exclude<UpdateKind, "raw">, R>(
  kind: K,
  payload: object,
  act: (update: UpdateKinds[K]) => Promise<R>,
  options: { phoneId?: string; filterUpdates?: boolean } = {},
): Promise<R> {
  const wa = new WhatsApp({
    phoneId: options.phoneId ?? PHONE_ID,
    token: TOKEN,
    appSecret: SECRET,
    graphUrl: server.url,
    logger: quiet,
    filterUpdates: options.filterUpdates ?? true,
    retry: { maxAttempts: 1 },
  });
  return runInHandler(wa, SECRET, kind, payload, act);
}

/** The one request the server got; fails if there were more or fewer. */
function only(): RecordedRequest {
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toHaveLength(1);
  return server.requests[0]!;
}

const WA_ID = "972501234567";
const WAMID = "wamid.SHORTCUT1";
const text = (body = "hi") => textPayload(body, { id: WAMID, from: WA_ID, phoneId: PHONE_ID });
/** The envelope every send to the text payload's user has. */
const toUser = { messaging_product: "whatsapp", recipient_type: "individual", to: WA_ID };

// Ids from the fixtures (a user with a BSUID, a group, a reaction).
const BSUID = "US.13491208655302741918";
const GROUP_ID = "120363025246125486@g.us";
const REACTED_TO = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

describe("reply shortcuts: where they send", () => {
  it("reply(text): POST /{metadata.phoneNumberId}/messages to the sender, with the token, returning a SentMessage", async () => {
    const sent = await inHandler("message", text(), (m) => m.reply("Hello!"));
    const req = only();
    expect(req.method).toBe("POST");
    expect(req.path).toBe(`/v25.0/${PHONE_ID}/messages`);
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.body).toEqual({ ...toUser, type: "text", text: { body: "Hello!", preview_url: false } });
    expect(sent.id).toMatch(/^wamid\./);
    expect(sent.to).toBe(WA_ID);
    expect(sent.fromPhoneId).toBe(PHONE_ID);
  });

  it("sends from the number the update came to, not the client's phoneId", async () => {
    const payload = textPayload("hi", { id: WAMID, from: WA_ID, phoneId: "5550000001" });
    await inHandler("message", payload, (m) => m.reply("from the other number"), { filterUpdates: false });
    expect(only().path).toBe("/v25.0/5550000001/messages");
  });

  it("a user known by a BSUID is answered by `recipient` (the preferred id)", async () => {
    await inHandler("message", fixture("message", "text"), (m) => m.reply("hi"));
    const body = only().body as Record<string, unknown>;
    expect(body.recipient).toBe(BSUID);
    expect(body.recipient_type).toBe("individual");
    expect(body).not.toHaveProperty("to");
  });

  it("in a group: to the group; with private: true, to the user", async () => {
    await inHandler("message", fixture("message", "group_text"), (m) => m.reply("to all"));
    expect(only().body).toMatchObject({ to: GROUP_ID, recipient_type: "group", text: { body: "to all" } });
    server.clear();
    await inHandler("message", fixture("message", "group_text"), (m) => m.reply("just you", { private: true, quote: true }));
    const body = only().body as Record<string, unknown>;
    expect(body).toMatchObject({ recipient: BSUID, recipient_type: "individual" });
    expect(body.context).toEqual({ message_id: item(fixture("message", "group_text")).id });
  });

  it("quote: true → context.message_id = messageIdToReply; not quoting sends no context", async () => {
    await inHandler("message", text(), (m) => m.replyText("quoted", { quote: true }));
    expect(only().body).toEqual({ ...toUser, context: { message_id: WAMID }, type: "text", text: { body: "quoted", preview_url: false } });
    server.clear();
    await inHandler("message", text(), (m) => m.replyText("plain", { quote: false }));
    expect(only().body).not.toHaveProperty("context");
  });

  it("options that the shortcut fills in cannot be overridden from JavaScript", async () => {
    const sneaky = { to: "15550009999", sender: "999", replyToMessageId: "wamid.OTHER" } as never;
    await inHandler("message", text(), (m) => m.reply("hi", sneaky));
    const req = only();
    expect(req.path).toBe(`/v25.0/${PHONE_ID}/messages`);
    expect(req.body).toEqual({ ...toUser, type: "text", text: { body: "hi", preview_url: false } });
  });

  it("a reaction message is answered on the message it reacted to", async () => {
    await inHandler("message", fixture("message", "reaction"), (m) => m.reply("noted", { quote: true }));
    expect((only().body as { context: unknown }).context).toEqual({ message_id: REACTED_TO });
  });

  it("a button click quotes the click; an edit quotes the original message", async () => {
    const click = fixture("callback-button", "button_reply");
    await inHandler("callbackButton", click, (b) => b.reply("clicked", { quote: true }));
    expect((only().body as { context: unknown }).context).toEqual({ message_id: item(click).id });
    server.clear();
    const pick = fixture("callback-selection", "list_reply");
    await inHandler("callbackSelection", pick, (s) => s.reply("picked", { quote: true }));
    expect((only().body as { context: unknown }).context).toEqual({ message_id: item(pick).id });
    server.clear();
    const edit = fixture("edited-message", "edit_text");
    await inHandler("editedMessage", edit, (e) => e.react("👀"));
    const original = (item(edit).edit as { original_message_id: string }).original_message_id;
    expect(only().body).toMatchObject({ type: "reaction", reaction: { emoji: "👀", message_id: original } });
  });

  it("updates with no message to reply to: a plain reply works, quoting rejects without a request", async () => {
    await inHandler("callConnect", fixture("call-connect", "user_initiated"), (c) => c.reply("we'll call you back"));
    expect(only().body).toMatchObject({ type: "text", text: { body: "we'll call you back" } });
    server.clear();
    await expect(inHandler("callConnect", fixture("call-connect", "user_initiated"), (c) => c.reply("x", { quote: true }))).rejects.toThrow(
      /no message to reply to/,
    );
    await expect(inHandler("userMarketingPreferences", fixture("user-marketing-preferences", "stop"), (u) => u.markAsRead())).rejects.toThrow(
      /no message to reply to/,
    );
    await expect(inHandler("callConnect", fixture("call-connect", "user_initiated"), (c) => c.react("👍"))).rejects.toThrow(
      /no message to reply to/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("tracker, identityKeyHash, and signal reach the send", async () => {
    await inHandler("message", text(), (m) => m.reply("t", { tracker: "order:42", identityKeyHash: "abc123" }));
    expect(only().body).toMatchObject({ biz_opaque_callback_data: "order:42", recipient_identity_key_hash: "abc123" });
    server.clear();
    const aborted = AbortSignal.abort(new Error("cancelled by the test"));
    await expect(inHandler("message", text(), (m) => m.reply("never", { signal: aborted }))).rejects.toThrow("cancelled by the test");
  });
});

describe("reply shortcuts: what they send", () => {
  it("replyText with buttons, header, footer", async () => {
    await inHandler("message", text(), (m) =>
      m.replyText("Pick one", {
        header: "Menu",
        footer: "edgewa",
        buttons: [
          { title: "Yes", callbackData: "yes" },
          { title: "No", callbackData: "no" },
        ],
      }),
    );
    expect(only().body).toEqual({
      ...toUser,
      type: "interactive",
      interactive: {
        type: "button",
        action: {
          buttons: [
            { type: "reply", reply: { id: "yes", title: "Yes" } },
            { type: "reply", reply: { id: "no", title: "No" } },
          ],
        },
        header: { type: "text", text: "Menu" },
        body: { text: "Pick one" },
        footer: { text: "edgewa" },
      },
    });
  });

  it("replyText with previewUrl", async () => {
    await inHandler("message", text(), (m) => m.replyText("see https://example.com", { previewUrl: true }));
    expect(only().body).toMatchObject({ type: "text", text: { body: "see https://example.com", preview_url: true } });
  });

  it("replyImage / replyVideo / replyDocument by link, replyAudio / replyVoice / replySticker by id", async () => {
    const cases: [string, (m: UpdateKinds["message"]) => Promise<unknown>, Record<string, unknown>][] = [
      ["image", (m) => m.replyImage("https://example.com/cat.jpg", { caption: "A cat" }), { link: "https://example.com/cat.jpg", caption: "A cat" }],
      ["video", (m) => m.replyVideo("https://example.com/clip.mp4"), { link: "https://example.com/clip.mp4" }],
      [
        "document",
        (m) => m.replyDocument("https://example.com/files/report.pdf", { filename: "Q3.pdf", caption: "Q3" }),
        { link: "https://example.com/files/report.pdf", filename: "Q3.pdf", caption: "Q3" },
      ],
      ["audio", (m) => m.replyAudio("1122334455"), { id: "1122334455" }],
      ["sticker", (m) => m.replySticker("5544332211"), { id: "5544332211" }],
    ];
    for (const [type, act, payload] of cases) {
      server.clear();
      await inHandler("message", text(), act);
      expect(only().body, type).toEqual({ ...toUser, type, [type]: payload });
    }
    server.clear();
    await inHandler("message", text(), (m) => m.replyVoice("9988776655", { quote: true }));
    expect(only().body).toEqual({ ...toUser, context: { message_id: WAMID }, type: "audio", audio: { id: "9988776655", voice: true } });
  });

  it("replyImage with buttons becomes interactive, the image as header", async () => {
    await inHandler("message", text(), (m) =>
      m.replyImage("https://example.com/cat.jpg", { caption: "Like it?", buttons: [{ title: "👍", callbackData: "like" }] }),
    );
    expect(only().body).toMatchObject({
      type: "interactive",
      interactive: {
        type: "button",
        header: { type: "image", image: { link: "https://example.com/cat.jpg" } },
        body: { text: "Like it?" },
      },
    });
  });

  it("replyImage with bytes uploads to the update's number first", async () => {
    const payload = textPayload("hi", { id: WAMID, from: WA_ID, phoneId: "5550000001" });
    await inHandler("message", payload, (m) => m.replyImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), { mimeType: "image/jpeg" }), {
      filterUpdates: false,
    });
    const [upload, send] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect(upload!.path).toBe("/v25.0/5550000001/media");
    expect(send!.path).toBe("/v25.0/5550000001/messages");
    expect(send!.body).toMatchObject({ type: "image", image: { id: expect.any(String) } });
  });

  it("replyLocation / replyLocationRequest", async () => {
    await inHandler("message", text(), (m) =>
      m.replyLocation({ latitude: 32.0853, longitude: 34.7818, name: "Office", address: "1 Main St" }, { quote: true }),
    );
    expect(only().body).toEqual({
      ...toUser,
      context: { message_id: WAMID },
      type: "location",
      location: { latitude: 32.0853, longitude: 34.7818, name: "Office", address: "1 Main St" },
    });
    server.clear();
    await inHandler("message", text(), (m) => m.replyLocationRequest("Where are you?"));
    expect(only().body).toEqual({
      ...toUser,
      type: "interactive",
      interactive: { type: "location_request_message", action: { name: "send_location" }, body: { text: "Where are you?" } },
    });
  });

  it("replyContact / replyContactInfoRequest", async () => {
    await inHandler("message", text(), (m) =>
      m.replyContact({ name: { formattedName: "Support", firstName: "Support" }, phones: [{ phone: "+1 555 000 1111", type: "WORK" }] }),
    );
    expect(only().body).toEqual({
      ...toUser,
      type: "contacts",
      contacts: [{ name: { formatted_name: "Support", first_name: "Support" }, phones: [{ phone: "+1 555 000 1111", type: "WORK" }] }],
    });
    server.clear();
    await inHandler("message", text(), (m) => m.replyContactInfoRequest("Share your details?"));
    expect(only().body).toEqual({
      ...toUser,
      type: "interactive",
      interactive: { type: "request_contact_info", action: { name: "request_contact_info" }, body: { text: "Share your details?" } },
    });
  });

  it("replyTemplate", async () => {
    await inHandler("message", text(), (m) =>
      m.replyTemplate(
        { name: "order_update", language: "en_US", components: [{ type: "body", parameters: [{ type: "text", text: "42" }] }] },
        { quote: true, tracker: "t1" },
      ),
    );
    expect(only().body).toEqual({
      ...toUser,
      context: { message_id: WAMID },
      biz_opaque_callback_data: "t1",
      type: "template",
      template: { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "42" }] }] },
    });
  });

  it("replyCatalog / replyProduct / replyProducts", async () => {
    await inHandler("message", text(), (m) => m.replyCatalog("Our shop", { footer: "Free shipping", thumbnailProductSku: "SKU1" }));
    expect(only().body).toEqual({
      ...toUser,
      type: "interactive",
      interactive: {
        type: "catalog_message",
        action: { name: "catalog_message", parameters: { thumbnail_product_retailer_id: "SKU1" } },
        body: { text: "Our shop" },
        footer: { text: "Free shipping" },
      },
    });
    server.clear();
    await inHandler("message", text(), (m) => m.replyProduct({ catalogId: "CAT1", sku: "SKU1", body: "This one" }));
    expect(only().body).toEqual({
      ...toUser,
      type: "interactive",
      interactive: { type: "product", action: { catalog_id: "CAT1", product_retailer_id: "SKU1" }, body: { text: "This one" } },
    });
    server.clear();
    await inHandler("message", text(), (m) =>
      m.replyProducts({
        catalogId: "CAT1",
        title: "Picks",
        body: "For you",
        productSections: [{ title: "Shoes", skus: ["S1", "S2"] }],
      }),
    );
    expect(only().body).toEqual({
      ...toUser,
      type: "interactive",
      interactive: {
        type: "product_list",
        action: {
          catalog_id: "CAT1",
          sections: [{ title: "Shoes", product_items: [{ product_retailer_id: "S1" }, { product_retailer_id: "S2" }] }],
        },
        header: { type: "text", text: "Picks" },
        body: { text: "For you" },
      },
    });
  });

  it("react / unreact target messageIdToReply, with no context", async () => {
    await inHandler("message", text(), (m) => m.react("👍"));
    expect(only().body).toEqual({ ...toUser, type: "reaction", reaction: { emoji: "👍", message_id: WAMID } });
    server.clear();
    await inHandler("message", text(), (m) => m.unreact());
    expect(only().body).toEqual({ ...toUser, type: "reaction", reaction: { emoji: "", message_id: WAMID } });
    server.clear();
    await inHandler("message", fixture("message", "reaction"), (m) => m.react("❤️"));
    expect(only().body).toMatchObject({ type: "reaction", reaction: { emoji: "❤️", message_id: REACTED_TO } });
  });

  it("markAsRead / indicateTyping", async () => {
    const read = await inHandler("message", text(), (m) => m.markAsRead());
    expect(read).toEqual({ success: true });
    let req = only();
    expect(req.path).toBe(`/v25.0/${PHONE_ID}/messages`);
    expect(req.body).toEqual({ messaging_product: "whatsapp", status: "read", message_id: WAMID });
    server.clear();
    const typing = await inHandler("message", text(), (m) => m.indicateTyping());
    expect(typing).toEqual({ success: true });
    req = only();
    expect(req.body).toEqual({ messaging_product: "whatsapp", status: "read", message_id: WAMID, typing_indicator: { type: "text" } });
    server.clear();
    const payload = textPayload("hi", { id: WAMID, from: WA_ID, phoneId: "5550000001" });
    await inHandler("message", payload, (m) => m.markAsRead(), { filterUpdates: false });
    expect(only().path).toBe("/v25.0/5550000001/messages");
  });
});

describe("blockSender / unblockSender / call", () => {
  const BLOCK = `/v25.0/${PHONE_ID}/block_users`;
  const OFFER = { sdpType: "offer", sdp: "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\n" } as const;
  const added = (input: string, ids: Record<string, string>) => ({ status: 200, json: { messaging_product: "whatsapp", block_users: { added_users: [{ input, ...ids }] } } });

  it("blockSender: POST /{metadata.phoneNumberId}/block_users with the sender's preferred id; the result is returned", async () => {
    server.respondOnce({ method: "POST", path: BLOCK }, added(WA_ID, { wa_id: WA_ID }));
    const result = await inHandler("message", text(), (m) => m.blockSender());
    const req = only();
    expect(req.method).toBe("POST");
    expect(req.path).toBe(BLOCK);
    expect(req.body).toEqual({ messaging_product: "whatsapp", block_users: [{ user: WA_ID }] });
    expect(result.added).toEqual([{ input: WA_ID, waId: WA_ID, bsuid: undefined, parentBsuid: undefined }]);
    expect(result.failed).toEqual([]);
  });

  it("blockSender on a user known by a BSUID sends user_id, from the number the update came to", async () => {
    const payload = fixture("message", "text");
    (payload as { entry: { changes: { value: { metadata: { phone_number_id: string } } }[] }[] }).entry[0]!.changes[0]!.value.metadata.phone_number_id = "5550000001";
    server.respondOnce({ method: "POST", path: "/v25.0/5550000001/block_users" }, added(BSUID, { user_id: BSUID }));
    await inHandler("message", payload, (m) => m.blockSender(), { filterUpdates: false });
    expect(only()).toMatchObject({ path: "/v25.0/5550000001/block_users", body: { messaging_product: "whatsapp", block_users: [{ user_id: BSUID }] } });
  });

  it("unblockSender: DELETE /{phone-id}/block_users with the same body; a status update blocks the user it is about", async () => {
    server.respondOnce({ method: "DELETE", path: BLOCK }, {
      status: 200,
      json: { messaging_product: "whatsapp", block_users: { removed_users: [{ input: WA_ID, wa_id: WA_ID }] } },
    });
    const result = await inHandler("message", text(), (m) => m.unblockSender());
    expect(only()).toMatchObject({ method: "DELETE", path: BLOCK, body: { messaging_product: "whatsapp", block_users: [{ user: WA_ID }] } });
    expect(result.removed.map((u) => u.waId)).toEqual([WA_ID]);
    server.clear();
    server.respondOnce({ method: "POST", path: BLOCK }, added(BSUID, { user_id: BSUID }));
    await inHandler("messageStatus", fixture("message-status", "delivered"), (s) => s.blockSender());
    expect((only().body as { block_users: unknown[] }).block_users).toHaveLength(1);
  });

  it("call(sdp) from a message: POST /{phone-id}/calls to the user, in a group to the participant (not the group)", async () => {
    const ok = (id: string) => ({ status: 200, json: { messaging_product: "whatsapp", calls: [{ id }] } });
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/calls` }, ok("wacid.M"));
    const call = await inHandler("message", text(), (m) => m.call(OFFER, { tracker: "from-message" }));
    expect(call).toMatchObject({ id: "wacid.M", to: WA_ID, fromPhoneId: PHONE_ID });
    expect(only().body).toEqual({
      messaging_product: "whatsapp",
      to: WA_ID,
      action: "connect",
      session: { sdp_type: "offer", sdp: OFFER.sdp },
      biz_opaque_callback_data: "from-message",
    });
    server.clear();
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/calls` }, ok("wacid.G"));
    await inHandler("message", fixture("message", "group_text"), (m) => m.call(OFFER));
    expect(only().body).toMatchObject({ recipient: BSUID, action: "connect" });
    expect(only().body).not.toHaveProperty("to");
  });

  it("a block refused by Meta is a typed error; a bad SDP is refused before any request", async () => {
    server.respondWithError({ method: "POST", path: BLOCK }, { status: 400, code: 139101, message: "Block list limit reached" });
    await expect(inHandler("message", text(), (m) => m.blockSender())).rejects.toBeInstanceOf(BlockListLimitReached);
    server.clear();
    // @ts-expect-error call takes the business's SDP offer
    await expect(inHandler("message", text(), (m) => m.call({ sdpType: "answer", sdp: "v=0" }))).rejects.toThrow(/initiateCall: sdp must be an SDP offer/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("Message media", () => {
  const bytes = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));

  function imageMessage(mediaId: string): object {
    const payload = fixture("message", "image");
    const image = item(payload).image as Record<string, unknown>;
    image.id = mediaId;
    delete image.url;
    return payload;
  }

  it("getMediaBytes: GET /{media id} with the token, then the download", async () => {
    const id = server.addMedia(bytes, "image/jpeg");
    const got = await inHandler("message", imageMessage(id), (m) => m.getMediaBytes());
    expect(got).toEqual(bytes);
    expect(server.requests[0]!.path).toBe(`/v25.0/${id}`);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.requests).toHaveLength(2);
  });

  it("streamMedia", async () => {
    const id = server.addMedia(bytes, "image/jpeg");
    const got = await inHandler("message", imageMessage(id), async (m) => new Uint8Array(await new Response(await m.streamMedia()).arrayBuffer()));
    expect(got).toEqual(bytes);
  });

  it("downloadMedia into a sink", async () => {
    const id = server.addMedia(bytes, "image/jpeg");
    const chunks: Uint8Array[] = [];
    let closed = false;
    const sink = new WritableStream<Uint8Array>({
      write: (chunk) => void chunks.push(chunk),
      close: () => void (closed = true),
    });
    await inHandler("message", imageMessage(id), (m) => m.downloadMedia({ sink }));
    expect(closed).toBe(true);
    expect(new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer())).toEqual(bytes);
  });

  it("a message without media: a TypeError, and no request", async () => {
    await expect(inHandler("message", text(), (m) => m.getMediaBytes())).rejects.toThrow(TypeError);
    await expect(inHandler("message", text(), (m) => m.streamMedia())).rejects.toThrow(/has no media/);
    await expect(inHandler("message", text(), (m) => m.downloadMedia({ sink: new WritableStream() }))).rejects.toThrow(/has no media/);
    expect(server.requests).toHaveLength(0);
  });
});
