import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ManualClock,
  MemoryStore,
  WhatsApp,
  callbackData,
  filters,
  onCallbackButton,
  type CallbackButton,
  type CallbackDataOf,
  type CallbackSelection,
  type MessageStatus,
  type Store,
  type WhatsAppOptions,
  type WithCallbackData,
} from "@edgewa/core";
import { loadFixtures } from "./fixtures/updates/index.ts";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";
import { PHONE_ID, USER, click, selection, status, text } from "./support/payloads.ts";
import { signedRequest } from "./support/webhook.ts";

/**
 * pywa's CallbackData factories: the wire format (pinned to pywa's own test
 * outputs), and `{ factory }` handlers over signed webhooks through `wa.fetch`,
 * whose replies reach the local Graph API server.
 */
const SECRET = "callback-data-secret";
const TOKEN = "callback-data-token";
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: TOKEN })));
afterAll(() => server.close());
beforeEach(() => server.clear());

// pywa's tests/test_callback.py: `class User(CallbackData): id: int; name: str; is_admin: bool` with `__callback_id__ = "x"`.
const User = callbackData("x", { id: "int", name: "str", isAdmin: "bool" });
const OrderAction = callbackData("order", { id: "int", action: ["ship", "cancel"], urgent: "bool", note: "str?" });
const Survey = callbackData("survey", { question: "int", answer: "str" });

function bot(extra: Partial<WhatsAppOptions> = {}): WhatsApp {
  return new WhatsApp({
    phoneId: PHONE_ID,
    token: TOKEN,
    appSecret: SECRET,
    graphUrl: server.url,
    logger: quiet,
    retry: { maxAttempts: 1 },
    skipDuplicateUpdates: false,
    ...extra,
  });
}

async function deliver(wa: WhatsApp, payload: object): Promise<void> {
  const response = await wa.fetch(signedRequest(SECRET, payload));
  expect(response.status).toBe(200);
}

/** The texts the bot sent, in order. */
const sentTexts = () =>
  server.requests
    .filter((r) => r.path.endsWith("/messages"))
    .map((r) => (r.body as { text?: { body: string } }).text?.body);

/** A status of `messageId` that carries `tracker` (`biz_opaque_callback_data`), as Meta sends it. */
function trackedStatus(messageId: string, tracker: string | undefined): object {
  const payload = status(messageId, "read") as unknown as { entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[] };
  const item = payload.entry[0]!.changes[0]!.value.statuses[0]!;
  if (tracker !== undefined) item.biz_opaque_callback_data = tracker;
  return payload;
}

