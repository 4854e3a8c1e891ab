import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ListenerCanceled,
  ListenerStopped,
  ListenerTimeout,
  ManualClock,
  MemoryStore,
  WhatsApp,
  filters,
  type Message,
  type Store,
  type WhatsAppOptions,
} from "@edgewa/core";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";
import { PHONE_ID, USER, click, status, sticker, text } from "./support/payloads.ts";
import { signedRequest } from "./support/webhook.ts";

/**
 * Listening across stateless invocations: every delivery is handled by a brand-new
 * WhatsApp instance that shares nothing with the previous one but the store (and
 * the handler code, as a redeployed Worker would).
 */
const SECRET = "listening-secret";
const TOKEN = "listening-token";
let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: TOKEN })));
afterAll(() => server.close());
beforeEach(() => server.clear());

const sends = () => server.requests.filter((r) => r.path.endsWith("/messages") && (r.body as { type?: string }).type);
const sentTexts = () =>
  sends().map((r) => {
    const b = r.body as { type: string; text?: { body: string }; interactive?: { body: { text: string } } };
    return b.text?.body ?? b.interactive?.body.text ?? b.type;
  });
/** The wamid the server gave the last message whose text is `body`. */
function wamidOf(body: string): string {
  const index = sentTexts().lastIndexOf(body);
  expect(index, `a message "${body}" was sent`).toBeGreaterThanOrEqual(0);
  return (sends()[index]!.response as { messages: { id: string }[] }).messages[0]!.id;
}

const digits = filters.new<Message>((_, m) => /^\d+$/.test(m.text ?? ""));
const events: string[] = [];

/** The four-step conversation of the issue, as a user would write it. */
async function signup(_wa: WhatsApp, msg: Message) {
  try {
    const askName = await msg.reply("What's your name?");
    const name = await askName.waitForReply({ filters: filters.text, timeout: 60_000 });
    const askAge = await name.reply("How old are you?");
    const age = await askAge.waitForReply({ filters: filters.text.and(digits), ignoreUpdates: false, timeout: 60_000 });
    const confirm = await age.reply(`Confirm: ${name.text}, ${age.text}?`, {
      buttons: [{ title: "Yes", callbackData: "yes" }, { title: "Cancel", callbackData: "cancel" }],
    });
    const yes = await confirm.waitForClick({ filters: filters.matches("yes"), cancelers: filters.matches("cancel"), timeout: 60_000 });
    await yes.reply(`Welcome, ${name.text}!`);
  } catch (error) {
    if (error instanceof ListenerCanceled) await msg.reply("Canceled.");
    else if (error instanceof ListenerTimeout) await msg.reply("You took too long.");
    else throw error;
  }
}

function bot(store: Store, clock: ManualClock, extra: Partial<WhatsAppOptions> = {}, handler = signup) {
  const wa = new WhatsApp({
    phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, store, clock,
    logger: { debug() {}, warn: (...a: unknown[]) => void events.push(`warn: ${a.join(" ")}`), error: (...a: unknown[]) => void events.push(`error: ${a.join(" ")}`) },
    ...extra,
  });
  wa.onMessage(filters.command("signup"), handler);
  wa.onMessage(filters.sticker, () => void events.push("sticker handler"));
  wa.onMessage(filters.text, (_, m) => void events.push(`other handler: ${m.text}`));
  return wa;
}

/** One delivery, one fresh instance. */
async function deliver(store: Store, clock: ManualClock, payload: object, handler = signup) {
  const wa = bot(store, clock, {}, handler);
  return wa.fetch(signedRequest(SECRET, payload));
}

