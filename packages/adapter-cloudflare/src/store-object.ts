import { decodeMessage, encodeMessage, type StoreOp } from "./protocol.ts";
import type { DurableObjectStateLike, SqlStorageLike } from "./types.ts";

/**
 * What the object's alarm runs when an entry's wake time (a waiting handler's
 * deadline) has come: `defineWorker` registers `(env) => wa.sweep()` with the client
 * its factory builds for `env`, so the alarm runs exactly the Worker's sweep.
 */
export type StoreAlarmHook = (env: unknown) => Promise<unknown>;

let alarmHook: StoreAlarmHook | undefined;

/**
 * Sets the hook the store objects' alarms run. `defineWorker` calls it for you;
 * call it yourself only when you build the Worker without `defineWorker`:
 * `setStoreAlarmHook((env) => buildClient(env).sweep())`.
 */
export function setStoreAlarmHook(hook: StoreAlarmHook | undefined): void {
  alarmHook = hook;
}

type Row = { value: string; version: string; expires_at: number | null };

const TABLE = "edgewa_store";

/**
 * The Durable Object behind `DurableObjectStore`. Export it from your Worker and
 * declare it in wrangler.toml as a SQLite-backed class:
 *
 *   [[durable_objects.bindings]]  name = "STORE"  class_name = "EdgewaStoreObject"
 *   [[migrations]]  tag = "v1"  new_sqlite_classes = ["EdgewaStoreObject"]
 *
 * Atomicity: each operation reads, checks and writes with the synchronous SQLite
 * API, with no `await` in between, so no other request to this object can run in
 * the middle (a Durable Object runs one event at a time until it awaits; it never
 * awaits here). Expiry is checked on every read; the alarm deletes expired rows
 * (batched to `cleanupIntervalMs`) and, when an entry's wake time has come, runs
 * the alarm hook (the Worker's `wa.sweep()`).
 */
export class EdgewaStoreObject {
  protected readonly ctx: DurableObjectStateLike;
  protected readonly env: unknown;
  /** Expired rows are deleted by an alarm at most this often (they read as absent before that). */
  protected cleanupIntervalMs = 5 * 60_000;
  /** When the sweep hook failed, or left a wake time due, the alarm tries again after this long. */
  protected sweepRetryMs = 60_000;

  readonly #sql: SqlStorageLike;
  /** The alarm as last set by this instance: undefined = unknown (fresh instance). */
  #alarmAt: number | null | undefined;

