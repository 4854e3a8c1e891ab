import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ScheduledEvent } from "aws-lambda";
import { ManualClock } from "@edgewa/core";
import { DynamoDbStore, toLambda, toScheduledHandler } from "@edgewa/lambda";
import { createBot } from "@edgewa/example-bot";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { PHONE_ID, USER, click, sticker, text } from "../support/payloads.ts";
import { startDynalite, type LocalDynamo } from "./support/dynalite.ts";
import { EVENT_KINDS, lambdaContext, signedPost } from "./support/events.ts";

/**
 * The example bot's signup conversation on Lambda: every delivery is its own
 * invocation of a freshly made handler (a new toLambda, a new WhatsApp), sharing
 * nothing but a DynamoDB table (dynalite), as separate Lambda containers would.
 * Deliveries rotate through the five event sources.
 */
const SECRET = "lambda-conversation-secret";
const TOKEN = "lambda-conversation-token";
const quiet = { debug() {}, warn() {}, error() {} };
let server: GraphServer;
let dynamo: LocalDynamo;
beforeAll(async () => {
  [server, dynamo] = await Promise.all([startGraphServer({ token: TOKEN }), startDynalite()]);
});
afterAll(async () => {
  await Promise.all([server.close(), dynamo.close()]);
});
beforeEach(() => server.clear());

interface World {
  store: DynamoDbStore;
  clock: ManualClock;
  deliveries: number;
}

async function world(): Promise<World> {
  const clock = new ManualClock();
  return { clock, deliveries: 0, store: new DynamoDbStore({ client: dynamo.client, tableName: await dynamo.table("conversation"), clock }) };
}

const botOptions = (w: World) => ({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, store: w.store, clock: w.clock, logger: quiet });

/** One delivery = one invocation of a handler made for it alone. */
async function deliver(w: World, payload: object) {
  const kind = EVENT_KINDS[w.deliveries++ % EVENT_KINDS.length]!;
  const handler = toLambda(({ leaseMs }) => createBot({ ...botOptions(w), claims: { leaseMs }, listeners: { leaseMs } }));
  return handler(signedPost(kind, SECRET, payload), lambdaContext(25_000, { frozen: true }));
}

const scheduledEvent: ScheduledEvent = {
  version: "0",
  id: "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
  "detail-type": "Scheduled Event",
  source: "aws.events",
  account: "123456789012",
  time: "2025-01-01T00:06:00Z",
  region: "us-east-1",
  resources: ["arn:aws:events:us-east-1:123456789012:rule/edgewa-sweep"],
  detail: {},
};

/** A scheduled sweep, also in an invocation of its own. */
const sweep = (w: World) => toScheduledHandler(() => createBot(botOptions(w)))(scheduledEvent, lambdaContext(60_000));

type Sent = { type: string; text?: { body: string }; interactive?: { body: { text: string } }; reaction?: { emoji: string }; status?: string };
const sent = () => server.requests.filter((r) => r.path.endsWith("/messages")).map((r) => r.body as Sent);
/** What the bot said, in order: texts, interactive bodies, reactions and read receipts. */
const said = () =>
  sent().map((b) => b.text?.body ?? b.interactive?.body.text ?? (b.reaction ? `reaction ${b.reaction.emoji}` : b.status === "read" ? "(read)" : b.type));
const questions = () => said().filter((s) => s !== "(read)");

function wamidOf(body: string): string {
  const index = sent().map((b) => b.text?.body ?? b.interactive?.body.text).lastIndexOf(body);
  expect(index, `a message "${body}" was sent`).toBeGreaterThanOrEqual(0);
  const messages = server.requests.filter((r) => r.path.endsWith("/messages"));
  return (messages[index]!.response as { messages: { id: string }[] }).messages[0]!.id;
}

