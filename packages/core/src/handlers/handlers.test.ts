import { describe, expect, it, vi } from "vitest";
import { WhatsApp } from "../client/whatsapp.ts";
import type { WhatsAppOptions } from "../client/options.ts";
import { Filter } from "./filter.ts";
import { onMessage, onMessageStatus, onRawUpdate } from "./factories.ts";
import type { Message } from "../updates/message.ts";
import { signedRequest, textPayload } from "../../../../test/support/webhook.ts";

const SECRET = "handlers-secret";
const quiet = { debug() {}, warn() {}, error() {} };
const bot = (options: Partial<WhatsAppOptions> = {}) =>
  new WhatsApp({ phoneId: "1234567890", appSecret: SECRET, logger: quiet, skipDuplicateUpdates: false, ...options });
const send = (wa: WhatsApp, text = "hi", extra: { phoneId?: string } = {}) =>
  wa.fetch(signedRequest(SECRET, textPayload(text, extra)));

describe("handler order", () => {
  it("runs by priority, highest first, ties in registration order, first match only", async () => {
    const wa = bot({ continueHandling: true });
    const order: string[] = [];
    wa.onMessage(() => void order.push("p0_a"));
    wa.onMessage(() => void order.push("p5"), { priority: 5 });
    wa.onMessage(undefined, () => void order.push("p0_b"));
    wa.onMessage(() => void order.push("pneg"), { priority: -1 });
    await send(wa);
    expect(order).toEqual(["p5", "p0_a", "p0_b", "pneg"]);
  });

  it("stops at the first matching handler by default", async () => {
    const wa = bot();
    const order: string[] = [];
    wa.onMessage((_, m) => m.text === "no", () => void order.push("skipped: filter says no"));
    wa.onMessage(() => void order.push("first match"));
    wa.onMessage(() => void order.push("never"));
    await send(wa);
    expect(order).toEqual(["first match"]);
  });

  it("update.continueHandling() moves on to the next matching handler", async () => {
    const wa = bot();
    const order: string[] = [];
    wa.onMessage((_, m) => {
      order.push("a");
      m.continueHandling();
    });
    wa.onMessage(() => void order.push("b"));
    wa.onMessage(() => void order.push("c"));
    await send(wa);
    expect(order).toEqual(["a", "b"]);
  });

  it("update.stopHandling() ends the chain even with continueHandling on", async () => {
    const wa = bot({ continueHandling: true });
    const order: string[] = [];
    wa.onMessage(() => void order.push("a"));
    wa.onMessage((_, m) => {
      order.push("b");
      m.stopHandling();
    });
    wa.onMessage(() => void order.push("c"));
    await send(wa);
    expect(order).toEqual(["a", "b"]);
  });

  it("stopHandling() thrown from a filter ends the chain without running the handler", async () => {
    const wa = bot({ continueHandling: true });
    const order: string[] = [];
    wa.onMessage(new Filter<Message>((_, m) => m.stopHandling()), () => void order.push("a"));
    wa.onMessage(() => void order.push("b"));
    await send(wa);
    expect(order).toEqual([]);
  });

  it("a handler that throws counts as handled and ends the chain (pywa), the error goes to onError", async () => {
    const onError = vi.fn();
    const wa = bot({ onError });
    const later = vi.fn();
    wa.onMessage(() => Promise.reject(new Error("async boom")));
    wa.onMessage(later);
    await send(wa);
    expect(later).not.toHaveBeenCalled();
    expect((onError.mock.calls[0]![0] as Error).message).toBe("async boom");
  });

  it("awaits async filters and handlers in order", async () => {
    const wa = bot({ continueHandling: true });
    const order: string[] = [];
    const slowYes = new Filter<Message>(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return true;
    });
    wa.onMessage(slowYes, async () => {
      await new Promise((r) => setTimeout(r, 5));
      order.push("slow");
    });
    wa.onMessage(() => void order.push("fast"));
    await send(wa);
    expect(order).toEqual(["slow", "fast"]);
  });

  it("sharedData carries state from one handler to the next for the same update", async () => {
    const wa = bot({ continueHandling: true });
    let seen: unknown;
    wa.onMessage((_, m) => void (m.sharedData.user = "alice"));
    wa.onMessage((_, m) => void (seen = m.sharedData.user));
    await send(wa);
    expect(seen).toBe("alice");
  });

  it("raw-update handlers always run, after the typed ones, even when a typed handler stopped the chain", async () => {
    const wa = bot();
    const order: string[] = [];
    wa.onRawUpdate((_, raw) => void order.push(`raw ${raw.field}`));
    wa.onMessage((_, m) => {
      order.push("typed");
      m.stopHandling();
    });
    await send(wa);
    expect(order).toEqual(["typed", "raw messages"]);
  });
});

