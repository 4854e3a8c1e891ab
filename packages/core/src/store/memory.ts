import type { Clock, DeleteOptions, SetOptions, Store, StoreEntry } from "./store.ts";
import { systemClock } from "./store.ts";

export interface MemoryStoreOptions {
  clock?: Clock;
  /**
   * Entries checked for expiry on each operation (default 8). Bounds the sweep cost per
   * call while still reclaiming every expired entry within size/sweepPerOperation calls.
   */
  sweepPerOperation?: number;
}

interface Slot {
  value: unknown;
  version: string;
  expiresAt: number | undefined;
}

/**
 * An atomic in-process store: every operation runs synchronously between awaits, so
 * compare-and-set cannot interleave. State lives as long as the isolate/process, which
 * makes it right for tests, a single long-lived Node process, and nothing else.
 */
export class MemoryStore implements Store {
  readonly atomic = true;
  readonly #clock: Clock;
  readonly #sweepPerOperation: number;
  readonly #slots = new Map<string, Slot>();
  #counter = 0;
  // A live Map iterator survives inserts and deletes, so the sweep resumes where it
  // stopped instead of rescanning from the start (which would be O(n) per call).
  #cursor: Iterator<[string, Slot]> | undefined;

  constructor(opts: MemoryStoreOptions = {}) {
    this.#clock = opts.clock ?? systemClock;
    const batch = opts.sweepPerOperation ?? 8;
    if (!Number.isInteger(batch) || batch < 1) {
      throw new RangeError(`MemoryStore: sweepPerOperation must be a positive integer, got ${String(batch)}`);
    }
    this.#sweepPerOperation = batch;
  }

  /** Entries held in memory, including expired ones not yet swept. For tests and diagnostics. */
  get storedEntries(): number {
    return this.#slots.size;
  }

  async get<T = unknown>(key: string): Promise<StoreEntry<T> | undefined> {
    const now = this.#clock.now();
    this.#sweep(now);
    const slot = this.#live(key, now);
    if (slot === undefined) return undefined;
    return { value: copyJson(slot.value) as T, version: slot.version };
  }

  async set(key: string, value: unknown, opts: SetOptions = {}): Promise<string | false> {
    const ttlMs = checkTtl(opts.ttlMs);
    // Validate and copy before looking at the condition, so a bad value fails the same
    // way whether or not the write would have won.
    const stored = copyJson(value);
    const now = this.#clock.now();
    this.#sweep(now);
    const current = this.#live(key, now);
    if (opts.ifVersion === null && current !== undefined) return false;
    if (typeof opts.ifVersion === "string" && current?.version !== opts.ifVersion) return false;
    const version = this.#nextVersion();
    this.#slots.set(key, {
      value: stored,
      version,
      expiresAt: ttlMs === undefined ? undefined : now + ttlMs,
    });
    return version;
  }

  async delete(key: string, opts: DeleteOptions = {}): Promise<boolean> {
    const now = this.#clock.now();
    this.#sweep(now);
    const current = this.#live(key, now);
    if (current === undefined) return false;
    if (opts.ifVersion !== undefined && current.version !== opts.ifVersion) return false;
    this.#slots.delete(key);
    return true;
  }

  #live(key: string, now: number): Slot | undefined {
    const slot = this.#slots.get(key);
    if (slot === undefined) return undefined;
    if (isExpired(slot, now)) {
      this.#slots.delete(key);
      return undefined;
    }
    return slot;
  }

  #nextVersion(): string {
    // Never reused, even after a delete: a stale holder's version must not match a
    // re-created entry (the ABA case that would let an old lease delete a new one).
    this.#counter += 1;
    return String(this.#counter);
  }

  #sweep(now: number): void {
    let budget = this.#sweepPerOperation;
    let restarted = false;
    while (budget > 0) {
      this.#cursor ??= this.#slots.entries();
      const next = this.#cursor.next();
      if (next.done === true) {
        // A finished Map iterator stays finished even if entries are added later.
        this.#cursor = undefined;
        if (restarted) return; // at most one pass per call, even over a tiny map
        restarted = true;
        continue;
      }
      budget -= 1;
      const [key, slot] = next.value;
      if (isExpired(slot, now)) this.#slots.delete(key);
    }
  }
}

function isExpired(slot: Slot, now: number): boolean {
  return slot.expiresAt !== undefined && now >= slot.expiresAt;
}

function checkTtl(ttlMs: number | undefined): number | undefined {
  if (ttlMs === undefined) return undefined;
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(
      `Store ttlMs must be a positive finite number of milliseconds, got ${String(ttlMs)}; omit ttlMs for an entry that never expires`,
    );
  }
  return ttlMs;
}

/**
 * A validated deep copy of JSON data. Real backends serialise values, so callers can't
 * hold references into stored state and anything JSON can't carry would silently change
 * (a Date becomes a string, a Map becomes {}); rejecting it here keeps a bot that works
 * on MemoryStore working unchanged on KV or DynamoDB. Object properties that are
 * `undefined` are dropped, as JSON.stringify drops them (optional fields stay easy).
 * Exported so other backends can apply the same rule before they serialise.
 */
export function copyJson(value: unknown): unknown {
  return copy(value, "value", new Set());
}

function copy(value: unknown, path: string, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) {
        throw new TypeError(`Store values must be JSON data: ${path} is ${String(value)}, which JSON cannot represent`);
      }
      return value === 0 ? 0 : value; // JSON has no -0
    case "object":
      if (value === null) return null;
      break;
    default:
      throw new TypeError(`Store values must be JSON data: ${path} is a ${typeof value}`);
  }
  if (ancestors.has(value)) {
    throw new TypeError(`Store values must be JSON data: ${path} is a circular reference`);
  }
  ancestors.add(value);
  try {
    return Array.isArray(value) ? copyArray(value, path, ancestors) : copyObject(value, path, ancestors);
  } finally {
    // Only cycles are errors; the same object reached twice (a DAG) is copied twice.
    ancestors.delete(value);
  }
}

function copyArray(value: unknown[], path: string, ancestors: Set<object>): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (item === undefined) {
      // JSON would turn it into null, which changes the data: refuse instead.
      throw new TypeError(`Store values must be JSON data: ${path}[${i}] is undefined`);
    }
    out.push(copy(item, `${path}[${i}]`, ancestors));
  }
  return out;
}

function copyObject(value: object, path: string, ancestors: Set<object>): Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  // Plain objects only: their prototype is null or some realm's Object.prototype.
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    throw new TypeError(
      `Store values must be JSON data: ${path} is a ${typeof name === "string" && name !== "" ? name : "non-plain object"}; convert it first (e.g. a Date to its ISO string)`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const copied = copy(item, `${path}.${key}`, ancestors);
    // Plain assignment of "__proto__" would change the copy's prototype instead.
    Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
