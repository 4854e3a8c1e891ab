/**
 * The one contract every state backend implements (memory, Cloudflare KV, Durable
 * Objects, DynamoDB). It is deliberately tiny: claims, leases, per-user locks and
 * listener records are built once in the core on top of these three calls.
 *
 * Values are plain JSON data. Versions are opaque non-empty strings chosen by the
 * store; any successful write produces a new one.
 */
export interface StoreEntry<T = unknown> {
  value: T;
  version: string;
}

export interface SetOptions {
  /** Time to live in milliseconds. The entry reads as absent once it has passed. */
  ttlMs?: number;
  /**
   * Compare-and-set: `null` writes only if the key is absent (create-if-absent);
   * a version string writes only if the entry still has that version.
   * Omitted: an unconditional write.
   */
  ifVersion?: string | null;
}

export interface DeleteOptions {
  /** Delete only if the entry still has this version. */
  ifVersion?: string;
}

export interface Store {
  /**
   * True when `ifVersion` is honoured atomically (no two writers can both win).
   * Eventually consistent stores (Cloudflare KV) report false; the core refuses them
   * for claims and listeners unless the user opts in.
   */
  readonly atomic: boolean;
  /** The live entry, or undefined when absent or expired. */
  get<T = unknown>(key: string): Promise<StoreEntry<T> | undefined>;
  /** Writes and returns the new version, or `false` when the `ifVersion` condition failed. */
  set(key: string, value: unknown, opts?: SetOptions): Promise<string | false>;
  /** Deletes; false when the key was absent or the `ifVersion` condition failed. */
  delete(key: string, opts?: DeleteOptions): Promise<boolean>;
}

/** Milliseconds since the epoch; injectable so tests can move time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
