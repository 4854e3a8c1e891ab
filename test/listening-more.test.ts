import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ListenerCanceled,
  ManualClock,
  MemoryStore,
  NonAtomicStoreError,
  WhatsApp,
  filters,
  type Message,
  type MessageStatus,
  type SentMessage,
  type Store,
  type UpdateErrorInfo,
  type WaitOptions,
  type WhatsAppOptions,
} from "@edgewa/core";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";
import { PHONE_ID, USER, click, flowCompletion, selection, status, text } from "./support/payloads.ts";
import { signedRequest } from "./support/webhook.ts";

/**
 * The parts of the listening API the conversation tests of listening.test.ts do not
 * reach: list selections, flow completions, failed/delivered statuses as cancelers,
 * and the refusal of a non-atomic store. As there, every delivery is handled by a
 * brand-new WhatsApp instance that shares only the store with the previous one.
 */
const SECRET = "listening-more-secret";
const TOKEN = "listening-more-token";
let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: TOKEN })));
afterAll(() => server.close());
beforeEach(() => server.clear());

type SentBody = {
  type: string;
  text?: { body: string };
  interactive?: { type: string; body: { text: string }; action: Record<string, unknown> };
};
const sends = () => server.requests.filter((r) => r.path.endsWith("/messages") && (r.body as { type?: string }).type);
const sentTexts = () => sends().map((r) => (r.body as SentBody).text?.body ?? (r.body as SentBody).interactive?.body.text ?? (r.body as SentBody).type);
/** The wamid the server gave the last message whose text is `body`. */
function wamidOf(body: string): string {
  const index = sentTexts().lastIndexOf(body);
  expect(index, `a message "${body}" was sent`).toBeGreaterThanOrEqual(0);
  return (sends()[index]!.response as { messages: { id: string }[] }).messages[0]!.id;
}

/** What reached the ordinary handlers (and the logger), in order. */
const events: string[] = [];
beforeEach(() => void (events.length = 0));

type Handler = (wa: WhatsApp, msg: Message) => Promise<void>;

/** A fresh instance, as one invocation of a Worker or Lambda would build it. */
function bot(store: Store, clock: ManualClock, handler: Handler, extra: Partial<WhatsAppOptions> = {}) {
  const wa = new WhatsApp({
    phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, store, clock,
    logger: { debug() {}, warn: (...a: unknown[]) => void events.push(`warn: ${a.join(" ")}`), error: (...a: unknown[]) => void events.push(`error: ${a.join(" ")}`) },
    ...extra,
  });
  wa.onMessage(filters.command("start"), handler);
  wa.onMessage(filters.text, (_, m) => void events.push(`text handler: ${m.text}`));
  wa.onCallbackSelection((_, s) => void events.push(`selection handler: ${s.data}`));
  wa.onCallbackButton((_, c) => void events.push(`button handler: ${c.data}`));
  wa.onFlowCompletion((_, f) => void events.push(`completion handler: ${JSON.stringify(f.response)}`));
  wa.onMessageStatus((_, s) => void events.push(`status handler: ${s.status}`));
  return wa;
}

/** One delivery, one fresh instance. */
async function deliver(store: Store, clock: ManualClock, handler: Handler, payload: object, extra: Partial<WhatsAppOptions> = {}) {
  const response = await bot(store, clock, handler, extra).fetch(signedRequest(SECRET, payload));
  expect(response.status).toBe(200);
  return response;
}

const fresh = () => {
  const clock = new ManualClock();
  return { clock, store: new MemoryStore({ clock }) };
};