describe("callbackData: pywa's wire format", () => {
  it("encodes pywa's pinned outputs: x~1234~xxx~§ and x~3456~yyy~ (false is empty)", () => {
    expect(User.encode({ id: 1234, name: "xxx", isAdmin: true })).toBe("x~1234~xxx~§");
    expect(User.encode({ id: 3456, name: "yyy", isAdmin: false })).toBe("x~3456~yyy~");
    expect(User.decode("x~1234~xxx~§")).toEqual({ id: 1234, name: "xxx", isAdmin: true });
    expect(User.decode("x~3456~yyy~")).toEqual({ id: 3456, name: "yyy", isAdmin: false });
  });

  it("writes enums by value and null (or a left-out optional field) as ¤, and reads them back", () => {
    expect(OrderAction.encode({ id: 42, action: "ship", urgent: true, note: null })).toBe("order~42~ship~§~¤");
    expect(OrderAction.encode({ id: 42, action: "ship", urgent: true })).toBe("order~42~ship~§~¤");
    expect(OrderAction.encode({ id: -7, action: "cancel", urgent: false, note: "" })).toBe("order~-7~cancel~~");
    expect(OrderAction.decode("order~42~ship~§~¤")).toEqual({ id: 42, action: "ship", urgent: true, note: null });
    expect(OrderAction.decode("order~-7~cancel~~")).toEqual({ id: -7, action: "cancel", urgent: false, note: "" });
  });

  it("reads floats as Python's str(float) writes them, optional scalars, and an optional enum", () => {
    const Point = callbackData("pt", { x: "float", y: "float?", n: "int?", b: "bool?", e: ["a", "b", null] });
    expect(Point.encode({ x: 1.5, y: null, n: null, b: null, e: null })).toBe("pt~1.5~¤~¤~¤~¤");
    expect(Point.encode({ x: -0.25, y: 1e21, n: 3, b: false, e: "b" })).toBe("pt~-0.25~1e+21~3~~b");
    expect(Point.decode("pt~1.0~1e-07~3~§~a")).toEqual({ x: 1, y: 1e-7, n: 3, b: true, e: "a" });
    expect(Point.decode("pt~2~¤~¤~~¤")).toEqual({ x: 2, y: null, n: null, b: false, e: null });
  });

  it("writes the fields in the order of the object's keys, whatever order the value has", () => {
    const Pair = callbackData("pair", { second: "int", first: "int" });
    expect(Pair.encode({ first: 1, second: 2 })).toBe("pair~2~1");
    expect(Pair.decode("pair~2~1")).toEqual({ second: 2, first: 1 });
  });

  it("keeps ¤ as text in a required string field (only optional fields read it as null)", () => {
    const Note = callbackData("note", { text: "str" });
    expect(Note.encode({ text: "¤" })).toBe("note~¤");
    expect(Note.decode("note~¤")).toEqual({ text: "¤" });
  });

  it("refuses values it cannot write, with a TypeError naming the field", () => {
    const cases: [unknown, RegExp][] = [
      [{ id: 1, name: "a~b", isAdmin: true }, /field "name" must not contain "~" or "¶"/],
      [{ id: 1, name: "a¶b", isAdmin: true }, /field "name" must not contain "~" or "¶"/],
      [{ id: 1.5, name: "a", isAdmin: true }, /field "id" must be a safe integer, got 1\.5/],
      [{ id: "1", name: "a", isAdmin: true }, /field "id" must be a safe integer, got "1"/],
      [{ id: 2 ** 53, name: "a", isAdmin: true }, /field "id" must be a safe integer/],
      [{ id: 1, name: 5, isAdmin: true }, /field "name" must be a string, got 5/],
      [{ id: 1, name: "a", isAdmin: "yes" }, /field "isAdmin" must be a boolean/],
      [{ id: 1, name: "a" }, /field "isAdmin" is missing/],
      [{ id: 1, name: null, isAdmin: true }, /field "name" must not be null/],
      [{ id: 1, name: "a", isAdmin: true, admin: true }, /"admin" is not a field/],
      ["x~1~a~§", /expected an object of the fields/],
    ];
    for (const [value, message] of cases) {
      expect(() => User.encode(value as never), JSON.stringify(value)).toThrow(TypeError);
      expect(() => User.encode(value as never), JSON.stringify(value)).toThrow(message);
    }
    expect(() => OrderAction.encode({ id: 1, action: "refund" as "ship", urgent: true })).toThrow(
      /field "action" must be one of "ship", "cancel", got "refund"/,
    );
    expect(() => OrderAction.encode({ id: 1, action: "ship", urgent: true, note: "¤" })).toThrow(/field "note" must not be "¤"/);
    const Price = callbackData("price", { amount: "float" });
    expect(() => Price.encode({ amount: Number.NaN })).toThrow(/field "amount" must be a finite number/);
    expect(() => Price.encode({ amount: Number.POSITIVE_INFINITY })).toThrow(/field "amount" must be a finite number/);
  });

  it("decodes strictly: another id, a wrong field count or a bad value is a TypeError", () => {
    const cases: [string, RegExp][] = [
      ["y~1234~xxx~§", /is not x data \(it must start with "x~"\)/],
      ["x", /is not x data/],
      ["xx~1234~xxx~§", /is not x data/],
      ["x~1234~xxx", /has 2 fields, expected 3 \(id, name, isAdmin\)/],
      ["x~1234~xxx~§~extra", /has 4 fields, expected 3/],
      ["x~12a~xxx~§", /field "id" is not an integer: "12a"/],
      ["x~~xxx~§", /field "id" is not an integer: ""/],
      ["x~1.5~xxx~§", /field "id" is not an integer/],
      ["x~¤~xxx~§", /field "id" is not an integer: "¤"/],
      ["x~99999999999999999999~xxx~§", /field "id" is not an integer/],
      ["x~1~xxx~yes", /field "isAdmin" is not "§" or ""/],
    ];
    for (const [input, message] of cases) {
      expect(() => User.decode(input), input).toThrow(TypeError);
      expect(() => User.decode(input), input).toThrow(message);
    }
    expect(() => OrderAction.decode("order~1~refund~§~¤")).toThrow(/field "action" is not one of "ship", "cancel": "refund"/);
    expect(() => callbackData("f", { v: "float" }).decode("f~inf")).toThrow(/field "v" is not a number/);
    expect(() => User.decode(42 as unknown as string)).toThrow(/42 is not x data/);
  });

  it("matches its own data by the id~ prefix only", () => {
    expect(User.matches("x~1~a~§")).toBe(true);
    expect(User.matches("x~garbage")).toBe(true); // the prefix matches; decode decides the rest
    expect(User.matches("xy~1~a~§")).toBe(false);
    expect(User.matches("x")).toBe(false);
    expect(User.matches("order~1~ship~§~¤")).toBe(false);
    expect(User.matches(undefined)).toBe(false);
    expect(User.matches(42)).toBe(false);
  });

  it("refuses a bad definition: id, field types, integer field names, enum values", () => {
    const bad: [() => unknown, RegExp][] = [
      [() => callbackData("", { a: "int" }), /the id must be a non-empty string/],
      [() => callbackData(7 as unknown as string, { a: "int" }), /the id must be a non-empty string, got 7/],
      [() => callbackData("a~b", { a: "int" }), /the id must not contain "~" or "¶"/],
      [() => callbackData("a¶b", { a: "int" }), /the id must not contain "~" or "¶"/],
      [() => callbackData("e", {}), /at least one field is needed/],
      [() => callbackData("e", { a: "string" } as never), /field "a" has the type "string"/],
      [() => callbackData("e", { a: "int??" } as never), /field "a" has the type "int\?\?"/],
      [() => callbackData("e", { a: "int", 0: "str" }), /the field name "0" is an integer/],
      [() => callbackData("e", { a: [] }), /field "a" is an enum without values/],
      [() => callbackData("e", { a: ["x~y"] }), /the enum value "x~y" contains "~" or "¶"/],
      [() => callbackData("e", { a: ["¤", null] }), /the enum value "¤" stands for null/],
    ];
    for (const [define, message] of bad) {
      expect(define).toThrow(TypeError);
      expect(define).toThrow(message);
    }
    expect(callbackData("e", { a: ["¤"] }).encode({ a: "¤" })).toBe("e~¤");
  });
});