describe("a conversation across stateless invocations", () => {
  beforeEach(() => void (events.length = 0));

  it("runs the four steps, sends each question once, swallows and passes what it should", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    expect((await deliver(store, clock, text("/signup"))).status).toBe(200);
    expect(sentTexts()).toEqual(["What's your name?"]);

    // A sticker while the name is awaited (default ignoreUpdates): swallowed.
    await deliver(store, clock, sticker());
    expect(events).toEqual([]);
    await deliver(store, clock, text("Dana"));
    expect(sentTexts()).toEqual(["What's your name?", "How old are you?"]);

    // Not digits, with ignoreUpdates: false: the other handlers get it, the wait stays.
    await deliver(store, clock, text("thirty"));
    expect(events).toEqual(["other handler: thirty"]);
    await deliver(store, clock, text("30"));
    expect(sentTexts()).toEqual(["What's your name?", "How old are you?", "Confirm: Dana, 30?"]);

    await deliver(store, clock, click(wamidOf("Confirm: Dana, 30?"), "yes"));
    expect(sentTexts()).toEqual(["What's your name?", "How old are you?", "Confirm: Dana, 30?", "Welcome, Dana!"]);

    // The conversation is over: the next text goes to the ordinary handlers.
    await deliver(store, clock, text("hello again"));
    expect(events).toEqual(["other handler: thirty", "other handler: hello again"]);
    expect(sentTexts()).toHaveLength(4);
  });

  it("the Cancel button cancels: the handler gets ListenerCanceled where it waits", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(store, clock, text("/signup"));
    await deliver(store, clock, text("Dana"));
    await deliver(store, clock, text("41"));
    await deliver(store, clock, click(wamidOf("Confirm: Dana, 41?"), "cancel", "Cancel"));
    expect(sentTexts()).toEqual(["What's your name?", "How old are you?", "Confirm: Dana, 41?", "Canceled."]);
  });

  it("a click on another message's button does not resolve waitForClick", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(store, clock, text("/signup"));
    await deliver(store, clock, text("Dana"));
    await deliver(store, clock, text("41"));
    await deliver(store, clock, click("wamid.SOMETHING_ELSE", "yes"));
    expect(sentTexts()).toHaveLength(3);
    await deliver(store, clock, click(wamidOf("Confirm: Dana, 41?"), "yes"));
    expect(sentTexts().at(-1)).toBe("Welcome, Dana!");
  });
});

describe("timeouts", () => {
  beforeEach(() => void (events.length = 0));

  it("wa.sweep() resumes a timed-out handler with ListenerTimeout, once", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(store, clock, text("/signup"));
    clock.advance(30_000);
    expect(await bot(store, clock).sweep()).toEqual({ resumed: 0 });
    clock.advance(31_000);
    expect(await bot(store, clock).sweep()).toEqual({ resumed: 1 });
    expect(sentTexts()).toEqual(["What's your name?", "You took too long."]);
    expect(await bot(store, clock).sweep()).toEqual({ resumed: 0 });
    // The listener is gone: a late name goes to the ordinary handlers.
    await deliver(store, clock, text("Dana"));
    expect(events).toEqual(["other handler: Dana"]);
    expect(sentTexts()).toHaveLength(2);
  });

  it("a reply after the deadline fires the timeout once, and then reaches the ordinary handlers", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(store, clock, text("/signup"));
    await deliver(store, clock, text("Dana"));
    clock.advance(61_000);
    await deliver(store, clock, text("30"));
    expect(sentTexts()).toEqual(["What's your name?", "How old are you?", "You took too long."]);
    expect(events).toEqual(["other handler: 30"]);
    expect(await bot(store, clock).sweep()).toEqual({ resumed: 0 });
    expect(sentTexts()).toHaveLength(3);
  });
});