describe("filterUpdates", () => {
  it("ignores updates for another phone number id, but raw handlers still see them", async () => {
    const wa = bot();
    const typed = vi.fn();
    const raw = vi.fn();
    wa.onMessage(typed);
    wa.onRawUpdate(raw);
    await send(wa, "hi", { phoneId: "999" });
    expect(typed).not.toHaveBeenCalled();
    expect(raw).toHaveBeenCalledOnce();
  });

  it("filterUpdates: false handles them", async () => {
    const wa = bot({ filterUpdates: false });
    const typed = vi.fn();
    wa.onMessage(typed);
    await send(wa, "hi", { phoneId: "999" });
    expect(typed).toHaveBeenCalledOnce();
  });

  it("ignores updates of another WABA when wabaId is set", async () => {
    const wa = bot({ wabaId: "OTHER_WABA" });
    const typed = vi.fn();
    wa.onMessage(typed);
    await send(wa);
    expect(typed).not.toHaveBeenCalled();
  });
});

describe("registration", () => {
  it("removeHandlers unregisters exactly those handlers, and complains about unknown ones", async () => {
    const wa = bot();
    const a = vi.fn();
    const b = vi.fn();
    const ha = wa.onMessage(a);
    wa.onMessage(b);
    wa.removeHandlers(ha);
    await send(wa);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
    expect(() => wa.removeHandlers(ha)).toThrow(/not registered/);
    expect(() => wa.removeHandlers(ha, { silent: true })).not.toThrow();
  });

  it("removeCallbacks removes every handler using the callback, of every kind", async () => {
    const wa = bot({ continueHandling: true });
    const shared = vi.fn();
    const other = vi.fn();
    wa.onMessage(shared);
    wa.onMessage(shared, { priority: 2 });
    wa.onMessage(shared, { priority: -2 });
    wa.onRawUpdate(shared);
    wa.onMessage(other);
    wa.removeCallbacks(shared);
    await send(wa);
    expect(shared).not.toHaveBeenCalled();
    expect(other).toHaveBeenCalledOnce();
  });

  it("loadHandlersModules registers what modules export, and addHandlers takes factory handlers", async () => {
    const wa = bot({ continueHandling: true });
    const order: string[] = [];
    const moduleA = {
      greet: onMessage((_, m) => m.text === "hi", () => void order.push("greet")),
      notAHandler: 42,
      helpers: { nested: "ignored" },
      both: [onMessage(() => void order.push("both[0]"), { priority: 1 }), onRawUpdate(() => void order.push("raw"))],
    };
    const moduleB = { statuses: onMessageStatus(() => void order.push("status")) };
    wa.loadHandlersModules(moduleA, moduleB);
    wa.addHandlers(onMessage(() => void order.push("added")));
    await send(wa);
    expect(order).toEqual(["both[0]", "greet", "added", "raw"]);
  });

  it("handlersModules in the constructor loads them too", async () => {
    const handler = vi.fn();
    const wa = bot({ handlersModules: [{ h: onMessage(handler) }] });
    await send(wa);
    expect(handler).toHaveBeenCalledOnce();
  });

  it("rejects registrations that make no sense, with a clear message", () => {
    const wa = bot();
    expect(() => (wa.onMessage as (...a: unknown[]) => unknown)("text", () => {})).toThrow(/filter must be a Filter or a function/);
    expect(() => (wa.onMessage as (...a: unknown[]) => unknown)(new Filter(() => true))).toThrow(/expected a handler function/);
    expect(() => wa.onMessage(() => {}, { priority: Number.NaN })).toThrow(/priority/);
    expect(() => wa.addHandlers({} as never)).toThrow(/addHandlers/);
  });
});