describe("sent.waitForSelection", () => {
  /** The options of the wait, per test; the handler's code (and so its fingerprint) stays the same. */
  let waitOptions: WaitOptions = {};
  const shipping = async function shipping(wa: WhatsApp, msg: Message) {
    const menu = await wa.sendMessage({
      to: USER,
      text: "How fast?",
      buttons: {
        type: "list",
        buttonTitle: "Options",
        sections: [{ title: "Speed", rows: [
          { title: "Express", callbackData: "express", description: "Next day" },
          { title: "Normal", callbackData: "normal" },
          { title: "Decide later", callbackData: "later" },
          { title: "Cancel", callbackData: "cancel" },
        ] }],
      },
    });
    try {
      const pick = await menu.waitForSelection(waitOptions);
      await msg.reply(`Shipping: ${pick.data} (${pick.title}, ${pick.description ?? "-"})`);
    } catch (error) {
      if (error instanceof ListenerCanceled) await msg.reply(`Canceled by ${(error.update as { data?: string }).data}`);
      else throw error;
    }
  };
  beforeEach(() => void (waitOptions = {}));

  it("a pick from the list resumes the handler with the row's data; the conversation then ends", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, shipping, text("/start"));
    expect(sentTexts()).toEqual(["How fast?"]);
    const list = sends()[0]!.body as SentBody;
    expect(list.interactive?.type).toBe("list");

    await deliver(store, clock, shipping, selection(wamidOf("How fast?"), "express", "Express", { description: "Next day" }));
    expect(sentTexts()).toEqual(["How fast?", "Shipping: express (Express, Next day)"]);
    expect(events).toEqual([]); // the conversation took it: the ordinary selection handler did not

    // Over: the next pick from that list is an ordinary update.
    await deliver(store, clock, shipping, selection(wamidOf("How fast?"), "normal"));
    expect(events).toEqual(["selection handler: normal"]);
    expect(sentTexts()).toHaveLength(2);
  });

  it("a pick from another list message does not resolve it (swallowed by default)", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, shipping, text("/start"));
    await deliver(store, clock, shipping, selection("wamid.ANOTHER_LIST", "express"));
    expect(sentTexts()).toEqual(["How fast?"]);
    // ignoreUpdates defaults to true for waitFor…: the user's other action is swallowed.
    expect(events).toEqual([]);
    // A reply-button click is not a selection either, even on the same message.
    await deliver(store, clock, shipping, click(wamidOf("How fast?"), "express"));
    expect(sentTexts()).toEqual(["How fast?"]);

    await deliver(store, clock, shipping, selection(wamidOf("How fast?"), "normal"));
    expect(sentTexts()).toEqual(["How fast?", "Shipping: normal (normal, -)"]);
  });

  it("with ignoreUpdates: false, a pick from another message goes on to the ordinary handlers and the wait stays", async () => {
    const { store, clock } = fresh();
    waitOptions = { ignoreUpdates: false };
    await deliver(store, clock, shipping, text("/start"));
    await deliver(store, clock, shipping, selection("wamid.ANOTHER_LIST", "express"));
    expect(events).toEqual(["selection handler: express"]);
    expect(sentTexts()).toEqual(["How fast?"]);
    await deliver(store, clock, shipping, selection(wamidOf("How fast?"), "express", "Express"));
    expect(sentTexts()).toEqual(["How fast?", "Shipping: express (Express, -)"]);
  });

  it("filters pick which rows resolve it; a canceler row ends it with ListenerCanceled", async () => {
    const { store, clock } = fresh();
    waitOptions = { filters: filters.matches("express", "normal"), cancelers: filters.matches("cancel"), timeout: 60_000 };
    await deliver(store, clock, shipping, text("/start"));
    const list = wamidOf("How fast?");

    // Neither a match nor a canceler: the wait stays (and, by default, swallows it).
    await deliver(store, clock, shipping, selection(list, "later"));
    expect(sentTexts()).toEqual(["How fast?"]);
    expect(events).toEqual([]);

    await deliver(store, clock, shipping, selection(list, "cancel", "Cancel"));
    expect(sentTexts()).toEqual(["How fast?", "Canceled by cancel"]);

    // The listener is gone.
    await deliver(store, clock, shipping, selection(list, "express"));
    expect(events).toEqual(["selection handler: express"]);
    expect(sentTexts()).toHaveLength(2);
  });

  it("a matching row after a non-matching one resolves it", async () => {
    const { store, clock } = fresh();
    waitOptions = { filters: filters.matches("express", "normal"), cancelers: filters.matches("cancel") };
    await deliver(store, clock, shipping, text("/start"));
    const list = wamidOf("How fast?");
    await deliver(store, clock, shipping, selection(list, "later"));
    await deliver(store, clock, shipping, selection(list, "normal", "Normal"));
    expect(sentTexts()).toEqual(["How fast?", "Shipping: normal (Normal, -)"]);
  });
});