describe("concurrency", () => {
  beforeEach(() => void (events.length = 0));

  it("two deliveries at once for the waiting user: exactly one resumes, the other is not lost", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(store, clock, text("/signup"));
    const first = text("Dana");
    const second = text("42");
    // The winner's next question is answered slowly, so the other delivery surely
    // arrives while the winner holds the conversation (without it, a busy machine may
    // serialise the two, and both would rightly get 200).
    server.respondOnce(
      { method: "POST", path: /\/messages$/ },
      { status: 200, delayMs: 300, json: { messaging_product: "whatsapp", contacts: [{ input: USER, wa_id: USER }], messages: [{ id: "wamid.SLOW" }] } },
    );
    const [a, b] = await Promise.all([deliver(store, clock, first), deliver(store, clock, second)]);
    expect([a.status, b.status].sort()).toEqual([200, 503]);
    expect(sentTexts().filter((t) => t === "How old are you?")).toHaveLength(1);
    // Meta retries the one that got 503; it meets the next wait.
    const retry = a.status === 503 ? first : second;
    expect((await deliver(store, clock, retry)).status).toBe(200);
    const name = a.status === 503 ? "42" : "Dana";
    const age = a.status === 503 ? "Dana" : "42";
    if (age === "42") expect(sentTexts().at(-1)).toBe(`Confirm: ${name}, 42?`);
    else expect(events).toEqual(["other handler: Dana"]); // not digits: passed on, the age wait stays
  });
});

describe("a per-request lease (Lambda's remaining time)", () => {
  beforeEach(() => void (events.length = 0));

  it("caps how long a resumed conversation whose invocation died holds its user", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    let killed = true;
    const slow = async function slow(_wa: WhatsApp, msg: Message) {
      const asked = await msg.reply("Q1?");
      await asked.waitForReply();
      if (killed) await new Promise(() => {}); // the invocation is killed here
      await msg.reply("Done");
    };
    await deliver(store, clock, text("/signup"), slow);
    void bot(store, clock, {}, slow).fetch(signedRequest(SECRET, text("a")), { leaseMs: 2_000 });
    await new Promise((r) => setTimeout(r, 20));
    killed = false;
    const next = text("b");
    expect((await deliver(store, clock, next, slow)).status).toBe(503);
    clock.advance(2_001);
    expect((await deliver(store, clock, next, slow)).status).toBe(200);
    expect(sentTexts()).toEqual(["Q1?", "Done"]);
    expect(events).toEqual(["other handler: b"]);
  });
});

describe("an invocation that dies after taking a wait", () => {
  beforeEach(() => void (events.length = 0));

  it("the delivery that takes over replays the sends and steps already made: nothing is sent or run twice", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    let killed = true;
    const charged: string[] = [];
    const order = async function order(wa: WhatsApp, msg: Message) {
      const asked = await msg.reply("Which size?");
      const size = await asked.waitForReply({ filters: filters.text });
      await size.reply(`Size ${size.text}: charging your card…`);
      await wa.step("charge", () => void charged.push(size.text!));
      if (killed) await new Promise(() => {}); // the invocation dies here (a timeout, a crash)
      const confirm = await size.reply("Charged. Anything else?");
      await confirm.waitForReply();
      await msg.reply("Bye");
    };
    await deliver(store, clock, text("/signup"), order);
    void bot(store, clock, {}, order).fetch(signedRequest(SECRET, text("M")), { leaseMs: 2_000 });
    await vi.waitFor(() => expect(charged).toEqual(["M"]));
    expect(sentTexts()).toEqual(["Which size?", "Size M: charging your card…"]);

    // The lease runs out; the user's next message resumes the conversation from its
    // stored log: the send and the step are replayed from it, not made again. The
    // run goes on for real from there, and the message meets the next open wait.
    killed = false;
    clock.advance(2_001);
    expect((await deliver(store, clock, text("nothing"), order)).status).toBe(200);
    expect(sentTexts()).toEqual(["Which size?", "Size M: charging your card…", "Charged. Anything else?", "Bye"]);
    expect(charged).toEqual(["M"]);
    expect(events).toEqual([]);
  });
});

