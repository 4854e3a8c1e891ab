import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleWorker } from "./support/bundle.ts";
import { sleep, startWorker } from "./support/runtime.ts";

/**
 * The stores inside workerd (real KV, real SQLite-backed Durable Objects, no
 * nodejs_compat): the core's conformance suite runs in the isolate (a test-only
 * route of workers/stores.ts) and reports each case back as JSON.
 */
let mf: Miniflare;

beforeAll(async () => {
  const script = await bundleWorker("test/cloudflare/workers/stores.ts");
  mf = startWorker({ script, storeClass: "TestStoreObject" });
  await mf.ready;
});
afterAll(() => mf?.dispose());

type CaseResult = { name: string; ok: boolean; skipped: boolean; error?: string };

async function conformance(store: string): Promise<CaseResult[]> {
  const response = await mf.dispatchFetch(`http://worker/conformance?store=${store}`);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as CaseResult[];
}

function expectAllPass(results: CaseResult[]) {
  const failed = results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`);
  expect(failed).toEqual([]);
  expect(results.length).toBeGreaterThanOrEqual(20);
}

describe("store conformance inside workerd", () => {
  it("DurableObjectStore (default sharding, expiry on the object's clock): every case, the atomic ones included", async () => {
    const results = await conformance("do");
    expectAllPass(results);
    expect(results.filter((r) => r.skipped)).toEqual([]);
  });

  it("DurableObjectStore with every key in one object: every case", async () => {
    const results = await conformance("do-single");
    expectAllPass(results);
    expect(results.filter((r) => r.skipped)).toEqual([]);
  });

  it("KvStore on the ManualClock: every case except the two atomic-only ones, which the suite skips", async () => {
    const results = await conformance("kv");
    expectAllPass(results);
    expect(results.filter((r) => r.skipped).map((r) => r.name).sort()).toEqual([
      "20 concurrent compare-and-set from one version: exactly one wins",
      "20 concurrent create-if-absent on one key: exactly one wins",
    ]);
  });

  it("KvStore on real time: 1 s TTLs (KV's own minimum is 60 s) expire on time", async () => {
    expectAllPass(await conformance("kv-realtime"));
  });
});

describe("what KvStore cannot promise", () => {
  it("last write wins: concurrent create-if-absent and compare-and-set can all 'win', and the last write is what stays", async () => {
    const race = (await (await mf.dispatchFetch("http://worker/kv-race")).json()) as {
      createWinners: number; createVersions: (string | false)[]; storedCreateVersion: string; lastCreateWriter: number;
      swapWinners: number; swapVersions: (string | false)[]; storedSwapVersion: string; lastSwapWriter: number;
    };
    // Every writer read "absent" before any wrote: all ten were told they created the key.
    expect(race.createWinners).toBeGreaterThan(1);
    // Only one of them is stored; the others' versions are already stale.
    expect(race.createVersions).toContain(race.storedCreateVersion);
    expect(race.createVersions.filter((v) => v !== race.storedCreateVersion && v !== false).length).toBe(race.createWinners - 1);
    expect(race.swapWinners).toBeGreaterThan(1);
    expect(race.swapVersions).toContain(race.storedSwapVersion);
  });

  it("the core refuses KvStore for dedupe; opted in, concurrent redeliveries may all run (a DurableObjectStore runs one)", async () => {
    const result = (await (await mf.dispatchFetch("http://worker/kv-dedupe")).json()) as {
      refused?: { name: string; message: string };
      runs: { kv: number; durableObject: number };
      kvRunsBeforeLaterRedelivery: number;
      kv: { statuses: number[]; later: number };
      durableObject: { statuses: number[]; later: number };
    };
    expect(result.refused?.name).toBe("NonAtomicStoreError");
    expect(result.refused?.message).toMatch(/KvStore.*atomic: false.*allowNonAtomicStore: true/s);
    // allowNonAtomicStore: true: ten copies at once, handled more than once.
    expect(result.runs.kv).toBeGreaterThan(1);
    // …but a redelivery after they finished is recognised as done (once KV has the record).
    expect(result.runs.kv).toBe(result.kvRunsBeforeLaterRedelivery);
    expect(result.kv.later).toBe(200);
    // The same ten on the Durable Object store: exactly one run.
    expect(result.runs.durableObject).toBe(1);
    expect(result.durableObject.later).toBe(200);
  });
});

describe("EdgewaStoreObject alarm", () => {
  it("deletes expired rows by itself (reads already treat them as absent)", async () => {
    await mf.dispatchFetch("http://worker/do-set?key=short&ttl=300");
    await mf.dispatchFetch("http://worker/do-set?key=forever");
    const before = (await (await mf.dispatchFetch("http://worker/do-stats")).json()) as { rows: number; alarm: number | null };
    expect(before.rows).toBe(2);
    expect(before.alarm).not.toBeNull();
    await sleep(900);
    const after = (await (await mf.dispatchFetch("http://worker/do-stats")).json()) as { rows: number; expiredRows: number; alarm: number | null };
    expect(after).toEqual({ rows: 1, expiredRows: 0, alarm: null });
  });
});
