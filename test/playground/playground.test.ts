import { spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WhatsApp } from "@edgewa/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseCli } from "../../packages/playground/src/args.ts";
import { TemplateBook } from "../../packages/playground/src/chat/templates.ts";
import { toBubble } from "../../packages/playground/src/chat/bubble.ts";
import { startPlayground, type Playground } from "../../packages/playground/src/index.ts";

/**
 * The playground without a browser: what it posts to a bot's webhook (a plain
 * recording server here), how it reads the bot's Graph calls, and its CLI.
 */
const SECRET = "playground-test-secret";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in bot webhook: records every request; answers 200, or a queued status to the first body containing its text. */
async function recordingWebhook() {
  const received: Received[] = [];
  const answers: { includes: string; status: number }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const queued = answers.findIndex((a) => body.includes(a.includes));
      const status = queued < 0 ? 200 : answers.splice(queued, 1)[0]!.status;
      const challenge = new URL(req.url ?? "/", "http://x").searchParams.get("hub.challenge");
      res.writeHead(status, status === 503 ? { "retry-after": "0" } : {});
      res.end(challenge ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, received, answers, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const quiet = { debug() {}, warn() {}, error() {} };
const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};
const bodies = (r: Received[]) => r.filter((x) => x.method === "POST").map((x) => JSON.parse(x.body));

let hook: Awaited<ReturnType<typeof recordingWebhook>>;
let playground: Playground;
let wa: WhatsApp;

beforeAll(async () => {
  hook = await recordingWebhook();
  playground = await startPlayground({ webhookUrl: hook.url, appSecret: SECRET, user: { name: "Dana", waId: "15550009999" } });
  wa = new WhatsApp({ phoneId: "1234567890", token: "t", graphUrl: playground.graphUrl, logger: quiet });
});
afterAll(async () => {
  await playground.close();
  await hook.close();
});
afterEach(() => void hook.received.splice(0));

const api = (path: string, body: unknown) =>
  fetch(`${playground.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));

describe("webhooks the playground posts", () => {
  it("a typed message: Meta's payload, signed with the app secret over the exact bytes", async () => {
    const { status, json } = await api("/api/messages", { type: "text", text: "hello" });
    expect(status).toBe(202);
    await until(() => hook.received.length === 1);
    const [req] = hook.received;
    expect(req!.headers["x-hub-signature-256"]).toBe("sha256=" + createHmac("sha256", SECRET).update(req!.body).digest("hex"));
    expect(req!.headers["content-type"]).toBe("application/json");
    const payload = JSON.parse(req!.body);
    expect(payload).toEqual({
      object: "whatsapp_business_account",
      entry: [{ id: "102290129340398", changes: [{ field: "messages", value: {
        messaging_product: "whatsapp",
        metadata: { display_phone_number: "15550001111", phone_number_id: "1234567890" },
        contacts: [{ profile: { name: "Dana" }, wa_id: "15550009999" }],
        messages: [{ from: "15550009999", id: json.id, timestamp: expect.stringMatching(/^\d{10}$/), type: "text", text: { body: "hello" } }],
      } }] }],
    });
    await until(() => playground.state.get(String(json.id))?.ticks === "delivered");
  });

  it("a bot's send becomes a chat item and a `sent` status; the page's ack brings delivered and read", async () => {
    const sent = await wa.sendMessage({ to: "15550009999", text: "Hi *Dana*", tracker: "t-1" });
    await until(() => hook.received.length === 1);
    expect(playground.state.get(sent.id)?.bubble).toEqual({ kind: "text", text: "Hi *Dana*" });
    const [status] = bodies(hook.received).map((b) => b.entry[0].changes[0].value.statuses[0]);
    expect(status).toEqual({
      id: sent.id, status: "sent", timestamp: expect.any(String), recipient_id: "15550009999", biz_opaque_callback_data: "t-1",
      pricing: { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" },
    });
    await api("/api/seen", { ids: [sent.id], read: true });
    await until(() => hook.received.length === 3);
    expect(bodies(hook.received).map((b) => b.entry[0].changes[0].value.statuses[0].status)).toEqual(["sent", "delivered", "read"]);
    await api("/api/seen", { ids: [sent.id], read: true }); // once each
    await new Promise((r) => setTimeout(r, 50));
    expect(hook.received).toHaveLength(3);
  });

  it("read receipts, typing and reactions from the bot land on the user's message", async () => {
    const { json } = await api("/api/messages", { type: "text", text: "read me" });
    const id = String(json.id);
    await wa.indicateTyping({ messageId: id });
    await until(() => playground.state.get(id)?.ticks === "read");
    expect(playground.state.snapshot()).toMatchObject({ typing: true });
    await wa.sendReaction({ to: "15550009999", emoji: "🎉", messageId: id });
    await until(() => playground.state.get(id)?.reactions.bot === "🎉");
    expect(playground.state.snapshot()).toMatchObject({ typing: false });
  });

  it("retries a 503 as Meta does, and marks a message failed when the bot refuses it (403)", async () => {
    hook.answers.push({ includes: '"busy"', status: 503 });
    const first = await api("/api/messages", { type: "text", text: "busy" });
    await until(() => playground.state.get(String(first.json.id))?.ticks === "delivered");
    const busy = bodies(hook.received).filter((b) => b.entry[0].changes[0].value.messages?.[0].text?.body === "busy");
    expect(busy).toHaveLength(2);

    hook.answers.push({ includes: '"refused"', status: 403 });
    const second = await api("/api/messages", { type: "text", text: "refused" });
    await until(() => playground.state.get(String(second.json.id))?.ticks === "failed");
    expect(playground.state.get(String(second.json.id))?.error).toBe("the webhook answered 403");
  });

  it("a photo: uploaded to the Graph server's media, posted with its id; the bot can download it", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const up = await fetch(`${playground.url}/api/media`, { method: "POST", headers: { "content-type": "image/png" }, body: bytes }).then((r) => r.json() as Promise<{ id: string }>);
    await api("/api/messages", { type: "image", mediaId: up.id, caption: "look" });
    await until(() => hook.received.length === 1);
    const image = bodies(hook.received)[0].entry[0].changes[0].value.messages[0].image;
    expect(image).toEqual({ id: up.id, mime_type: "image/png", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), caption: "look" });
    expect(await wa.getMediaBytes({ mediaId: up.id })).toEqual(bytes);
  });

  it("a button tap answers `button_reply` quoting the bot's message; unknown buttons are refused", async () => {
    const sent = await wa.sendMessage({ to: "15550009999", text: "Pick", buttons: [{ title: "Yes", callbackData: "yes" }] });
    await until(() => playground.state.get(sent.id) !== undefined);
    hook.received.splice(0);
    expect((await api("/api/messages", { type: "button", messageId: sent.id, id: "nope" })).status).toBe(400);
    await api("/api/messages", { type: "button", messageId: sent.id, id: "yes" });
    await until(() => bodies(hook.received).some((b) => b.entry[0].changes[0].value.messages));
    const message = bodies(hook.received).find((b) => b.entry[0].changes[0].value.messages)!.entry[0].changes[0].value.messages[0];
    expect(message).toMatchObject({ type: "interactive", context: { from: "15550001111", id: sent.id }, interactive: { type: "button_reply", button_reply: { id: "yes", title: "Yes" } } });
  });

  it("a carousel: its cards drawn one by one; a card's quick reply answers `button_reply`", async () => {
    const card = (n: number) => ({ image: `https://x.example/${n}.jpg`, body: `Card ${n}`, buttons: [{ title: `Pick ${n}`, callbackData: `pick-${n}` }] });
    const sent = await wa.sendCarousel({ to: "15550009999", body: "Choose", cards: [card(0), card(1)] });
    await until(() => playground.state.get(sent.id) !== undefined);
    expect(playground.state.get(sent.id)?.bubble).toEqual({
      kind: "interactive/carousel",
      text: "Choose",
      cards: [0, 1].map((n) => ({ media: { type: "image", src: `https://x.example/${n}.jpg` }, text: `Card ${n}`, buttons: [{ id: `pick-${n}`, title: `Pick ${n}` }] })),
    });
    hook.received.splice(0);
    expect((await api("/api/messages", { type: "button", messageId: sent.id, id: "pick-9" })).status).toBe(400);
    await api("/api/messages", { type: "button", messageId: sent.id, id: "pick-1" });
    await until(() => bodies(hook.received).some((b) => b.entry[0].changes[0].value.messages));
    const message = bodies(hook.received).find((b) => b.entry[0].changes[0].value.messages)!.entry[0].changes[0].value.messages[0];
    expect(message).toMatchObject({ type: "interactive", context: { id: sent.id }, interactive: { type: "button_reply", button_reply: { id: "pick-1", title: "Pick 1" } } });
  });

  it("Meta's verification GET: the challenge must come back", async () => {
    expect(await playground.verifyWebhook("any")).toEqual({ ok: true });
    const req = hook.received[0]!;
    expect(new URL(req.url, "http://x").searchParams.get("hub.mode")).toBe("subscribe");
    expect(new URL(req.url, "http://x").searchParams.get("hub.verify_token")).toBe("any");
  });
});