describe("concurrency after a waitUntil response", () => {
  beforeEach(() => void (events.length = 0));

  it("both deliveries get 200; the second waits for the first to settle and meets the next wait", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(store, clock, text("/signup"));
    const pending: Promise<unknown>[] = [];
    const waitUntil = (p: Promise<unknown>) => void pending.push(p);
    const a = bot(store, clock).fetch(signedRequest(SECRET, text("Dana")), { waitUntil });
    const b = bot(store, clock).fetch(signedRequest(SECRET, text("42")), { waitUntil });
    expect((await Promise.all([a, b])).map((r) => r.status)).toEqual([200, 200]);
    await Promise.all(pending);
    // Whichever came first was the name; the other met the age wait.
    const texts = sentTexts();
    expect(texts.filter((t) => t === "How old are you?")).toHaveLength(1);
    expect(texts.at(-1) === "Confirm: Dana, 42?" || events.includes("other handler: Dana")).toBe(true);
  });
});

describe("changed code", () => {
  beforeEach(() => void (events.length = 0));

  it("a deploy that changes the waiting handler ends the listener with a log line, never a wrong resume", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(store, clock, text("/signup"));
    // The same name, other code.
    const changed = async function signup(_wa: WhatsApp, msg: Message) {
      const ask = await msg.reply("Who are you?");
      await ask.waitForReply();
    };
    await deliver(store, clock, text("Dana"), changed);
    expect(sentTexts()).toEqual(["What's your name?"]);
    expect(events).toContain("other handler: Dana");
    expect(events.some((e) => e.startsWith("warn:") && e.includes("code changed"))).toBe(true);
  });

  it("a replay that no longer matches its log throws ListenerStopped where it diverges", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    let variant = 1;
    const outcomes: string[] = [];
    const quiz = async function quiz(wa: WhatsApp, msg: Message) {
      try {
        if (variant === 1) await msg.reply("Question one?");
        else await wa.step("lookup", () => 42);
        await (await msg.reply("Question two?")).waitForReply();
        outcomes.push("resumed");
      } catch (error) {
        outcomes.push((error as Error).name);
        if (error instanceof ListenerStopped) await msg.reply("The bot was updated, please start again.");
      }
    };
    await deliver(store, clock, text("/signup"), quiz);
    expect(sentTexts()).toEqual(["Question one?", "Question two?"]);
    variant = 2;
    await deliver(store, clock, text("answer"), quiz);
    expect(outcomes).toEqual(["ListenerStopped"]);
    expect(sentTexts()).toEqual(["Question one?", "Question two?", "The bot was updated, please start again."]);
    expect(events).toContain("other handler: answer");
  });
});

