/**
 * The conformance suite every Store backend runs, in whatever test runner it lives in
 * (vitest in Node, vitest inside workerd, ...). It imports no test framework and nothing
 * from node:*: each case is a plain async function that throws on failure.
 *
 *   for (const c of storeConformanceCases((clock) => new MyStore({ clock }))) it(c.name, c.run);
 */
import type { Clock, Store } from "./store.ts";

/** A clock that only moves when told to; hand it to the store under test. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number = Date.UTC(2025, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`ManualClock.advance: ms must be a finite non-negative number, got ${String(ms)}`);
    }
    this.#now += ms;
  }
}

export interface StoreConformanceOptions {
  /**
   * False when the store ignores the injected clock (it reads real time itself); the
   * TTL cases then wait for real, as with `realTimeTtl`.
   */
  supportsClock?: boolean;
  /** TTL cases use short real waits instead of advancing the ManualClock. */
  realTimeTtl?: boolean;
  /** TTL used by real-time cases (default 1500 ms). */
  realTimeTtlMs?: number;
  /** Extra wait past the TTL in real-time cases, for clock skew and rounding (default 500 ms). */
  realTimeSlackMs?: number;
  /** Prefix of every key the suite writes (default "conformance:"); keys are unique per run. */
  keyPrefix?: string;
  /** Told when a case is skipped (atomic-only cases on a non-atomic store). Default: console.warn. */
  note?: (message: string) => void;
}

export interface StoreConformanceCase {
  name: string;
  run: () => Promise<void>;
  /** Only meaningful for `atomic: true` stores; on others `run` notes the skip and returns. */
  atomicOnly?: boolean;
  /** Waits in real time (realTimeTtl mode); runners may give it a longer timeout. */
  slow?: boolean;
}

interface Ctx {
  store: Store;
  clock: ManualClock;
  /** A key unique to this run of this case. */
  key: (suffix?: string) => string;
  /** The TTL the TTL cases write. */
  ttl: number;
  realTime: boolean;
  /** Moves time to exactly the TTL's end (manual clock) or safely past it (real time). */
  expire: () => Promise<void>;
}

type Body = (ctx: Ctx) => Promise<void>;

const MANUAL_TTL = 1000;
const CONCURRENCY = 20;

