import { copyJson, systemClock, type Clock, type DeleteOptions, type SetOptions, type Store, type StoreEntry } from "@edgewa/core";
import { checkKey, checkTtl } from "./checks.ts";
import type { KvNamespaceLike } from "./types.ts";

export interface KvStoreOptions {
  /** Prepended to every key (e.g. `"edgewa:"` when the namespace is shared). Default none. */
  prefix?: string;
  /** The clock expiry is judged by. Default: the system clock. Tests pass a ManualClock. */
  clock?: Clock;
  /** Retries of a write KV refused with 429 (more than one write per key per second). Default 2. */
  writeRetries?: number;
  /** Wait before each such retry, in ms. Default 1100. */
  writeRetryDelayMs?: number;
}

/** What is stored under each key: the value with its version and expiry. */
interface KvRecord {
  /** The version: a random UUID per write. */
  ver: string;
  /** Expiry, ms since the epoch (the store's clock); absent: never. */
  exp?: number;
  v: unknown;
}

/** KV never keeps a key for less than this (its `expirationTtl` minimum), in seconds. */
const KV_MIN_TTL_S = 60;

/**
 * A Store on Workers KV. **Not atomic** (`atomic: false`): KV has no compare-and-set,
 * so `ifVersion` is checked by reading first and writing after, and two writers
 * can both pass the check. What KV cannot promise, and this store therefore can't:
 *
 * - **Last write wins.** Two concurrent create-if-absent or compare-and-set calls can
 *   both return a version; the later write silently replaces the earlier one.
 * - **Up to 60 s to be seen elsewhere.** A write is visible at once in the location
 *   that made it, but other locations may read the old value (or none) for up to
 *   60 seconds, and a deleted key may still be read there.
 * - **One write per key per second.** KV refuses faster writes to one key with 429;
 *   this store waits and retries a couple of times (`writeRetries`), then throws.
 * - **TTLs under 60 s.** KV's own expiry is at least 60 s, so the expiry is kept
 *   inside the stored value and checked on every read (an entry reads as absent from
 *   its `ttlMs` on, even while KV still holds it); KV deletes it itself after
 *   max(60 s, ttl).
 * - **Keys up to 512 bytes**, values up to 25 MiB.
 *
 * The core therefore refuses KvStore for dedupe claims and listeners unless the
 * client has `allowNonAtomicStore: true`, which accepts that a redelivered update may
 * be handled twice. Use `DurableObjectStore` for exactly-once.
 */
export class KvStore implements Store {
  readonly atomic = false;
  readonly #kv: KvNamespaceLike;
  readonly #prefix: string;
  readonly #clock: Clock;
  readonly #writeRetries: number;
  readonly #writeRetryDelayMs: number;

  constructor(namespace: KvNamespaceLike, options: KvStoreOptions = {}) {
    if (typeof namespace?.get !== "function" || typeof namespace.put !== "function") {
      throw new TypeError("KvStore: pass a KV namespace binding (env.KV)");
    }
    this.#kv = namespace;
    this.#prefix = options.prefix ?? "";
    this.#clock = options.clock ?? systemClock;
    this.#writeRetries = options.writeRetries ?? 2;
    this.#writeRetryDelayMs = options.writeRetryDelayMs ?? 1100;
  }

  async get<T = unknown>(key: string): Promise<StoreEntry<T> | undefined> {
    const record = await this.#read(checkKey(key));
    return record === undefined ? undefined : { value: record.v as T, version: record.ver };
  }

  async set(key: string, value: unknown, opts: SetOptions = {}): Promise<string | false> {
    checkKey(key);
    const ttlMs = checkTtl(opts.ttlMs);
    const text = JSON.stringify(copyJson(value));
    if (opts.ifVersion !== undefined) {
      // Read, then write: another writer may do the same in between (last write wins).
      const current = await this.#read(key);
      if (opts.ifVersion === null ? current !== undefined : current?.ver !== opts.ifVersion) return false;
    }
    const version = crypto.randomUUID();
    const exp = ttlMs === undefined ? undefined : this.#clock.now() + ttlMs;
    // Built by hand so the value's JSON text is not parsed and stringified again.
    const record = `{"ver":${JSON.stringify(version)}${exp === undefined ? "" : `,"exp":${exp}`},"v":${text}}`;
    const options = ttlMs === undefined ? undefined : { expirationTtl: Math.max(KV_MIN_TTL_S, Math.ceil(ttlMs / 1000)) };
    await this.#write(() => this.#kv.put(this.#prefix + key, record, options));
    return version;
  }

  async delete(key: string, opts: DeleteOptions = {}): Promise<boolean> {
    const current = await this.#read(checkKey(key));
    if (current === undefined || (opts.ifVersion !== undefined && current.ver !== opts.ifVersion)) return false;
    await this.#write(() => this.#kv.delete(this.#prefix + key));
    return true;
  }

  async #read(key: string): Promise<KvRecord | undefined> {
    const text = await this.#kv.get(this.#prefix + key, "text");
    if (text === null) return undefined;
    const record = JSON.parse(text) as KvRecord;
    // An expired record is left for KV's own expiry: deleting it would cost a write.
    if (record.exp !== undefined && this.#clock.now() >= record.exp) return undefined;
    return record;
  }

  async #write(write: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= this.#writeRetries || !isRateLimited(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.#writeRetryDelayMs));
      }
    }
  }
}

/** KV's answer to more than one write per key per second: "KV PUT failed: 429 Too Many Requests". */
function isRateLimited(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /\b429\b|too many requests/i.test(message);
}
