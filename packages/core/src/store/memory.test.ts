import { describe, expect, it } from "vitest";
import { ManualClock, storeConformanceCases, type StoreConformanceCase } from "./conformance.ts";
import { MemoryStore } from "./memory.ts";
import type { DeleteOptions, SetOptions, Store, StoreEntry } from "./store.ts";

describe("MemoryStore conformance", () => {
  for (const c of storeConformanceCases((clock) => new MemoryStore({ clock }))) it(c.name, c.run);
});

describe("MemoryStore conformance on real time (the realTimeTtl path other backends use)", () => {
  const cases = storeConformanceCases(() => new MemoryStore(), { realTimeTtl: true, realTimeTtlMs: 60, realTimeSlackMs: 30 });
  for (const c of cases) it(c.name, c.run);
});

describe("MemoryStore", () => {
  it("sweeps expired entries a bounded number per operation until none are left", async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock, sweepPerOperation: 4 });
    for (let i = 0; i < 100; i++) await store.set(`short:${i}`, i, { ttlMs: 1000 });
    for (let i = 0; i < 10; i++) await store.set(`kept:${i}`, i);
    clock.advance(1000);
    expect(store.storedEntries).toBe(110);

    await store.get("unrelated");
    expect(store.storedEntries).toBe(106);

    for (let i = 0; i < 40; i++) await store.get("unrelated");
    expect(store.storedEntries).toBe(10);
    expect((await store.get("kept:3"))?.value).toBe(3);
  });

  it("does not accumulate entries that expire under a steady stream of writes", async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    for (let i = 0; i < 5000; i++) {
      await store.set(`k:${i}`, i, { ttlMs: 100 });
      clock.advance(1);
    }
    // ~100 live entries; the sweep keeps the expired backlog within a small factor of that.
    expect(store.storedEntries).toBeLessThan(200);
  });

  it("rejects values that are not JSON data with a TypeError naming the path", async () => {
    const store = new MemoryStore();
    await expect(store.set("k", { at: new Date(0) })).rejects.toThrow(TypeError);
    await expect(store.set("k", { at: new Date(0) })).rejects.toThrow(/value\.at is a Date/);
    await expect(store.set("k", [1, () => 2])).rejects.toThrow(/value\[1\] is a function/);
    await expect(store.set("k", { n: Number.POSITIVE_INFINITY })).rejects.toThrow(/value\.n is Infinity/);
    await expect(store.set("k", [1, undefined])).rejects.toThrow(/value\[1\] is undefined/);
    expect(await store.get("k")).toBeUndefined();
  });

  it("drops undefined properties like JSON and keeps __proto__ as plain data", async () => {
    const store = new MemoryStore();
    const value: unknown = JSON.parse('{"a":1,"__proto__":{"polluted":true}}');
    await store.set("k", { ...(value as object), b: undefined, shared: [0], again: [0] });
    const got = (await store.get<Record<string, unknown>>("k"))?.value;
    expect(Object.keys(got ?? {}).sort()).toEqual(["__proto__", "a", "again", "shared"]);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("copies an object reached twice (not a cycle)", async () => {
    const store = new MemoryStore();
    const shared = { n: 1 };
    await store.set("k", { a: shared, b: shared });
    expect((await store.get("k"))?.value).toEqual({ a: { n: 1 }, b: { n: 1 } });
  });

  it("rejects a bad sweepPerOperation", () => {
    expect(() => new MemoryStore({ sweepPerOperation: 0 })).toThrow(RangeError);
  });
});

/** Runs every case and returns the failure messages by case name. */
async function failures(cases: StoreConformanceCase[]): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (const c of cases) {
    try {
      await c.run();
    } catch (err) {
      failed.set(c.name, err instanceof Error ? err.message : String(err));
    }
  }
  return failed;
}

/** Delegates to a MemoryStore; subclasses break one thing. */
class Wrapper implements Store {
  readonly atomic: boolean = true;
  protected readonly inner: MemoryStore;
  constructor(clock: ManualClock) {
    this.inner = new MemoryStore({ clock });
  }
  get<T = unknown>(key: string): Promise<StoreEntry<T> | undefined> {
    return this.inner.get<T>(key);
  }
  set(key: string, value: unknown, opts?: SetOptions): Promise<string | false> {
    return this.inner.set(key, value, opts);
  }
  delete(key: string, opts?: DeleteOptions): Promise<boolean> {
    return this.inner.delete(key, opts);
  }
}

describe("the conformance suite catches broken stores", () => {
  it("fails a store whose create-if-absent ignores ifVersion", async () => {
    class IgnoresCreateCondition extends Wrapper {
      override set(key: string, value: unknown, opts: SetOptions = {}): Promise<string | false> {
        const { ifVersion, ...rest } = opts;
        return this.inner.set(key, value, ifVersion === null ? rest : opts);
      }
    }
    const failed = await failures(storeConformanceCases((clock) => new IgnoresCreateCondition(clock)));
    expect(failed.get("create-if-absent wins once and loses when present")).toMatch(
      /create-if-absent on a present key: expected false, got "\d+"/,
    );
    expect(failed.has("20 concurrent create-if-absent on one key: exactly one wins")).toBe(true);
    expect(failed.has("compare-and-set with a stale version loses")).toBe(false);
  });

  it("fails a check-then-act store that claims to be atomic, only under concurrency", async () => {
    class CheckThenAct extends Wrapper {
      override async set(key: string, value: unknown, opts: SetOptions = {}): Promise<string | false> {
        if (opts.ifVersion !== undefined) {
          const current = await this.inner.get(key);
          if (opts.ifVersion === null ? current !== undefined : current?.version !== opts.ifVersion) return false;
          await Promise.resolve(); // the network round trip between the read and the write
        }
        return this.inner.set(key, value, opts.ttlMs === undefined ? {} : { ttlMs: opts.ttlMs });
      }
    }
    const failed = await failures(storeConformanceCases((clock) => new CheckThenAct(clock)));
    expect([...failed.keys()].sort()).toEqual([
      "20 concurrent compare-and-set from one version: exactly one wins",
      "20 concurrent create-if-absent on one key: exactly one wins",
    ]);
    expect(failed.get("20 concurrent create-if-absent on one key: exactly one wins")).toMatch(
      /winners of 20 concurrent create-if-absent: expected 1, got 20/,
    );
  });

  it("skips the atomic-only cases for a store reporting atomic: false, and says so", async () => {
    class NotAtomic extends Wrapper {
      override readonly atomic = false;
    }
    const notes: string[] = [];
    const cases = storeConformanceCases((clock) => new NotAtomic(clock), { note: (m) => notes.push(m) });
    expect(cases.filter((c) => c.atomicOnly).length).toBe(2);
    expect((await failures(cases)).size).toBe(0);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/skipped .*atomic: false/);
  });

  it("fails a store that never expires entries", async () => {
    class NoTtl extends Wrapper {
      override set(key: string, value: unknown, opts: SetOptions = {}): Promise<string | false> {
        return this.inner.set(key, value, opts.ifVersion === undefined ? {} : { ifVersion: opts.ifVersion });
      }
    }
    const failed = await failures(storeConformanceCases((clock) => new NoTtl(clock)));
    expect(failed.get("an entry is present until its TTL passes and absent after")).toMatch(
      /entry exactly at its TTL: expected undefined/,
    );
    expect(failed.has("create-if-absent over an expired entry wins")).toBe(true);
  });
});
