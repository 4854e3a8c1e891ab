import { describe, expect, it } from "vitest";
import { DEFAULT_USER_IDENTIFIER_PRIORITY, MemoryStore, User, WhatsApp, type Message, type WhatsAppOptions } from "@edgewa/core";
import { loadFixtures } from "./fixtures/updates/index.ts";
import { PHONE_ID, TOKEN, graphSuite, quiet } from "./support/graph-suite.ts";
import { signedRequest } from "./support/webhook.ts";

/**
 * pywa's user_identifier_priority: which of a user's identifiers (BSUID, phone
 * number, parent BSUID) the client addresses them by, in replies and in listening.
 */
const SECRET = "priority-secret";
const WA_ID = "16505551234";
const BSUID = "US.13491208655302741918";
const { server } = graphSuite();
const fixtures = loadFixtures();
const text = () => structuredClone(fixtures["message"]!["text"]!) as object;

function bot(extra: Partial<WhatsAppOptions> = {}) {
  return new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, logger: quiet, retry: { maxAttempts: 1 }, ...extra });
}

async function replyTo(wa: WhatsApp): Promise<Message> {
  let got: Message | undefined;
  wa.onMessage(async (_, msg) => {
    got = msg;
    await msg.reply("hi");
  });
  expect((await wa.fetch(signedRequest(SECRET, text()))).status).toBe(200);
  return got!;
}

describe("userIdentifierPriority", () => {
  it("default (pywa's): the BSUID first, so a reply goes to `recipient`", async () => {
    const msg = await replyTo(bot());
    expect(msg.from.preferredId).toBe(BSUID);
    expect(msg.chat).toEqual({ id: BSUID, type: "private" });
    expect(server.requests[0]!.body).toMatchObject({ recipient: BSUID });
  });

  it("phone number first: the same update is answered `to` the wa_id, and its chat is the wa_id", async () => {
    const msg = await replyTo(bot({ userIdentifierPriority: ["waId", "bsuid", "parentBsuid"] }));
    expect(msg.from.preferredId).toBe(WA_ID);
    expect(msg.from.bsuid).toBe(BSUID); // every identifier is still there
    expect(msg.chat).toEqual({ id: WA_ID, type: "private" });
    const body = server.requests[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ to: WA_ID, recipient_type: "individual" });
    expect(body).not.toHaveProperty("recipient");
  });

  it("a waiting conversation is kept under the preferred id, across fresh instances", async () => {
    const store = new MemoryStore();
    const options = { store, userIdentifierPriority: ["waId", "bsuid", "parentBsuid"] as const };
    const ask = async function ask(_: WhatsApp, msg: Message) {
      const reply = await (await msg.reply("Name?")).waitForReply();
      await reply.reply(`Hi ${reply.text}`);
    };
    const first = bot(options);
    first.onMessage(ask);
    await first.fetch(signedRequest(SECRET, text()));
    expect(await store.get(`edgewa:listener:${PHONE_ID}:${WA_ID}`)).toBeDefined();
    expect(await store.get(`edgewa:listener:${PHONE_ID}:${BSUID}`)).toBeUndefined();

    const second = bot(options);
    second.onMessage(ask);
    const answer = text() as { entry: { changes: { value: { messages: { id: string; text: { body: string } }[] } }[] }[] };
    answer.entry[0]!.changes[0]!.value.messages[0]!.id = "wamid.ANSWER";
    answer.entry[0]!.changes[0]!.value.messages[0]!.text.body = "Dana";
    await second.fetch(signedRequest(SECRET, answer));
    const bodies = server.requests.map((r) => r.body as { to?: string; text?: { body: string } });
    expect(bodies.map((b) => b.text?.body)).toEqual(["Name?", "Hi Dana"]);
    expect(bodies.every((b) => b.to === WA_ID)).toBe(true);
  });

  it("stored keys (dedupe claims) do not depend on it: a deploy that changes it does not re-handle updates", async () => {
    const payload = Object.values(fixtures["user-marketing-preferences"]!)[0] as object;
    const keyWith = async (options: Partial<WhatsAppOptions>) => {
      let key: string | undefined;
      const wa = bot(options);
      wa.onUserMarketingPreferences((_, u) => void (key = u.dedupeKey));
      await wa.fetch(signedRequest(SECRET, structuredClone(payload)));
      return key;
    };
    const byDefault = await keyWith({});
    expect(byDefault).toBeDefined();
    expect(await keyWith({ userIdentifierPriority: ["waId", "bsuid", "parentBsuid"] })).toBe(byDefault);
  });

  it("must name all three identifiers once each", () => {
    expect(() => bot({ userIdentifierPriority: ["waId", "bsuid"] as never })).toThrow(/"bsuid", "waId" and "parentBsuid" once each/);
    expect(() => bot({ userIdentifierPriority: ["waId", "waId", "bsuid"] as never })).toThrow(TypeError);
    expect(bot().userIdentifierPriority).toEqual(DEFAULT_USER_IDENTIFIER_PRIORITY);
  });

  it("User.withPriority: the same identifiers, another preferred id", () => {
    const user = new User({ bsuid: BSUID, waId: WA_ID });
    expect(user.preferredId).toBe(BSUID);
    expect(user.withPriority(["waId", "bsuid", "parentBsuid"]).preferredId).toBe(WA_ID);
    expect(new User({ waId: WA_ID }).withPriority(["parentBsuid", "bsuid", "waId"]).preferredId).toBe(WA_ID);
  });
});