export function storeConformanceCases(
  factory: (clock: ManualClock) => Store | Promise<Store>,
  opts: StoreConformanceOptions = {},
): StoreConformanceCase[] {
  const realTime = opts.realTimeTtl === true || opts.supportsClock === false;
  const ttl = realTime ? (opts.realTimeTtlMs ?? 1500) : MANUAL_TTL;
  const slack = opts.realTimeSlackMs ?? 500;
  const prefix = opts.keyPrefix ?? "conformance:";
  const note = opts.note ?? ((message: string) => console.warn(message));

  const cases: StoreConformanceCase[] = [];
  const add = (name: string, body: Body, flags: { atomicOnly?: boolean; ttl?: boolean } = {}): void => {
    const index = cases.length;
    cases.push({
      name,
      ...(flags.atomicOnly === true ? { atomicOnly: true } : {}),
      ...(flags.ttl === true && realTime ? { slow: true } : {}),
      run: async () => {
        const clock = new ManualClock();
        const store = await factory(clock);
        if (flags.atomicOnly === true && !store.atomic) {
          note(`store conformance: skipped "${name}": the store reports atomic: false`);
          return;
        }
        // Unique per run, so a persistent backend (a shared table) can't leak state between runs.
        const run = crypto.randomUUID();
        await body({
          store,
          clock,
          ttl,
          realTime,
          key: (suffix = "k") => `${prefix}${index}:${run}:${suffix}`,
          expire: realTime ? () => sleep(ttl + slack) : async () => clock.advance(ttl),
        });
      },
    });
  };

  add("get of an absent key is undefined", async ({ store, key }) => {
    assertEqual(await store.get(key()), undefined, "get(absent)");
  });

  add("set then get round-trips nested JSON and falsy values", async ({ store, key }) => {
    const nested = {
      text: "héllo 👋 \"quoted\" \n line",
      int: -42,
      float: 3.25,
      yes: true,
      no: false,
      nothing: null,
      empty: {},
      none: [],
      list: [1, "two", { three: [3, null, false] }],
      deep: { a: { b: { c: { d: ["e"] } } } },
    };
    const v = await store.set(key("nested"), nested);
    assert(typeof v === "string" && v !== "", `set returned ${show(v)}, expected a non-empty version string`);
    const got = await store.get(key("nested"));
    assertEqual(got?.value, nested, "value read back");
    assertEqual(got?.version, v, "version read back");
    // A backend that treats a falsy value as "absent" fails here.
    for (const [i, value] of ([null, false, 0, "", [], {}] as const).entries()) {
      await store.set(key(`falsy${i}`), value);
      const entry = await store.get(key(`falsy${i}`));
      assert(entry !== undefined, `get after set(${show(value)}) returned undefined`);
      assertEqual(entry.value, value, `value read back for ${show(value)}`);
    }
  });

  add("every write returns a new version and get reports the latest", async ({ store, key }) => {
    const versions = [
      await store.set(key(), 1),
      await store.set(key(), 2),
      await store.set(key(), 2),
    ];
    for (const v of versions) assert(typeof v === "string" && v !== "", `set returned ${show(v)}`);
    assert(new Set(versions).size === versions.length, `versions repeat: ${show(versions)}`);
    assertEqual((await store.get(key()))?.version, versions[2], "version after three writes");
  });

  add("unconditional set overwrites", async ({ store, key }) => {
    await store.set(key(), { n: 1 });
    const v = await store.set(key(), { n: 2 });
    assert(v !== false, "unconditional set over an existing key returned false");
    assertEqual(await store.get(key()), { value: { n: 2 }, version: v }, "entry after overwrite");
  });

  add("create-if-absent wins once and loses when present", async ({ store, key }) => {
    const first = await store.set(key(), "first", { ifVersion: null });
    assert(first !== false, "create-if-absent on an absent key returned false");
    const second = await store.set(key(), "second", { ifVersion: null });
    assertEqual(second, false, "create-if-absent on a present key");
    assertEqual(await store.get(key()), { value: "first", version: first }, "entry after losing create");
  });

  add("create-if-absent over an expired entry wins", async ({ store, key, ttl, expire }) => {
    await store.set(key(), "old", { ttlMs: ttl });
    await expire();
    const v = await store.set(key(), "new", { ifVersion: null });
    assert(v !== false, "create-if-absent over an expired entry returned false");
    assertEqual(await store.get(key()), { value: "new", version: v }, "entry after create over expired");
  }, { ttl: true });

  add("compare-and-set with the current version wins", async ({ store, key }) => {
    const v1 = await store.set(key(), "a");
    assert(v1 !== false, "initial set returned false");
    const v2 = await store.set(key(), "b", { ifVersion: v1 });
    assert(v2 !== false, "compare-and-set with the current version returned false");
    assert(v2 !== v1, `compare-and-set kept the version ${show(v1)}`);
    assertEqual(await store.get(key()), { value: "b", version: v2 }, "entry after compare-and-set");
  });

  add("compare-and-set with a stale version loses", async ({ store, key }) => {
    const v1 = await store.set(key(), "a");
    assert(v1 !== false, "initial set returned false");
    const v2 = await store.set(key(), "b");
    assertEqual(await store.set(key(), "c", { ifVersion: v1 }), false, "compare-and-set with a stale version");
    assertEqual(await store.get(key()), { value: "b", version: v2 }, "entry after losing compare-and-set");
  });

  add("compare-and-set on an absent key loses", async ({ store, key }) => {
    const v = await store.set(key("other"), "x");
    assert(v !== false, "set returned false");
    // A version that exists elsewhere in the store must not match an absent key.
    assertEqual(await store.set(key(), "y", { ifVersion: v }), false, "compare-and-set on an absent key");
    assertEqual(await store.get(key()), undefined, "absent key after losing compare-and-set");
  });

  add("compare-and-set on an expired entry loses", async ({ store, key, ttl, expire }) => {
    const v = await store.set(key(), "a", { ttlMs: ttl });
    assert(v !== false, "set returned false");
    await expire();
    assertEqual(await store.set(key(), "b", { ifVersion: v }), false, "compare-and-set on an expired entry");
    assertEqual(await store.get(key()), undefined, "expired key after losing compare-and-set");
  }, { ttl: true });

  add("versions are not reused after delete and re-create", async ({ store, key }) => {
    const old = await store.set(key(), "a", { ifVersion: null });
    assert(old !== false, "create returned false");
    assertEqual(await store.delete(key()), true, "delete");
    const fresh = await store.set(key(), "b", { ifVersion: null });
    assert(fresh !== false, "re-create returned false");
    assert(fresh !== old, `re-created entry got the deleted entry's version ${show(old)}`);
    assertEqual(await store.set(key(), "c", { ifVersion: old }), false, "compare-and-set with the deleted entry's version");
    assertEqual(await store.delete(key(), { ifVersion: old }), false, "delete with the deleted entry's version");
  });

  add("delete removes an entry and reports absence", async ({ store, key }) => {
    await store.set(key(), "x");
    assertEqual(await store.delete(key()), true, "delete of a present key");
    assertEqual(await store.get(key()), undefined, "get after delete");
    assertEqual(await store.delete(key()), false, "delete of an absent key");
  });

  add("delete with ifVersion deletes on match and keeps on mismatch", async ({ store, key }) => {
    const v1 = await store.set(key(), "x");
    const v2 = await store.set(key(), "y");
    assert(v1 !== false && v2 !== false, "set returned false");
    assertEqual(await store.delete(key(), { ifVersion: v1 }), false, "delete with a stale version");
    assertEqual(await store.get(key()), { value: "y", version: v2 }, "entry after refused delete");
    assertEqual(await store.delete(key(), { ifVersion: v2 }), true, "delete with the current version");
    assertEqual(await store.get(key()), undefined, "get after conditional delete");
  });

  add("delete of an expired entry reports false", async ({ store, key, ttl, expire }) => {
    const v = await store.set(key(), "x", { ttlMs: ttl });
    assert(v !== false, "set returned false");
    await expire();
    assertEqual(await store.delete(key(), { ifVersion: v }), false, "conditional delete of an expired entry");
    assertEqual(await store.delete(key()), false, "delete of an expired entry");
  }, { ttl: true });

  add("an entry is present until its TTL passes and absent after", async ({ store, clock, key, ttl, realTime, expire }) => {
    const v = await store.set(key(), "x", { ttlMs: ttl });
    if (!realTime) clock.advance(ttl - 1);
    assertEqual(await store.get(key()), { value: "x", version: v }, realTime ? "entry right after set" : "entry 1 ms before its TTL");
    if (realTime) await expire();
    else clock.advance(1);
    assertEqual(await store.get(key()), undefined, realTime ? "entry after its TTL" : "entry exactly at its TTL");
  }, { ttl: true });

  add("a set without ttl clears an earlier ttl", async ({ store, key, ttl, expire }) => {
    await store.set(key(), "short", { ttlMs: ttl });
    const v = await store.set(key(), "forever");
    await expire();
    assertEqual(await store.get(key()), { value: "forever", version: v }, "entry past the cleared TTL");
  }, { ttl: true });

  add("a compare-and-set with ttl replaces the earlier expiry", async ({ store, key, ttl, expire }) => {
    const lease = await store.set(key(), "lease", { ttlMs: ttl, ifVersion: null });
    assert(lease !== false, "create returned false");
    const done = await store.set(key(), "done", { ttlMs: ttl * 10, ifVersion: lease });
    assert(done !== false, "compare-and-set returned false");
    await expire();
    assertEqual(await store.get(key()), { value: "done", version: done }, "entry past the first TTL");
  }, { ttl: true });

  add("ttlMs must be a positive finite number", async ({ store, key }) => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      await assertRejects(() => store.set(key(), "x", { ttlMs: bad }), "RangeError", `set with ttlMs ${String(bad)}`);
    }
    assertEqual(await store.get(key()), undefined, "key after rejected writes");
  });

  add("values that are not JSON data are rejected with a TypeError", async ({ store, key }) => {
    const bad: [string, unknown][] = [
      ["a function", () => 1],
      ["undefined", undefined],
      ["a bigint", BigInt(1)],
      ["NaN", Number.NaN],
      ["a Date", new Date(0)],
      ["a Map", new Map([["a", 1]])],
      ["a nested class instance", { when: new Date(0) }],
    ];
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    bad.push(["a cycle", cyclic]);
    for (const [what, value] of bad) {
      await assertRejects(() => store.set(key(), value), "TypeError", `set of ${what}`);
    }
    assertEqual(await store.get(key()), undefined, "key after rejected writes");
  });

  add("values are isolated from caller mutation", async ({ store, key }) => {
    const value = { list: [1, 2], inner: { n: 1 } };
    await store.set(key(), value);
    value.list.push(3);
    value.inner.n = 99;
    const first = await store.get<{ list: number[]; inner: { n: number } }>(key());
    assertEqual(first?.value, { list: [1, 2], inner: { n: 1 } }, "value after mutating the written object");
    first?.value.list.push(4);
    if (first !== undefined) first.value.inner.n = 7;
    assertEqual((await store.get(key()))?.value, { list: [1, 2], inner: { n: 1 } }, "value after mutating a read result");
  });

  add("keys with unusual characters are distinct and round-trip", async ({ store, key }) => {
    const suffixes = [
      "a:b:c",
      "a/b/c",
      "/leading/slash",
      "sp ace",
      "ünïcødé-日本語-👋",
      "dot.and%percent?query=1&x#hash",
      "x".repeat(220),
      "é".repeat(210),
    ];
    for (const [i, suffix] of suffixes.entries()) await store.set(key(suffix), i);
    for (const [i, suffix] of suffixes.entries()) {
      assertEqual((await store.get(key(suffix)))?.value, i, `value under key suffix ${show(suffix.slice(0, 40))}`);
    }
  });

  add(`${CONCURRENCY} concurrent create-if-absent on one key: exactly one wins`, async ({ store, key }) => {
    const results = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) => store.set(key(), { writer: i }, { ifVersion: null })),
    );
    const winners = results.flatMap((r, i) => (r === false ? [] : [{ writer: i, version: r }]));
    assertEqual(winners.length, 1, `winners of ${CONCURRENCY} concurrent create-if-absent`);
    const [winner] = winners;
    assertEqual(await store.get(key()), { value: { writer: winner?.writer }, version: winner?.version }, "entry after the race");
  }, { atomicOnly: true });

  add(`${CONCURRENCY} concurrent compare-and-set from one version: exactly one wins`, async ({ store, key }) => {
    const base = await store.set(key(), { writer: -1 });
    assert(base !== false, "initial set returned false");
    const results = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) => store.set(key(), { writer: i }, { ifVersion: base })),
    );
    const winners = results.flatMap((r, i) => (r === false ? [] : [{ writer: i, version: r }]));
    assertEqual(winners.length, 1, `winners of ${CONCURRENCY} concurrent compare-and-set`);
    const [winner] = winners;
    assertEqual(await store.get(key()), { value: { writer: winner?.writer }, version: winner?.version }, "entry after the race");
  }, { atomicOnly: true });

  return cases;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`store conformance: ${message}`);
}

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  if (!sameJson(actual, expected)) {
    throw new Error(`store conformance: ${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

async function assertRejects(fn: () => Promise<unknown>, errorName: string, what: string): Promise<void> {
  let result: unknown;
  try {
    // Called inside try: a store may throw synchronously instead of rejecting.
    result = await fn();
  } catch (err) {
    // By name, not instanceof: the error may come from another realm (workerd, vm).
    const name = (err as { name?: unknown } | null)?.name;
    assert(name === errorName, `${what}: expected a ${errorName}, got ${show(String(err))}`);
    return;
  }
  throw new Error(`store conformance: ${what}: expected a ${errorName}, but it resolved to ${show(result)}`);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ak.length === bk.length &&
    ak.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function show(value: unknown): string {
  try {
    return value === undefined ? "undefined" : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