describe("callbackData.filter", () => {
  it("matches clicks, selections and statuses carrying the factory's data, nothing else", async () => {
    const wa = bot();
    const seen: string[] = [];
    wa.onCallbackButton(OrderAction.filter, (_, b) => void seen.push(`order click ${b.data}`));
    wa.onCallbackButton((_, b) => void seen.push(`other click ${b.data}`));
    wa.onCallbackSelection(OrderAction.filter, (_, s) => void seen.push(`order row ${s.data}`));
    wa.onCallbackSelection((_, s) => void seen.push(`other row ${s.data}`));
    wa.onMessageStatus(OrderAction.filter, (_, s) => void seen.push(`order status ${s.tracker}`));
    wa.onMessageStatus((_, s) => void seen.push(`other status ${s.tracker}`));
    wa.onMessage(OrderAction.filter, () => void seen.push("a message (never)"));

    const data = OrderAction.encode({ id: 1, action: "ship", urgent: false });
    await deliver(wa, click("wamid.OUT1", data));
    await deliver(wa, click("wamid.OUT1", "order"));
    await deliver(wa, selection("wamid.OUT2", data));
    await deliver(wa, selection("wamid.OUT2", Survey.encode({ question: 1, answer: "a" })));
    await deliver(wa, trackedStatus("wamid.OUT3", data));
    await deliver(wa, trackedStatus("wamid.OUT3", undefined));
    await deliver(wa, text(data));
    expect(seen).toEqual([
      "order click order~1~ship~~¤",
      "other click order",
      "order row order~1~ship~~¤",
      "other row survey~1~a",
      "order status order~1~ship~~¤",
      "other status undefined",
    ]);
  });
});

