import { copyJson, type DeleteOptions, type SetOptions, type Store, type StoreEntry } from "@edgewa/core";
import { checkKey, checkTtl } from "./checks.ts";
import { STORE_OBJECT_URL, decodeMessage, encodeMessage, type StoreOp } from "./protocol.ts";
import { defaultShard, listenerDeadline, type ShardFn } from "./shard.ts";
import type { DurableObjectNamespaceLike } from "./types.ts";

export interface DurableObjectStoreOptions {
  /**
   * The name of the object that holds `key` (`idFromName`). Default: `defaultShard()`,
   * which keeps one user's conversation in one object and spreads claims over 32.
   */
  shard?: ShardFn;
  /**
   * When the entry written under `key` needs the sweep (ms since the epoch): the
   * object's alarm then runs the sweep hook at that time. Default: a listener
   * record's `deadline`, so waiting handlers time out without a cron trigger.
   */
  wakeAt?: (key: string, value: unknown) => number | undefined;
}

/**
 * An atomic Store on Durable Objects (the `EdgewaStoreObject` class): every
 * read-check-write runs inside one object, synchronously against its SQLite
 * storage, so compare-and-set and create-if-absent have exactly one winner.
 * TTLs are counted on the object's clock and checked on every read; expired rows
 * are deleted by the object's alarm.
 *
 *   new DurableObjectStore(env.STORE)   // STORE: a binding to EdgewaStoreObject
 */
export class DurableObjectStore implements Store {
  readonly atomic = true;
  readonly #namespace: DurableObjectNamespaceLike;
  readonly #shard: ShardFn;
  readonly #wakeAt: (key: string, value: unknown) => number | undefined;

  constructor(namespace: DurableObjectNamespaceLike, options: DurableObjectStoreOptions = {}) {
    if (typeof namespace?.idFromName !== "function" || typeof namespace.get !== "function") {
      throw new TypeError("DurableObjectStore: pass a Durable Object namespace binding (env.STORE) bound to EdgewaStoreObject");
    }
    this.#namespace = namespace;
    this.#shard = options.shard ?? defaultShard();
    this.#wakeAt = options.wakeAt ?? listenerDeadline;
  }

  async get<T = unknown>(key: string): Promise<StoreEntry<T> | undefined> {
    const { header, text } = await this.#call<{ found: boolean; version?: string }>(key, { op: "get", key: checkKey(key) });
    if (!header.found || text === undefined || header.version === undefined) return undefined;
    return { value: JSON.parse(text) as T, version: header.version };
  }

  async set(key: string, value: unknown, opts: SetOptions = {}): Promise<string | false> {
    checkKey(key);
    const ttlMs = checkTtl(opts.ttlMs);
    // Validated here, before any I/O: what JSON cannot carry is a TypeError, as in every store.
    const text = JSON.stringify(copyJson(value));
    const wakeAt = this.#wakeAt(key, value);
    const op: StoreOp = {
      op: "set",
      key,
      ...(ttlMs !== undefined ? { ttlMs } : {}),
      ...(opts.ifVersion !== undefined ? { ifVersion: opts.ifVersion } : {}),
      ...(wakeAt !== undefined ? { wakeAt } : {}),
    };
    const { header } = await this.#call<{ version: string | false }>(key, op, text);
    return header.version;
  }

  async delete(key: string, opts: DeleteOptions = {}): Promise<boolean> {
    checkKey(key);
    const op: StoreOp = { op: "delete", key, ...(opts.ifVersion !== undefined ? { ifVersion: opts.ifVersion } : {}) };
    const { header } = await this.#call<{ deleted: boolean }>(key, op);
    return header.deleted;
  }

  /** Rows held by the object that holds `key` (expired ones included) and its alarm. For tests and diagnostics. */
  async stats(key: string): Promise<{ rows: number; expiredRows: number; alarm: number | null }> {
    const { header } = await this.#call<{ rows: number; expiredRows: number; alarm: number | null }>(key, { op: "stats" });
    return header;
  }

  async #call<R>(key: string, op: StoreOp, text?: string): Promise<{ header: R; text: string | undefined }> {
    const stub = this.#namespace.get(this.#namespace.idFromName(this.#shard(key)));
    const response = await stub.fetch(STORE_OBJECT_URL, { method: "POST", body: encodeMessage(op, text) });
    const body = await response.text();
    if (!response.ok) {
      throw new Error(`DurableObjectStore: ${op.op} failed in the store object: ${response.status} ${body.slice(0, 500)}`);
    }
    return decodeMessage<R>(body);
  }
}
