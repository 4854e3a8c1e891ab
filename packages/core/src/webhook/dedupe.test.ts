import { describe, expect, it, vi } from "vitest";
import { WhatsApp } from "../client/whatsapp.ts";
import { MemoryStore } from "../store/memory.ts";
import { ManualClock } from "../store/conformance.ts";
import type { Store } from "../store/store.ts";
import { signedRequest, textPayload, waitUntilRecorder } from "../../../../test/support/webhook.ts";

const SECRET = "dedupe-secret";
const quiet = { debug() {}, warn() {}, error() {} };

function bot(store: Store = new MemoryStore(), extra: object = {}) {
  return new WhatsApp({ phoneId: "1234567890", appSecret: SECRET, store, logger: quiet, ...extra });
}

const deliver = (wa: WhatsApp, text = "hi", id = "wamid.DUP") => wa.fetch(signedRequest(SECRET, textPayload(text, { id })));

describe("exactly-once handling", () => {
  it("the same delivery sent ten times concurrently reaches the handler once", async () => {
    const wa = bot();
    let runs = 0;
    wa.onMessage(async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
    });
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => deliver(wa)))).map((r) => r.status);
    expect(runs).toBe(1);
    // The winner answers 200 after handling; the others found the claim in progress
    // and, with no waitUntil, ask Meta to retry (503) rather than acknowledge.
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 503)).toHaveLength(9);
    // Meta's retry, once the first delivery is done, is acknowledged and skipped.
    expect((await deliver(wa)).status).toBe(200);
    expect(runs).toBe(1);
  });

  it("ten concurrent deliveries through ten separate clients sharing one store: one run", async () => {
    const store = new MemoryStore();
    let runs = 0;
    const clients = Array.from({ length: 10 }, () => {
      const wa = bot(store);
      wa.onMessage(async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 10));
      });
      return wa;
    });
    await Promise.all(clients.map((wa) => deliver(wa)));
    expect(runs).toBe(1);
  });

  it("with waitUntil, a redelivery that finds the claim in progress is acknowledged with 200", async () => {
    const wa = bot();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    wa.onMessage(async () => {
      runs++;
      await gate;
    });
    const rec = waitUntilRecorder();
    const first = await wa.fetch(signedRequest(SECRET, textPayload("x", { id: "wamid.W" })), rec);
    await new Promise((r) => setTimeout(r, 5)); // let the first claim land
    const second = await wa.fetch(signedRequest(SECRET, textPayload("x", { id: "wamid.W" })), rec);
    expect([first.status, second.status]).toEqual([200, 200]);
    release();
    await rec.settled();
    expect(runs).toBe(1);
  });

  it("a handler that throws releases its claim, so the redelivery is handled again", async () => {
    const wa = bot();
    let runs = 0;
    wa.onMessage(() => {
      runs++;
      if (runs === 1) throw new Error("first attempt fails");
    });
    expect((await deliver(wa)).status).toBe(200);
    expect((await deliver(wa)).status).toBe(200);
    expect(runs).toBe(2);
    expect((await deliver(wa)).status).toBe(200);
    expect(runs).toBe(2);
  });

  it("a crash leaves only a lease: after it expires, Meta's retry is handled", async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    // The "crashed" invocation: its claim is taken and never completed.
    const crashed = bot(store, { claims: { leaseMs: 60_000 } });
    crashed.onMessage(() => new Promise(() => {})); // never settles, like a killed isolate
    void deliver(crashed);
    await new Promise((r) => setTimeout(r, 5));

    const next = bot(store, { claims: { leaseMs: 60_000 } });
    const handler = vi.fn();
    next.onMessage(handler);
    expect((await deliver(next)).status).toBe(503);
    expect(handler).not.toHaveBeenCalled();
    clock.advance(60_001);
    expect((await deliver(next)).status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });

  it("a per-request leaseMs (Lambda's remaining time) bounds how long a crashed delivery blocks the retry", async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    const crashed = bot(store);
    crashed.onMessage(() => new Promise(() => {}));
    void crashed.fetch(signedRequest(SECRET, textPayload("hi", { id: "wamid.DUP" })), { leaseMs: 3_000 });
    await new Promise((r) => setTimeout(r, 5));
    const next = bot(store);
    const handler = vi.fn();
    next.onMessage(handler);
    expect((await deliver(next)).status).toBe(503);
    clock.advance(3_001);
    expect((await deliver(next)).status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });

  it("finished work is remembered for the retry window (7 days by default), then forgotten", async () => {
    const clock = new ManualClock();
    const wa = bot(new MemoryStore({ clock }));
    const handler = vi.fn();
    wa.onMessage(handler);
    await deliver(wa);
    clock.advance(7 * 24 * 3600_000 - 1000);
    await deliver(wa);
    expect(handler).toHaveBeenCalledOnce();
    clock.advance(2000);
    await deliver(wa);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("different messages in one payload are claimed separately", async () => {
    const wa = bot();
    const seen: string[] = [];
    wa.onMessage((_, m) => void seen.push(m.id));
    const payload = textPayload("a", { id: "wamid.A" });
    const value = payload.entry[0]!.changes[0]!.value;
    value.messages.push({ ...value.messages[0]!, id: "wamid.B" });
    await wa.fetch(signedRequest(SECRET, payload));
    await wa.fetch(signedRequest(SECRET, payload));
    expect(seen).toEqual(["wamid.A", "wamid.B"]);
  });

  it("skipDuplicateUpdates: false handles every delivery", async () => {
    const wa = bot(new MemoryStore(), { skipDuplicateUpdates: false });
    const handler = vi.fn();
    wa.onMessage(handler);
    await deliver(wa);
    await deliver(wa);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("raw-update handlers are deduplicated too, by content", async () => {
    const wa = bot();
    const raw = vi.fn();
    wa.onRawUpdate(raw);
    await deliver(wa);
    await deliver(wa);
    await deliver(wa, "other text");
    expect(raw).toHaveBeenCalledTimes(2);
  });

  it("a store that fails while claiming gets 500 (Meta retries) and runs no handler", async () => {
    const broken: Store = {
      atomic: true,
      get: async () => {
        throw new Error("store down");
      },
      set: async () => {
        throw new Error("store down");
      },
      delete: async () => {
        throw new Error("store down");
      },
    };
    const onError = vi.fn();
    const wa = bot(broken, { onError });
    const handler = vi.fn();
    wa.onMessage(handler);
    expect((await deliver(wa)).status).toBe(500);
    expect(handler).not.toHaveBeenCalled();
    expect(onError.mock.calls[0]![1]).toEqual({ phase: "store" });
  });

  it("refuses a non-atomic store for claims unless allowed", () => {
    const inner = new MemoryStore();
    const nonAtomic: Store = {
      atomic: false,
      get: (k) => inner.get(k),
      set: (k, v, o) => inner.set(k, v, o),
      delete: (k, o) => inner.delete(k, o),
    };
    expect(() => bot(nonAtomic)).toThrow(/allowNonAtomicStore/);
    expect(() => bot(nonAtomic, { allowNonAtomicStore: true })).not.toThrow();
    expect(() => bot(nonAtomic, { skipDuplicateUpdates: false })).not.toThrow();
  });
});