describe("{ factory } handlers", () => {
  it("round-trips a button: the handler gets the decoded data and can still reply", async () => {
    const wa = bot();
    const sent = await wa.sendMessage({
      to: USER,
      text: "Order 42 is ready",
      buttons: [
        { title: "Ship", callbackData: OrderAction.encode({ id: 42, action: "ship", urgent: true, note: "fragile" }) },
        { title: "Cancel", callbackData: OrderAction.encode({ id: 42, action: "cancel", urgent: false }) },
      ],
    });
    const buttons = (server.requests[0]!.body as { interactive: { action: { buttons: { reply: { id: string } }[] } } }).interactive.action.buttons;
    expect(buttons.map((b) => b.reply.id)).toEqual(["order~42~ship~§~fragile", "order~42~cancel~~¤"]);

    const got: CallbackDataOf<typeof OrderAction>[] = [];
    wa.onCallbackButton(
      async (_, btn) => {
        got.push(btn.data);
        await btn.reply(`${btn.data.action === "ship" ? "Shipping" : "Cancelling"} order ${btn.data.id}${btn.data.urgent ? " now" : ""}`);
      },
      { factory: OrderAction },
    );
    server.clear();
    await deliver(wa, click(sent.id, buttons[0]!.reply.id, "Ship"));
    await deliver(wa, click(sent.id, buttons[1]!.reply.id, "Cancel"));

    expect(got).toEqual([
      { id: 42, action: "ship", urgent: true, note: "fragile" },
      { id: 42, action: "cancel", urgent: false, note: null },
    ]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v25.0/${PHONE_ID}/messages`,
      `POST /v25.0/${PHONE_ID}/messages`,
    ]);
    expect(server.requests.map((r) => r.body)).toEqual([
      { messaging_product: "whatsapp", recipient_type: "individual", to: USER, type: "text", text: { body: "Shipping order 42 now", preview_url: false } },
      { messaging_product: "whatsapp", recipient_type: "individual", to: USER, type: "text", text: { body: "Cancelling order 42", preview_url: false } },
    ]);
  });

  it("the decoded update keeps the rest of the update: kind, sender, title, sharedData, and the raw string for text filters", async () => {
    const wa = bot({ continueHandling: true });
    const views: unknown[] = [];
    wa.onCallbackButton(
      filters.startsWith("order~7~"),
      (_, btn) => {
        btn.sharedData.seen = true;
        views.push({
          kind: btn.kind,
          from: btn.from.waId,
          title: btn.title,
          isQuickReply: btn.isQuickReply,
          replyTo: btn.replyToMessage?.messageId,
          json: JSON.parse(JSON.stringify({ data: btn.data })),
        });
      },
      { factory: OrderAction },
    );
    wa.onCallbackButton((_, btn) => void views.push({ next: btn.data, sharedData: btn.sharedData }));
    await deliver(wa, click("wamid.OUT7", "order~7~ship~§~¤", "Ship"));
    expect(views).toEqual([
      {
        kind: "callbackButton",
        from: USER,
        title: "Ship",
        isQuickReply: false,
        replyTo: "wamid.OUT7",
        json: { data: { id: 7, action: "ship", urgent: true, note: null } },
      },
      // The next handler sees the update itself: the raw string, and what the first one shared.
      { next: "order~7~ship~§~¤", sharedData: { seen: true } },
    ]);
  });

  it("skips another factory's data and plain data: the next handler gets them, undecoded", async () => {
    const wa = bot();
    const order = vi.fn();
    const seen: string[] = [];
    wa.onCallbackButton(order, { factory: OrderAction });
    wa.onCallbackButton((_, btn) => void seen.push(btn.data));
    await deliver(wa, click("wamid.OUT1", Survey.encode({ question: 3, answer: "yes" })));
    await deliver(wa, click("wamid.OUT1", "order"));
    await deliver(wa, click("wamid.OUT1", "orders~1~ship~§~¤"));
    await deliver(wa, click("wamid.OUT1", "plain"));
    expect(order).not.toHaveBeenCalled();
    expect(seen).toEqual(["survey~3~yes", "order", "orders~1~ship~§~¤", "plain"]);
  });

  it("runs the filter on the decoded update; a filter that says no passes the update on", async () => {
    const wa = bot();
    const seen: string[] = [];
    wa.onCallbackButton((_, btn) => btn.data.urgent, (_, btn) => void seen.push(`urgent ${btn.data.id}`), { factory: OrderAction });
    wa.onCallbackButton((_, btn) => void seen.push(`rest ${btn.data}`));
    await deliver(wa, click("wamid.OUT1", OrderAction.encode({ id: 1, action: "ship", urgent: true })));
    await deliver(wa, click("wamid.OUT1", OrderAction.encode({ id: 2, action: "ship", urgent: false })));
    expect(seen).toEqual(["urgent 1", "rest order~2~ship~~¤"]);
  });

  it("data with the prefix that does not decode goes to onError and counts as handled (pywa)", async () => {
    const onError = vi.fn();
    const wa = bot({ onError });
    const order = vi.fn();
    const later = vi.fn();
    wa.onCallbackButton(order, { factory: OrderAction });
    wa.onCallbackButton(later);
    await deliver(wa, click("wamid.OUT1", "order~forty-two~ship~§~¤"));
    expect(order).not.toHaveBeenCalled();
    expect(later).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, info] = onError.mock.calls[0]! as [Error, { phase: string; kind: string }];
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('callbackData("order").decode: field "id" is not an integer: "forty-two"');
    expect(info).toMatchObject({ phase: "handler", kind: "callbackButton" });
  });

  it("decodes list rows (onCallbackSelection)", async () => {
    const wa = bot();
    const got: unknown[] = [];
    wa.onCallbackSelection((_, row) => void got.push([row.data, row.title, row.description]), { factory: Survey });
    await deliver(wa, selection("wamid.LIST", Survey.encode({ question: 2, answer: "maybe" }), "Maybe", { description: "Not sure" }));
    expect(got).toEqual([[{ question: 2, answer: "maybe" }, "Maybe", "Not sure"]]);
  });

  it("decodes a status's tracker (onMessageStatus) sent with the message; statuses without one are skipped", async () => {
    const wa = bot();
    const sent = await wa.sendMessage({ to: USER, text: "Your order", tracker: OrderAction.encode({ id: 9, action: "ship", urgent: false, note: "gift" }) });
    expect((server.requests[0]!.body as { biz_opaque_callback_data?: string }).biz_opaque_callback_data).toBe("order~9~ship~~gift");

    const seen: unknown[] = [];
    wa.onMessageStatus((_, s) => void seen.push({ id: s.id, status: s.status, tracker: s.tracker }), { factory: OrderAction });
    wa.onMessageStatus((_, s) => void seen.push(`plain ${s.tracker}`));
    await deliver(wa, trackedStatus(sent.id, "order~9~ship~~gift"));
    await deliver(wa, trackedStatus(sent.id, undefined));
    await deliver(wa, trackedStatus(sent.id, "campaign-7"));
    expect(seen).toEqual([
      { id: sent.id, status: "read", tracker: { id: 9, action: "ship", urgent: false, note: "gift" } },
      "plain undefined",
      "plain campaign-7",
    ]);
  });

  it("decodes a call status's tracker (onCallStatus)", async () => {
    const payload = structuredClone(loadFixtures()["call-status"]!.ringing!) as {
      entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[];
    };
    payload.entry[0]!.changes[0]!.value.statuses[0]!.biz_opaque_callback_data = Survey.encode({ question: 5, answer: "call" });
    const wa = bot();
    const got: unknown[] = [];
    wa.onCallStatus((_, call) => void got.push([call.status, call.tracker]), { factory: Survey });
    await deliver(wa, payload);
    expect(got).toEqual([["RINGING", { question: 5, answer: "call" }]]);
  });

  it("works with standalone handlers, and removeCallbacks finds the function given", async () => {
    const wa = bot();
    const seen: number[] = [];
    const onOrder = (_: WhatsApp, btn: WithCallbackData<CallbackButton, typeof OrderAction>) => void seen.push(btn.data.id);
    const handler = onCallbackButton(onOrder, { factory: OrderAction, priority: 3 });
    expect(handler.factory).toBe(OrderAction);
    wa.loadHandlersModules({ handler });
    await deliver(wa, click("wamid.OUT1", OrderAction.encode({ id: 5, action: "cancel", urgent: false })));
    wa.removeCallbacks(onOrder);
    await deliver(wa, click("wamid.OUT1", OrderAction.encode({ id: 6, action: "cancel", urgent: false })));
    expect(seen).toEqual([5]);
  });

  it("refuses a factory on a kind without callback data, and a factory that is not one", () => {
    const wa = bot();
    expect(() => wa.onMessage(() => {}, { factory: OrderAction } as never)).toThrow(
      /onMessage: the factory option is for onCallbackButton, onCallbackSelection, onMessageStatus and onCallStatus/,
    );
    expect(() => wa.onCallbackButton(() => {}, { factory: { id: "x" } } as never)).toThrow(/factory must be made by callbackData/);
  });
});

describe("a { factory } handler that waits", () => {
  const sentBodies = () => sentTexts().filter((t): t is string => t !== undefined);

  /** Asks for a confirmation and waits for it: resumed by a later delivery, on a fresh instance. */
  async function confirmOrder(_wa: WhatsApp, btn: WithCallbackData<CallbackButton, typeof OrderAction>) {
    const ask = await btn.reply(`Really ${btn.data.action} order ${btn.data.id}?`);
    const answer = await ask.waitForReply({ filters: filters.text, timeout: 60_000 });
    await answer.reply(`Order ${btn.data.id}: ${btn.data.action} (${answer.text})`);
  }

  function instance(store: Store, clock: ManualClock): WhatsApp {
    const wa = bot({ store, clock });
    wa.onCallbackButton(confirmOrder, { factory: OrderAction });
    return wa;
  }

  it("sees the decoded data again when it resumes from the store", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(instance(store, clock), click("wamid.OUT1", OrderAction.encode({ id: 31, action: "cancel", urgent: false })));
    expect(sentBodies()).toEqual(["Really cancel order 31?"]);
    await deliver(instance(store, clock), text("yes please"));
    expect(sentBodies()).toEqual(["Really cancel order 31?", "Order 31: cancel (yes please)"]);
  });

  it("ends (instead of misreading the data) when a deploy changed the handler's factory", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await deliver(instance(store, clock), click("wamid.OUT1", OrderAction.encode({ id: 31, action: "cancel", urgent: false })));

    // The same function and id, one more field: the stored click no longer decodes.
    const OrderV2 = callbackData("order", { id: "int", action: ["ship", "cancel"], urgent: "bool", note: "str?", by: "str?" });
    const warnings: string[] = [];
    const onError = vi.fn();
    const wa = bot({ store, clock, onError, logger: { ...quiet, warn: (...a: unknown[]) => void warnings.push(a.join(" ")) } });
    wa.onCallbackButton(confirmOrder, { factory: OrderV2 });
    await deliver(wa, text("yes please"));

    expect(sentBodies()).toEqual(["Really cancel order 31?"]);
    expect(onError).not.toHaveBeenCalled();
    expect(warnings).toEqual([expect.stringContaining(`listener "confirmOrder" for ${USER} ended (ListenerStopped): the handler's code changed`)]);
  });
});

// ── Compile-time checks: `npm run typecheck` compiles this file, and an unused
// expect-error directive is itself an error, so each marked line must fail to type-check.

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export const decodedType: Equal<
  ReturnType<typeof OrderAction.decode>,
  { id: number; action: "ship" | "cancel"; urgent: boolean; note: string | null }
> = true;
export const userType: Equal<CallbackDataOf<typeof User>, { id: number; name: string; isAdmin: boolean }> = true;

export function typeChecks(wa: WhatsApp): void {
  OrderAction.encode({ id: 1, action: "ship", urgent: true });
  OrderAction.encode({ id: 1, action: "cancel", urgent: false, note: null });
  // @ts-expect-error id is an int, not a string
  OrderAction.encode({ id: "1", action: "ship", urgent: true });
  // @ts-expect-error "refund" is not one of the enum's values
  OrderAction.encode({ id: 1, action: "refund", urgent: true });
  // @ts-expect-error urgent is required (only optional fields may be left out)
  OrderAction.encode({ id: 1, action: "ship" });
  // @ts-expect-error no such field
  User.encode({ id: 1, name: "a", isAdmin: true, admin: true });

  const order = OrderAction.decode("order~1~ship~§~¤");
  // @ts-expect-error note may be null
  const note: string = order.note;
  void note;

  wa.onCallbackButton(
    (_, btn) => {
      const id: number = btn.data.id;
      // @ts-expect-error data is the decoded object, not a string
      btn.data.startsWith("order~");
      void id;
      void btn.reply("still a reply shortcut");
    },
    { factory: OrderAction },
  );
  wa.onCallbackSelection((_, row: WithCallbackData<CallbackSelection, typeof Survey>) => void row.data.answer.toUpperCase(), { factory: Survey });
  wa.onMessageStatus((_, s: WithCallbackData<MessageStatus, typeof User>) => void s.tracker.isAdmin, { factory: User });
  // A built-in filter (typed for the plain update) fits a factory handler; a plain function filter gets the decoded update.
  wa.onCallbackButton(filters.fromUsers(USER), (_, btn) => void btn.data.urgent, { factory: OrderAction });
  wa.onCallbackButton((_, btn) => btn.data.action === "ship", () => {}, { factory: OrderAction });
  // Without a factory, data stays a string.
  wa.onCallbackButton((_, btn) => void btn.data.startsWith("order~"));
  // @ts-expect-error onMessage has no factory option
  wa.onMessage(() => {}, { factory: OrderAction });
  // @ts-expect-error the handler's data is User's, not OrderAction's
  wa.onCallbackButton((_: WhatsApp, btn: WithCallbackData<CallbackButton, typeof User>) => void btn, { factory: OrderAction });
}