describe("sent.waitUntilFailed", () => {
  let waitOptions: Parameters<SentMessage["waitUntilFailed"]>[0] = {};
  const watch = async function watch(_wa: WhatsApp, msg: Message) {
    const sent = await msg.reply("This one may bounce");
    try {
      const failed = await sent.waitUntilFailed(waitOptions);
      await msg.reply(`It failed: ${failed.status} ${failed.error?.code}`);
    } catch (error) {
      if (error instanceof ListenerCanceled) await msg.reply(`Not failed: ${(error.update as MessageStatus).status}`);
      else throw error;
    }
  };
  beforeEach(() => void (waitOptions = {}));

  it("a failed status of this message resolves it; statuses still reach their handlers", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, watch, text("/start"));
    const id = wamidOf("This one may bounce");
    await deliver(store, clock, watch, status(id, "sent"));
    // Another message's failure is not this one's.
    await deliver(store, clock, watch, status("wamid.SOMETHING_ELSE", "failed"));
    expect(sentTexts()).toEqual(["This one may bounce"]);
    await deliver(store, clock, watch, status(id, "failed"));
    expect(sentTexts()).toEqual(["This one may bounce", "It failed: failed 131047"]);
    expect(events).toEqual(["status handler: sent", "status handler: failed", "status handler: failed"]);
  });

  it.each(["delivered", "read"] as const)("by default a %s status of this message cancels it with ListenerCanceled", async (outcome) => {
    const { store, clock } = fresh();
    await deliver(store, clock, watch, text("/start"));
    const id = wamidOf("This one may bounce");
    await deliver(store, clock, watch, status(id, outcome));
    expect(sentTexts()).toEqual(["This one may bounce", `Not failed: ${outcome}`]);
    // Over: a late failure changes nothing.
    await deliver(store, clock, watch, status(id, "failed"));
    expect(sentTexts()).toHaveLength(2);
  });

  it("with cancelIfDelivered: false a delivered status does not cancel; the failure still resolves it", async () => {
    const { store, clock } = fresh();
    waitOptions = { cancelIfDelivered: false };
    await deliver(store, clock, watch, text("/start"));
    const id = wamidOf("This one may bounce");
    await deliver(store, clock, watch, status(id, "delivered"));
    expect(sentTexts()).toEqual(["This one may bounce"]);
    await deliver(store, clock, watch, status(id, "failed"));
    expect(sentTexts()).toEqual(["This one may bounce", "It failed: failed 131047"]);
  });
});

describe("sent.waitUntilDelivered with a failure first", () => {
  let waitOptions: Parameters<SentMessage["waitUntilDelivered"]>[0] = {};
  const deliveryWatch = async function deliveryWatch(_wa: WhatsApp, msg: Message) {
    const sent = await msg.reply("Did it arrive?");
    try {
      const delivered = await sent.waitUntilDelivered(waitOptions);
      await msg.reply(`Arrived: ${delivered.status}`);
    } catch (error) {
      if (error instanceof ListenerCanceled) await msg.reply(`Canceled by ${(error.update as MessageStatus).status} ${(error.update as MessageStatus).id === sent.id}`);
      else throw error;
    }
  };
  beforeEach(() => void (waitOptions = {}));

  it("by default (cancelIfFailed) a failed status of this message throws ListenerCanceled", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, deliveryWatch, text("/start"));
    const id = wamidOf("Did it arrive?");
    await deliver(store, clock, deliveryWatch, status("wamid.SOMETHING_ELSE", "failed"));
    expect(sentTexts()).toEqual(["Did it arrive?"]);
    await deliver(store, clock, deliveryWatch, status(id, "failed"));
    expect(sentTexts()).toEqual(["Did it arrive?", "Canceled by failed true"]);
    await deliver(store, clock, deliveryWatch, status(id, "delivered"));
    expect(sentTexts()).toHaveLength(2);
  });

  it("with cancelIfFailed: false a failed status does not cancel it", async () => {
    const { store, clock } = fresh();
    waitOptions = { cancelIfFailed: false };
    await deliver(store, clock, deliveryWatch, text("/start"));
    const id = wamidOf("Did it arrive?");
    await deliver(store, clock, deliveryWatch, status(id, "failed"));
    expect(sentTexts()).toEqual(["Did it arrive?"]);
    await deliver(store, clock, deliveryWatch, status(id, "delivered"));
    expect(sentTexts()).toEqual(["Did it arrive?", "Arrived: delivered"]);
  });
});