describe("flows without an endpoint, and with a wrong key", () => {
  it("navigate: the message's screen and data; submit completes with nfm_reply", async () => {
    const sent = await wa.sendMessage({ to: "15550009999", text: "Form", buttons: { type: "flow", title: "Open", flowId: "1", flowToken: "tok", flowActionType: "navigate", flowActionScreen: "FORM", flowActionPayload: { name: "x" } } });
    await until(() => playground.state.get(sent.id) !== undefined);
    hook.received.splice(0);
    const open = await api("/api/flows/open", { messageId: sent.id });
    expect(open.json).toMatchObject({ screen: { screen: "FORM", data: { name: "x" } } });
    const session = (open.json.screen as { session: string }).session;
    const done = await api("/api/flows/submit", { session, screen: "FORM", data: { name: "Dana" } });
    expect(done.json).toEqual({ done: true, response: { flow_token: "tok", name: "Dana" } });
    await until(() => bodies(hook.received).some((b) => b.entry[0].changes[0].value.messages));
    const message = bodies(hook.received).find((b) => b.entry[0].changes[0].value.messages)!.entry[0].changes[0].value.messages[0];
    expect(message).toMatchObject({
      context: { id: sent.id },
      type: "interactive",
      interactive: { type: "nfm_reply", nfm_reply: { name: "flow", body: "Sent", response_json: JSON.stringify({ flow_token: "tok", name: "Dana" }) } },
    });
  });

  it("data_exchange against an endpoint that cannot decrypt: 421 explained", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
    const endpoint = createServer((_, res) => res.writeHead(421).end());
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    const p = await startPlayground({ webhookUrl: hook.url, flows: { endpoint: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/flows`, publicKey: other.publicKey } });
    try {
      const client = new WhatsApp({ phoneId: "1234567890", token: "t", graphUrl: p.graphUrl, logger: quiet });
      const sent = await client.sendMessage({ to: "15551234567", text: "Form", buttons: { type: "flow", title: "Open", flowId: "1", flowActionType: "data_exchange" } });
      await until(() => p.state.get(sent.id) !== undefined);
      const res = await fetch(`${p.url}/api/flows/open`, { method: "POST", body: JSON.stringify({ messageId: sent.id }) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^421: the endpoint could not decrypt the request/);
    } finally {
      await p.close();
      endpoint.close();
    }
  });
});

describe("bubbles", () => {
  const book = new TemplateBook([
    { name: "order", language: "en_US", components: [
      { type: "HEADER", format: "TEXT", text: "Order {{1}}" },
      { type: "BODY", text: "Hi {{name}}, your total is {{total}}." },
      { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Track" }, { type: "URL", text: "Invoice", url: "https://shop.example/i/{{1}}" }] },
    ] },
  ]);

  it("a template as its rendered text, with its buttons", () => {
    const bubble = toBubble({ type: "template", template: { name: "order", language: { code: "en_US" }, components: [
      { type: "header", parameters: [{ type: "text", text: "#42" }] },
      { type: "body", parameters: [{ type: "text", parameter_name: "name", text: "Dana" }, { type: "currency", parameter_name: "total", currency: { fallback_value: "$10", code: "USD", amount_1000: 10000 } }] },
      { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "track-42" }] },
      { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "42" }] },
    ] } }, book);
    expect(bubble).toEqual({
      kind: "template", note: "template order (en_US)", header: "Order #42", text: "Hi Dana, your total is $10.",
      buttons: [{ id: "track-42", title: "Track", quickReply: true }], links: [{ title: "Invoice", url: "https://shop.example/i/42" }],
    });
  });

  it("an unknown template says how to teach it; list, CTA URL and location request", () => {
    expect(toBubble({ type: "template", template: { name: "promo", language: { code: "de" } } }, book).note).toMatch(/--templates/);
    expect(toBubble({ type: "interactive", interactive: { type: "cta_url", body: { text: "Docs" }, action: { name: "cta_url", parameters: { display_text: "Open", url: "https://x.example" } } } }, book))
      .toEqual({ kind: "interactive/cta_url", text: "Docs", links: [{ title: "Open", url: "https://x.example" }] });
    expect(toBubble({ type: "interactive", interactive: { type: "location_request_message", body: { text: "Where?" }, action: { name: "send_location" } } }, book))
      .toEqual({ kind: "interactive/location_request_message", text: "Where?", action: { kind: "location", title: "Send location" } });
    const urlCard = { card_index: 0, type: "cta_url", header: { type: "video", video: { id: "77" } }, action: { name: "cta_url", parameters: { display_text: "Watch", url: "https://x.example/v" } } };
    expect(toBubble({ type: "interactive", interactive: { type: "carousel", body: { text: "Clips" }, action: { cards: [urlCard] } } }, book))
      .toEqual({ kind: "interactive/carousel", text: "Clips", cards: [{ media: { type: "video", src: "/media/77" }, links: [{ title: "Watch", url: "https://x.example/v" }] }] });
    expect(toBubble({ type: "image", image: { link: "https://x.example/a.png", caption: "A" } }, book))
      .toEqual({ kind: "image", media: { type: "image", src: "https://x.example/a.png" }, text: "A" });
  });
});

describe("edgewa-playground (the CLI)", () => {
  it("parses flags: --webhook is required, --flow-endpoint needs --flow-public-key", () => {
    expect(() => parseCli([], {})).toThrow(/--webhook/);
    expect(() => parseCli(["--webhook", "http://127.0.0.1:8787/", "--flow-endpoint", "http://x/f"], {})).toThrow(/go together/);
    expect(parseCli(["--webhook", "http://127.0.0.1:8787", "--app-secret", "s", "--port", "0"], { WHATSAPP_PHONE_ID: "555" })).toEqual({
      webhookUrl: "http://127.0.0.1:8787/", appSecret: "s", port: 0, graphPort: 8791, phoneId: "555",
    });
  });

  it("starts, checks the webhook with the verify token, and prints the page and the Graph URL", async () => {
    const cli = spawn(process.execPath, ["packages/playground/src/cli.ts", "--webhook", hook.url, "--app-secret", SECRET, "--verify-token", "vt", "--port", "0", "--graph-port", "0"], {
      cwd: new URL("../../", import.meta.url).pathname,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    cli.stdout.on("data", (c: Buffer) => (out += c.toString()));
    cli.stderr.on("data", (c: Buffer) => (out += c.toString()));
    try {
      await until(() => out.includes("webhook verification"), 10_000);
      expect(out).toMatch(/^edgewa playground: open http:\/\/127\.0\.0\.1:\d+\/$/m);
      expect(out).toMatch(/Graph API for the bot: http:\/\/127\.0\.0\.1:\d+ /);
      expect(out).toContain("webhook verification:  ok");
    } finally {
      cli.kill("SIGTERM");
    }
  }, 15_000);
});
