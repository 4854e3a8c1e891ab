import { describe, expect, it } from "vitest";
import { KvStore } from "./kv-store.ts";
import type { KvNamespaceLike } from "./types.ts";

/**
 * KV refuses more than one write per key per second with 429, which miniflare does
 * not reproduce: a namespace that refuses the first `refusals` writes stands in for it.
 */
function rateLimitedKv(refusals: number, error = "KV PUT failed: 429 Too Many Requests") {
  const data = new Map<string, string>();
  let left = refusals;
  const calls: string[] = [];
  const kv: KvNamespaceLike = {
    get: async (key) => data.get(key) ?? null,
    put: async (key, value) => {
      calls.push(`put ${key}`);
      if (left > 0) {
        left--;
        throw new Error(error);
      }
      data.set(key, value);
    },
    delete: async (key) => {
      calls.push(`delete ${key}`);
      if (left > 0) {
        left--;
        throw new Error(error);
      }
      data.delete(key);
    },
  };
  return { kv, calls, data };
}

describe("KvStore: KV's one-write-per-second limit", () => {
  it("a write refused with 429 is retried after the delay, and lands", async () => {
    const { kv, calls } = rateLimitedKv(2);
    const store = new KvStore(kv, { writeRetries: 2, writeRetryDelayMs: 30 });
    const started = performance.now();
    const version = await store.set("k", { n: 1 });
    expect(typeof version).toBe("string");
    expect(calls).toEqual(["put k", "put k", "put k"]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55); // two waits of 30 ms
    expect((await store.get("k"))?.value).toEqual({ n: 1 });
  });

  it("gives up after writeRetries and throws KV's error; deletes are retried the same way", async () => {
    const refused = rateLimitedKv(3);
    await expect(new KvStore(refused.kv, { writeRetries: 2, writeRetryDelayMs: 1 }).set("k", 1)).rejects.toThrow(/429/);
    expect(refused.calls).toHaveLength(3);

    const deleting = rateLimitedKv(0);
    const store = new KvStore(deleting.kv, { writeRetries: 1, writeRetryDelayMs: 1 });
    await store.set("k", 1);
    const refusing = rateLimitedKv(1);
    refusing.data.set("k", deleting.data.get("k")!);
    expect(await new KvStore(refusing.kv, { writeRetries: 1, writeRetryDelayMs: 1 }).delete("k")).toBe(true);
    expect(refusing.calls).toEqual(["delete k", "delete k"]);
    expect(refusing.data.has("k")).toBe(false);
  });

  it("other errors are not retried", async () => {
    const { kv, calls } = rateLimitedKv(1, "KV PUT failed: 413 Value too large");
    await expect(new KvStore(kv, { writeRetries: 2, writeRetryDelayMs: 1 }).set("k", 1)).rejects.toThrow(/413/);
    expect(calls).toEqual(["put k"]);
  });
});
