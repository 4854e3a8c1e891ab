/**
 * Exactly-once handling of webhook updates, built once on the Store contract (no
 * backend implements it). An update id is claimed *in progress* under a lease, becomes
 * *done* for the retry window once handlers finish, or is *released* if they throw.
 * Nothing is marked done before it is handled: a crash leaves only a lease that runs
 * out, so Meta's retry is handled again (at-least-once, deduplicated).
 */
import type { Store } from "./store.ts";

// Claims are the main reason to refuse a non-atomic store, so the check is importable from here too.
export { NonAtomicStoreError, assertAtomicStore } from "./non-atomic.ts";

export interface ClaimOptions {
  /** How long an in-progress claim blocks redeliveries (default 5 min). Outlive your slowest handler. */
  leaseMs?: number;
  /** How long a finished update is remembered (default 7 days, Meta's retry window). */
  retryWindowMs?: number;
  /** Key prefix in the store (default "edgewa:claim:"). */
  prefix?: string;
}

export type ClaimResult = { status: "claimed"; claim: Claim } | { status: "done" } | { status: "busy" };

export interface Claim {
  readonly key: string;
  /** The handlers finished: remember the update as done for the retry window. */
  complete(): Promise<void>;
  /** The handlers failed: drop our lease so a redelivery is handled again. */
  release(): Promise<void>;
}

const DEFAULT_LEASE_MS = 5 * 60 * 1000;
const DEFAULT_RETRY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
// A vanished record between our failed create and our read is a holder finishing
// badly right then; a couple of retries settle it, more would only spin.
const CLAIM_ATTEMPTS = 3;

type ClaimRecord = { state: "in-progress" } | { state: "done" };
const IN_PROGRESS: ClaimRecord = { state: "in-progress" };
const DONE: ClaimRecord = { state: "done" };

export class Claims {
  readonly #store: Store;
  readonly #leaseMs: number;
  readonly #retryWindowMs: number;
  readonly #prefix: string;

  constructor(store: Store, opts: ClaimOptions = {}) {
    this.#store = store;
    this.#leaseMs = duration(opts.leaseMs ?? DEFAULT_LEASE_MS, "leaseMs");
    this.#retryWindowMs = duration(opts.retryWindowMs ?? DEFAULT_RETRY_WINDOW_MS, "retryWindowMs");
    this.#prefix = opts.prefix ?? "edgewa:claim:";
  }

  /** Store failures propagate: whether to fail the webhook or handle anyway is the caller's call. */
  async claim(id: string, opts: { leaseMs?: number } = {}): Promise<ClaimResult> {
    if (typeof id !== "string" || id === "") {
      throw new TypeError(`Claims.claim: id must be a non-empty string, got ${JSON.stringify(id)}`);
    }
    const leaseMs = duration(opts.leaseMs ?? this.#leaseMs, "leaseMs");
    const key = this.#prefix + id;
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const version = await this.#store.set(key, IN_PROGRESS, { ttlMs: leaseMs, ifVersion: null });
      if (version !== false) {
        return { status: "claimed", claim: new HeldClaim(this.#store, key, version, this.#retryWindowMs) };
      }
      const current = await this.#store.get(key);
      if (current === undefined) continue;
      return isDone(current.value) ? { status: "done" } : { status: "busy" };
    }
    // Someone keeps taking and dropping it: they are working on it, so it is busy.
    return { status: "busy" };
  }
}

class HeldClaim implements Claim {
  readonly key: string;
  readonly #store: Store;
  readonly #version: string;
  readonly #retryWindowMs: number;
  #settled: "completed" | "released" | undefined;

  constructor(store: Store, key: string, version: string, retryWindowMs: number) {
    this.key = key;
    this.#store = store;
    this.#version = version;
    this.#retryWindowMs = retryWindowMs;
  }

  async complete(): Promise<void> {
    if (this.#settled === "completed") return;
    if (this.#settled === "released") {
      throw new Error(`Claim ${this.key} was already released; a released claim can't be completed`);
    }
    const won = await this.#store.set(this.key, DONE, { ttlMs: this.#retryWindowMs, ifVersion: this.#version });
    if (won === false) {
      // Our lease ran out before the handlers finished. The record is now absent, or a
      // second delivery's in-progress claim, or already done. The handlers *did* finish,
      // so "done" is true whichever it is, and writing it unconditionally is right:
      // - absent: without it, Meta's next retry would be handled a second time;
      // - another holder in progress: its handlers are already running (that duplicate
      //   can't be undone), but done stops a third run; its own complete() then lands
      //   here too, and its release() no longer matches a version, so done survives;
      // - done: rewriting only restarts the retry window.
      // A conditional write here would instead leave the update claimable again.
      await this.#store.set(this.key, DONE, { ttlMs: this.#retryWindowMs });
    }
    this.#settled = "completed";
  }

  async release(): Promise<void> {
    // After complete() the update is done and must stay done. A release after a failed
    // complete() still runs: its version check keeps a done record if the write did land.
    if (this.#settled !== undefined) return;
    // Conditional: if our lease ran out and someone else claimed, that claim is theirs.
    await this.#store.delete(this.key, { ifVersion: this.#version });
    this.#settled = "released";
  }
}

function isDone(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { state?: unknown }).state === "done";
}

function duration(ms: number, name: string): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0) {
    throw new RangeError(`Claims: ${name} must be a positive finite number of milliseconds, got ${String(ms)}`);
  }
  return ms;
}