  constructor(ctx: DurableObjectStateLike, env: unknown) {
    this.ctx = ctx;
    this.env = env;
    const sql = ctx.storage.sql;
    if (sql === undefined) {
      throw new Error(
        "EdgewaStoreObject needs SQLite storage: declare it with new_sqlite_classes in your wrangler.toml migrations",
      );
    }
    this.#sql = sql;
    sql.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL, version TEXT NOT NULL, expires_at INTEGER, wake_at INTEGER)`,
    );
    sql.exec(`CREATE INDEX IF NOT EXISTS ${TABLE}_expires ON ${TABLE} (expires_at) WHERE expires_at IS NOT NULL`);
    sql.exec(`CREATE INDEX IF NOT EXISTS ${TABLE}_wake ON ${TABLE} (wake_at) WHERE wake_at IS NOT NULL`);
  }

  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response("method not allowed", { status: 405 });
    let op: StoreOp;
    let reply: string;
    try {
      const message = decodeMessage<StoreOp>(await request.text());
      op = message.header;
      // Everything in apply() is synchronous: one atomic step, nothing interleaves.
      reply = this.#apply(op, message.text, Date.now());
    } catch (error) {
      return new Response(error instanceof Error ? error.message : String(error), { status: 400 });
    }
    if (op.op === "set" || op.op === "delete") await this.#rearm(Date.now());
    return new Response(reply);
  }

  async alarm(): Promise<void> {
    this.#alarmAt = null; // the runtime clears an alarm when it fires
    const now = Date.now();
    this.#sql.exec(`DELETE FROM ${TABLE} WHERE expires_at IS NOT NULL AND expires_at <= ?`, now);
    if (this.#dueWake(now)) {
      const hook = alarmHook;
      if (hook === undefined) {
        console.warn(
          "[edgewa] EdgewaStoreObject: a waiting handler's timeout is due but no sweep hook is set " +
            "(use defineWorker, or setStoreAlarmHook); the cron trigger's sweep will fire it",
        );
        this.#sql.exec(`UPDATE ${TABLE} SET wake_at = NULL WHERE wake_at IS NOT NULL AND wake_at <= ?`, now);
      } else {
        try {
          await hook(this.env);
        } catch (error) {
          console.error("[edgewa] EdgewaStoreObject: the sweep hook failed; retrying later:", error);
        }
      }
    }
    // A wake time still due after the sweep (a busy conversation, a failed hook) is tried again later, not in a loop.
    await this.#rearm(Date.now(), Date.now() + this.sweepRetryMs);
  }

  #apply(op: StoreOp, text: string | undefined, now: number): string {
    switch (op.op) {
      case "get": {
        const row = this.#live(op.key, now);
        return row === undefined ? encodeMessage({ found: false }) : encodeMessage({ found: true, version: row.version }, row.value);
      }
      case "set": {
        if (text === undefined) throw new Error("set without a value");
        const current = this.#live(op.key, now);
        if (op.ifVersion === null && current !== undefined) return encodeMessage({ version: false });
        if (typeof op.ifVersion === "string" && current?.version !== op.ifVersion) return encodeMessage({ version: false });
        // Random, so never reused after a delete (a stale holder's version can't match a re-created entry).
        const version = crypto.randomUUID();
        const expiresAt = op.ttlMs === undefined ? null : now + op.ttlMs;
        this.#sql.exec(
          `INSERT OR REPLACE INTO ${TABLE} (key, value, version, expires_at, wake_at) VALUES (?, ?, ?, ?, ?)`,
          op.key, text, version, expiresAt, op.wakeAt ?? null,
        );
        return encodeMessage({ version });
      }
      case "delete": {
        const current = this.#live(op.key, now);
        if (current === undefined || (op.ifVersion !== undefined && current.version !== op.ifVersion)) {
          return encodeMessage({ deleted: false });
        }
        this.#sql.exec(`DELETE FROM ${TABLE} WHERE key = ?`, op.key);
        return encodeMessage({ deleted: true });
      }
      case "stats": {
        const [all] = this.#sql.exec<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE}`).toArray();
        const [expired] = this.#sql
          .exec<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE} WHERE expires_at IS NOT NULL AND expires_at <= ?`, now)
          .toArray();
        return encodeMessage({ rows: all?.n ?? 0, expiredRows: expired?.n ?? 0, alarm: this.#alarmAt ?? null });
      }
      default:
        throw new Error(`unknown operation ${JSON.stringify((op as { op?: unknown }).op)}`);
    }
  }

  /** The row under `key`, unless absent or expired (an expired row is deleted on the way). */
  #live(key: string, now: number): Row | undefined {
    const [row] = this.#sql.exec<Row>(`SELECT value, version, expires_at FROM ${TABLE} WHERE key = ?`, key).toArray();
    if (row === undefined) return undefined;
    if (row.expires_at !== null && row.expires_at <= now) {
      this.#sql.exec(`DELETE FROM ${TABLE} WHERE key = ?`, key);
      return undefined;
    }
    return row;
  }

  #dueWake(now: number): boolean {
    const [row] = this.#sql
      .exec<{ n: number }>(
        `SELECT count(*) AS n FROM ${TABLE} WHERE wake_at IS NOT NULL AND wake_at <= ? AND (expires_at IS NULL OR expires_at > ?)`,
        now, now,
      )
      .toArray();
    return (row?.n ?? 0) > 0;
  }

  /**
   * Sets the alarm to the next wake time or cleanup, whichever comes first. A wake
   * time already due fires at once, unless `retryAt` is given (the alarm just ran the
   * hook and it is still due): then it waits until `retryAt`.
   */
  async #rearm(now: number, retryAt?: number): Promise<void> {
    const [row] = this.#sql
      .exec<{ wake: number | null; expiry: number | null }>(
        `SELECT (SELECT min(wake_at) FROM ${TABLE} WHERE wake_at IS NOT NULL AND (expires_at IS NULL OR expires_at > ?)) AS wake,
                (SELECT min(expires_at) FROM ${TABLE} WHERE expires_at IS NOT NULL) AS expiry`,
        now,
      )
      .toArray();
    let wake = row?.wake ?? null;
    if (wake !== null && wake <= now) wake = retryAt ?? now;
    const step = Math.max(1, this.cleanupIntervalMs);
    const cleanup = row?.expiry == null ? null : Math.ceil(row.expiry / step) * step;
    const candidates = [wake, cleanup].filter((t): t is number => t !== null);
    const next = candidates.length === 0 ? null : Math.min(...candidates);
    if (next === this.#alarmAt) return;
    this.#alarmAt = next;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
  }
}