describe("sent.waitForCompletion", () => {
  const survey = async function survey(_wa: WhatsApp, msg: Message) {
    const form = await msg.reply("Rate your delivery", {
      buttons: { type: "flow", title: "Open survey", flowId: "1234567890123", flowToken: "survey-token" },
    });
    const done = await form.waitForCompletion({ timeout: 3_600_000 });
    await msg.reply(`Thanks: ${done.response.rating} stars, "${done.response.comment}" (${done.token})`);
  };

  it("the flow's completion replying to the flow message resumes it with the response data", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, survey, text("/start"));
    const flow = sends()[0]!.body as SentBody;
    expect(flow.interactive?.type).toBe("flow");
    expect(flow.interactive?.action).toMatchObject({ name: "flow", parameters: { flow_id: "1234567890123", flow_token: "survey-token" } });

    // The completion of another flow message does not resolve it.
    await deliver(store, clock, survey, flowCompletion("wamid.OTHER_FLOW", { rating: 1, comment: "other" }, { token: "other" }));
    expect(sentTexts()).toEqual(["Rate your delivery"]);

    await deliver(store, clock, survey, flowCompletion(wamidOf("Rate your delivery"), { rating: 5, comment: "fast" }, { token: "survey-token" }));
    expect(sentTexts()).toEqual(["Rate your delivery", 'Thanks: 5 stars, "fast" (survey-token)']);
    expect(events).toEqual([]);

    // Over: another completion is an ordinary update.
    await deliver(store, clock, survey, flowCompletion(wamidOf("Rate your delivery"), { rating: 4 }));
    expect(events).toEqual(['completion handler: {"rating":4}']);
  });

  it("a text while the flow is open does not resolve it", async () => {
    const { store, clock } = fresh();
    await deliver(store, clock, survey, text("/start"));
    await deliver(store, clock, survey, text("where is the form?"));
    expect(sentTexts()).toEqual(["Rate your delivery"]);
    expect(events).toEqual([]); // swallowed while the flow is open (ignoreUpdates defaults to true)
    await deliver(store, clock, survey, flowCompletion(wamidOf("Rate your delivery"), { rating: 3, comment: "ok" }, { token: "survey-token" }));
    expect(sentTexts().at(-1)).toBe('Thanks: 3 stars, "ok" (survey-token)');
  });
});

describe("a non-atomic store and listening", () => {
  /** A store that reports what Cloudflare KV reports: atomic: false. */
  function kvLike(inner: MemoryStore): Store {
    return {
      atomic: false,
      get: (k) => inner.get(k),
      set: (k, v, o) => inner.set(k, v, o),
      delete: (k, o) => inner.delete(k, o),
    };
  }
  const ask = async function ask(_wa: WhatsApp, msg: Message) {
    const question = await msg.reply("What's your name?");
    const name = await question.waitForReply({ filters: filters.text });
    await name.reply(`Hi ${name.text}`);
  };

  it("is refused where the handler waits: onError hears of allowNonAtomicStore, nothing is sent twice, nothing is stored", async () => {
    const { store: inner, clock } = fresh();
    const store = kvLike(inner);
    const errors: [unknown, UpdateErrorInfo][] = [];
    const extra: Partial<WhatsAppOptions> = { skipDuplicateUpdates: false, onError: (e, info) => void errors.push([e, info]) };

    await deliver(store, clock, ask, text("/start"), extra);
    expect(errors).toHaveLength(1);
    const [error, info] = errors[0]!;
    expect(error).toBeInstanceOf(NonAtomicStoreError);
    expect(String(error)).toMatch(/allowNonAtomicStore: true/);
    expect(info).toMatchObject({ phase: "handler", kind: "message" });
    expect(sentTexts()).toEqual(["What's your name?"]);
    expect(await inner.get(`edgewa:listener:${PHONE_ID}:${USER}`)).toBeUndefined();

    // No conversation waits: the answer is an ordinary message, and nothing is sent for it.
    await deliver(store, clock, ask, text("Dana"), extra);
    expect(events).toEqual(["text handler: Dana"]);
    expect(sentTexts()).toEqual(["What's your name?"]);
    expect(errors).toHaveLength(1);
  });

  it("without skipDuplicateUpdates: false, the client itself is refused (claims need atomicity too)", () => {
    const { store: inner, clock } = fresh();
    expect(() => bot(kvLike(inner), clock, ask)).toThrow(/allowNonAtomicStore/);
  });

  it("with allowNonAtomicStore: true the conversation runs across fresh instances", async () => {
    const { store: inner, clock } = fresh();
    const store = kvLike(inner);
    const errors: unknown[] = [];
    const extra: Partial<WhatsAppOptions> = { allowNonAtomicStore: true, onError: (e) => void errors.push(e) };
    await deliver(store, clock, ask, text("/start"), extra);
    await deliver(store, clock, ask, text("Dana"), extra);
    expect(sentTexts()).toEqual(["What's your name?", "Hi Dana"]);
    expect(errors).toEqual([]);
    expect(events).toEqual([]);
  });
});