describe("the signup conversation, one Lambda invocation per delivery, on DynamoDbStore", () => {
  it("asks each question once, swallows what it should, passes on what it should, and finishes", async () => {
    const w = await world();
    expect((await deliver(w, text("/signup"))).statusCode).toBe(200);
    expect(questions()).toEqual(["What's your name?"]);

    // A sticker while the name is awaited: swallowed (the bot's media handler would react 👍).
    expect((await deliver(w, sticker())).statusCode).toBe(200);
    expect(questions()).toEqual(["What's your name?"]);

    await deliver(w, text("Dana"));
    expect(questions()).toEqual(["What's your name?", "How old are you? (digits please)"]);

    // Not digits, and the age wait has ignoreUpdates: false: the echo handler gets it, the wait stays.
    await deliver(w, text("thirty"));
    expect(questions()).toEqual(["What's your name?", "How old are you? (digits please)", "thirty"]);

    await deliver(w, text("30"));
    await deliver(w, click(wamidOf("Confirm: Dana, 30?"), "yes"));
    expect(questions()).toEqual([
      "What's your name?",
      "How old are you? (digits please)",
      "thirty",
      "Confirm: Dana, 30?",
      "Welcome, Dana!",
    ]);

    // Over: the next text is simply echoed.
    await deliver(w, text("hello again"));
    const all = questions();
    expect(all.at(-1)).toBe("hello again");
    for (const q of ["What's your name?", "How old are you? (digits please)", "Confirm: Dana, 30?", "Welcome, Dana!"]) {
      expect(all.filter((s) => s === q), q).toHaveLength(1);
    }
    expect(w.deliveries).toBeGreaterThanOrEqual(EVENT_KINDS.length); // every event source took part
  });

  it("Cancel cancels: the handler gets ListenerCanceled where it waits", async () => {
    const w = await world();
    await deliver(w, text("/signup"));
    await deliver(w, text("Dana"));
    await deliver(w, text("41"));
    await deliver(w, click(wamidOf("Confirm: Dana, 41?"), "cancel", "Cancel"));
    expect(questions()).toEqual(["What's your name?", "How old are you? (digits please)", "Confirm: Dana, 41?", "Canceled."]);
  });

  it("a redelivered answer is not consumed twice", async () => {
    const w = await world();
    await deliver(w, text("/signup"));
    const name = text("Dana");
    await deliver(w, name);
    expect((await deliver(w, name)).statusCode).toBe(200); // Meta's retry of a delivery that got its 200
    expect(questions()).toEqual(["What's your name?", "How old are you? (digits please)"]);
  });

  it("two deliveries at once for the waiting user: one resumes (200), the other gets 503, and Meta's retry meets the next wait", async () => {
    const w = await world();
    await deliver(w, text("/signup"));
    // The resumed handler's next send is slow, so the other delivery surely arrives while it runs.
    server.respondOnce(
      { method: "POST", path: `/${PHONE_ID}/messages` },
      { status: 200, delayMs: 300, json: { messaging_product: "whatsapp", contacts: [{ input: USER, wa_id: USER }], messages: [{ id: "wamid.SLOW" }] } },
    );
    const name = text("Dana");
    const age = text("42");
    const [a, b] = await Promise.all([deliver(w, name), deliver(w, age)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 503]);
    const retried = a.statusCode === 503 ? name : age;
    expect((await deliver(w, retried)).statusCode).toBe(200);
    const q = questions();
    expect(q.filter((t) => t === "How old are you? (digits please)")).toHaveLength(1);
    // Whichever came first was the name; the retried one met the age wait.
    if (retried === age) expect(q.at(-1)).toBe("Confirm: Dana, 42?");
    else expect(q.at(-1)).toBe("Dana"); // "Dana" is no age: echoed, and the age wait stays
  });

  it("the scheduled sweep (its own invocation) fires a due timeout once", async () => {
    const w = await world();
    await deliver(w, text("/signup"));
    w.clock.advance(4 * 60_000);
    expect(await sweep(w)).toEqual({ resumed: 0 });
    w.clock.advance(61_000);
    expect(await sweep(w)).toEqual({ resumed: 1 });
    expect(await sweep(w)).toEqual({ resumed: 0 });
    expect(questions()).toEqual(["What's your name?", "You took too long; send /signup to start again."]);
  });
});