describe("the rest of the listening API", () => {
  beforeEach(() => void (events.length = 0));

  it("waitUntilDelivered / waitUntilRead resolve on this message's statuses; statuses still reach their handlers", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    const statuses: string[] = [];
    const track = async function track(_wa: WhatsApp, msg: Message) {
      const sent = await msg.reply("Tracking");
      const delivered = await sent.waitUntilDelivered({ timeout: 60_000 });
      await msg.reply(`delivered at ${delivered.timestamp.getTime() > 0}`);
      await sent.waitUntilRead();
      await msg.reply("read");
    };
    const make = () => {
      const wa = bot(store, clock, {}, track);
      wa.onMessageStatus((_, s) => void statuses.push(`${s.status}`));
      return wa;
    };
    await make().fetch(signedRequest(SECRET, text("/signup")));
    const id = wamidOf("Tracking");
    await make().fetch(signedRequest(SECRET, status(id, "sent")));
    await make().fetch(signedRequest(SECRET, status(id, "delivered")));
    await make().fetch(signedRequest(SECRET, status(id, "read")));
    expect(sentTexts()).toEqual(["Tracking", "delivered at true", "read"]);
    expect(statuses).toEqual(["sent", "delivered", "read"]);
  });

  it("wa.listen waits for any update of a user; wa.stopListening ends it with ListenerStopped", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    const seen: string[] = [];
    const waiter = async function waiter(wa: WhatsApp, msg: Message) {
      try {
        const next = (await wa.listen({ to: USER, filters: filters.text })) as Message;
        // A side effect outside the client goes through wa.step, or it would repeat on every replay.
        await wa.step("note", () => seen.push(`got ${next.text}`));
        await wa.listen({ to: USER });
      } catch (error) {
        seen.push(`${(error as Error).name}: ${(error as ListenerStopped).reason}`);
        await msg.reply("stopped");
      }
    };
    await deliver(store, clock, text("/signup"), waiter);
    await deliver(store, clock, text("first"), waiter);
    await bot(store, clock, {}, waiter).stopListening({ to: USER, reason: "admin" });
    expect(seen).toEqual(["got first", "ListenerStopped: admin"]);
    expect(sentTexts()).toEqual(["stopped"]);
    await expect(bot(store, clock, {}, waiter).stopListening({ to: USER })).rejects.toThrow(/No listener/);
  });

  it("wa.step runs a side effect once and replays its result", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    let calls = 0;
    const order = async function order(wa: WhatsApp, msg: Message) {
      const id = await wa.step("create order", () => `order-${++calls}`);
      await (await msg.reply(`Order ${id}: confirm?`)).waitForReply();
      await msg.reply(`Confirmed ${id}`);
    };
    await deliver(store, clock, text("/signup"), order);
    await deliver(store, clock, text("ok"), order);
    expect(calls).toBe(1);
    expect(sentTexts()).toEqual(["Order order-1: confirm?", "Confirmed order-1"]);
  });

  it("a handler without a unique name cannot wait, and says how to fix it", async () => {
    const errors: unknown[] = [];
    const wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, onError: (e) => void errors.push(e), logger: { debug() {}, warn() {}, error() {} } });
    wa.onMessage(async (_, msg) => void (await (await msg.reply("?")).waitForReply()));
    await wa.fetch(signedRequest(SECRET, text("hi")));
    expect(String(errors[0])).toMatch(/unique name/);
  });

  it("two handlers with the same explicit name are a registration error", () => {
    const wa = new WhatsApp({ phoneId: PHONE_ID, logger: { debug() {}, warn() {}, error() {} } });
    wa.onMessage(() => {}, { name: "flow" });
    expect(() => wa.onCallbackButton(() => {}, { name: "flow" })).toThrow(/already registered/);
  });

  it("waitForClick on a message without buttons is a clear error", async () => {
    const errors: unknown[] = [];
    const wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, onError: (e) => void errors.push(e), logger: { debug() {}, warn() {}, error() {} } });
    wa.onMessage(async function clicker(_, msg) {
      await (await msg.reply("no buttons")).waitForClick();
    });
    await wa.fetch(signedRequest(SECRET, text("hi")));
    expect(String(errors[0])).toMatch(/has no reply buttons/);
  });
});

describe("store traffic", () => {
  it("an update from a user nobody waits on costs one read on top of the dedupe claim", async () => {
    const ops: string[] = [];
    const inner = new MemoryStore();
    const counting: Store = {
      atomic: true,
      get: (k) => (ops.push(`get ${k}`), inner.get(k)),
      set: (k, v, o) => (ops.push(`set ${k}`), inner.set(k, v, o)),
      delete: (k, o) => (ops.push(`delete ${k}`), inner.delete(k, o)),
    };
    const wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, store: counting, logger: { debug() {}, warn() {}, error() {} } });
    wa.onMessage(() => {});
    await wa.fetch(signedRequest(SECRET, text("hi")));
    const reads = ops.filter((o) => o.startsWith("get"));
    const claimOps = ops.filter((o) => o.includes("edgewa:claim:"));
    expect(reads).toEqual([`get edgewa:listener:${PHONE_ID}:${USER}`]);
    expect(ops.length - reads.length).toBe(claimOps.length);
    expect(claimOps).toHaveLength(2); // claim (create-if-absent) + done
  });
});
