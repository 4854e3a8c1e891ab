import { describe, expect, it } from "vitest";
import { Claims, type Claim, type ClaimResult } from "./claims.ts";
import { ManualClock } from "./conformance.ts";
import { MemoryStore } from "./memory.ts";
import { NonAtomicStoreError, assertAtomicStore } from "./non-atomic.ts";
import type { DeleteOptions, SetOptions, Store, StoreEntry } from "./store.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function setup(): { clock: ManualClock; store: MemoryStore; claims: Claims } {
  const clock = new ManualClock();
  const store = new MemoryStore({ clock });
  return { clock, store, claims: new Claims(store) };
}

function claimed(result: ClaimResult): Claim {
  if (result.status !== "claimed") throw new Error(`expected "claimed", got "${result.status}"`);
  return result.claim;
}

describe("Claims", () => {
  it("claim → complete → redelivery is done for the retry window, claimable after", async () => {
    const { clock, claims } = setup();
    const claim = claimed(await claims.claim("wamid.1"));
    expect(claim.key).toBe("edgewa:claim:wamid.1");
    await claim.complete();
    expect(await claims.claim("wamid.1")).toEqual({ status: "done" });
    clock.advance(7 * DAY - 1);
    expect(await claims.claim("wamid.1")).toEqual({ status: "done" });
    clock.advance(1);
    expect((await claims.claim("wamid.1")).status).toBe("claimed");
  });

  it("claim → release → claimable again", async () => {
    const { claims } = setup();
    await claimed(await claims.claim("wamid.2")).release();
    expect((await claims.claim("wamid.2")).status).toBe("claimed");
  });

  it("a held claim makes redeliveries busy", async () => {
    const { claims } = setup();
    claimed(await claims.claim("wamid.3"));
    expect(await claims.claim("wamid.3")).toEqual({ status: "busy" });
    expect((await claims.claim("wamid.other")).status).toBe("claimed");
  });

  it("an expired lease (a crashed handler) makes the update claimable again", async () => {
    const { clock, claims } = setup();
    claimed(await claims.claim("wamid.4"));
    clock.advance(5 * MINUTE - 1);
    expect(await claims.claim("wamid.4")).toEqual({ status: "busy" });
    clock.advance(1);
    expect((await claims.claim("wamid.4")).status).toBe("claimed");
  });

  it("honours a per-claim lease", async () => {
    const { clock, claims } = setup();
    claimed(await claims.claim("wamid.5", { leaseMs: 1000 }));
    clock.advance(1000);
    expect((await claims.claim("wamid.5")).status).toBe("claimed");
  });

  it("a stale release doesn't delete the new owner's claim", async () => {
    const { clock, claims } = setup();
    const first = claimed(await claims.claim("wamid.6"));
    clock.advance(5 * MINUTE);
    const second = claimed(await claims.claim("wamid.6"));
    await first.release();
    expect(await claims.claim("wamid.6")).toEqual({ status: "busy" });
    await second.complete();
    expect(await claims.claim("wamid.6")).toEqual({ status: "done" });
  });

  it("complete after losing the lease still records done (the handlers did finish)", async () => {
    const { clock, store, claims } = setup();
    const first = claimed(await claims.claim("wamid.7"));
    clock.advance(5 * MINUTE);
    // Nobody re-claimed: without the done record Meta's next retry would run the handlers again.
    await first.complete();
    expect(await claims.claim("wamid.7")).toEqual({ status: "done" });

    const a = claimed(await claims.claim("wamid.8"));
    clock.advance(5 * MINUTE);
    const b = claimed(await claims.claim("wamid.8"));
    await a.complete();
    expect(await claims.claim("wamid.8")).toEqual({ status: "done" });
    // The duplicate that was already running fails afterwards: done must survive its release.
    await b.release();
    expect(await claims.claim("wamid.8")).toEqual({ status: "done" });
    expect((await store.get("edgewa:claim:wamid.8"))?.value).toEqual({ state: "done" });
  });

  it("release after complete keeps it done; complete after release is refused", async () => {
    const { claims } = setup();
    const c = claimed(await claims.claim("wamid.9"));
    await c.complete();
    await c.release();
    await c.complete();
    expect(await claims.claim("wamid.9")).toEqual({ status: "done" });

    const r = claimed(await claims.claim("wamid.10"));
    await r.release();
    await expect(r.complete()).rejects.toThrow(/already released/);
  });

  it("a release after a failed complete keeps a done record that did land", async () => {
    const { store, clock } = setup();
    let failNextSet = false;
    const flaky: Store = {
      atomic: true,
      get: <T>(key: string) => store.get<T>(key),
      delete: (key: string, opts?: DeleteOptions) => store.delete(key, opts),
      async set(key: string, value: unknown, opts?: SetOptions) {
        const result = await store.set(key, value, opts);
        if (failNextSet) {
          failNextSet = false;
          throw new Error("timeout after the write landed");
        }
        return result;
      },
    };
    const claims = new Claims(flaky);
    const c = claimed(await claims.claim("wamid.11"));
    failNextSet = true;
    await expect(c.complete()).rejects.toThrow(/timeout/);
    await c.release();
    clock.advance(DAY);
    expect(await claims.claim("wamid.11")).toEqual({ status: "done" });
  });

  it("10 concurrent claims of one id: exactly one is claimed", async () => {
    const { claims } = setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => claims.claim("wamid.12")));
    expect(results.filter((r) => r.status === "claimed")).toHaveLength(1);
    expect(results.filter((r) => r.status === "busy")).toHaveLength(9);
  });

  it("uses the prefix and propagates store failures", async () => {
    const { store } = setup();
    const claims = new Claims(store, { prefix: "bot1:" });
    expect(claimed(await claims.claim("x")).key).toBe("bot1:x");
    const broken: Store = {
      atomic: true,
      get: () => Promise.reject(new Error("store down")),
      set: () => Promise.reject(new Error("store down")),
      delete: () => Promise.reject(new Error("store down")),
    };
    await expect(new Claims(broken).claim("x")).rejects.toThrow("store down");
  });

  it("rejects bad durations and empty ids", async () => {
    const { store, claims } = setup();
    expect(() => new Claims(store, { leaseMs: 0 })).toThrow(RangeError);
    expect(() => new Claims(store, { retryWindowMs: Number.POSITIVE_INFINITY })).toThrow(/retryWindowMs/);
    await expect(claims.claim("x", { leaseMs: -5 })).rejects.toThrow(RangeError);
    await expect(claims.claim("")).rejects.toThrow(TypeError);
  });
});

describe("assertAtomicStore", () => {
  class KvLikeStore implements Store {
    readonly atomic = false;
    readonly #inner = new MemoryStore();
    get<T = unknown>(key: string): Promise<StoreEntry<T> | undefined> {
      return this.#inner.get<T>(key);
    }
    set(key: string, value: unknown, opts?: SetOptions): Promise<string | false> {
      return this.#inner.set(key, value, opts);
    }
    delete(key: string, opts?: DeleteOptions): Promise<boolean> {
      return this.#inner.delete(key, opts);
    }
  }

  it("refuses a non-atomic store unless allowed, saying what to do", () => {
    const store = new KvLikeStore();
    expect(() => assertAtomicStore(store, "Update claims", false)).toThrow(NonAtomicStoreError);
    expect(() => assertAtomicStore(store, "Update claims", false)).toThrow(
      /^Update claims needs an atomic store, but this store \(KvLikeStore\) reports atomic: false\. KV is eventually consistent.*allowNonAtomicStore: true.*DurableObjectStore, DynamoDbStore or MemoryStore/,
    );
    expect(() => assertAtomicStore(store, "Update claims", true)).not.toThrow();
    expect(() => assertAtomicStore(new MemoryStore(), "Update claims", false)).not.toThrow();
  });
});
