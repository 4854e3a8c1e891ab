import type { Store } from "../store/store.ts";
import type { ListenContext } from "./context.ts";

/**
 * Deadlines of waiting listeners, findable without scanning the store (the Store
 * contract has no scan): listener keys are kept in per-minute buckets, and one
 * index record lists the buckets in use. A sweep reads the index (one read when
 * nothing is due), then only the buckets whose minute has come.
 */
const INDEX = "edgewa:timeouts:index";
const BUCKET_MS = 60_000;
const bucketKey = (bucket: number) => `edgewa:timeouts:${bucket}`;
const ATTEMPTS = 8;

/** Notes that the listener under `key` is due at `deadline`. */
export async function armTimeout(ctx: ListenContext, key: string, deadline: number): Promise<void> {
  const bucket = Math.floor(deadline / BUCKET_MS);
  const ttlMs = Math.max(deadline - ctx.now(), 0) + 7 * 24 * 3600_000;
  await update<string[]>(ctx.store, bucketKey(bucket), ttlMs, (keys = []) => (keys.includes(key) ? undefined : [...keys, key]));
  await update<number[]>(ctx.store, INDEX, undefined, (buckets = []) =>
    buckets.includes(bucket) ? undefined : [...buckets, bucket].sort((a, b) => a - b),
  );
}

/** The listener keys of every bucket whose minute has come, taking those buckets off the index. */
export async function dueListeners(ctx: ListenContext): Promise<string[]> {
  const now = ctx.now();
  const index = await ctx.store.get<number[]>(INDEX);
  const due = (index?.value ?? []).filter((b) => b * BUCKET_MS <= now);
  const keys: string[] = [];
  for (const bucket of due) {
    const entry = await ctx.store.get<string[]>(bucketKey(bucket));
    keys.push(...(entry?.value ?? []));
  }
  return keys;
}

/** Forgets buckets that are entirely in the past, once their listeners were handled. */
export async function retireBuckets(ctx: ListenContext): Promise<void> {
  const current = Math.floor(ctx.now() / BUCKET_MS);
  const index = await ctx.store.get<number[]>(INDEX);
  const past = (index?.value ?? []).filter((b) => b < current);
  if (past.length === 0) return;
  for (const bucket of past) await ctx.store.delete(bucketKey(bucket));
  await update<number[]>(ctx.store, INDEX, undefined, (buckets = []) => buckets.filter((b) => !past.includes(b)));
}

/** Compare-and-set loop: `change` returns the new value, or undefined for "nothing to do". */
async function update<T>(store: Store, key: string, ttlMs: number | undefined, change: (current: T | undefined) => T | undefined): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const entry = await store.get<T>(key);
    const next = change(entry?.value);
    if (next === undefined) return;
    const written = await store.set(key, next, { ...(ttlMs !== undefined ? { ttlMs } : {}), ifVersion: entry?.version ?? null });
    if (written !== false) return;
  }
  throw new Error(`[edgewa] could not update ${key}: too much contention`);
}
