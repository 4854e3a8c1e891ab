import type { WhatsApp } from "../client/whatsapp.ts";
import type { AnyHandler } from "../handlers/handler.ts";
import type { GraphApi, GraphRequest } from "../graph/request.ts";
import { BIND_CLIENT } from "../updates/base.ts";
import type { AnyUpdate } from "../updates/kinds.ts";
import { isUserAction } from "../updates/user-update.ts";
import type { ListenContext } from "./context.ts";
import { ListenerCanceled, ListenerStopped, ListenerTimeout } from "./errors.ts";
import {
  deserializeError,
  listenerKey,
  restore,
  serializeError,
  snapshot,
  type ListenerRecord,
  type LogEntry,
  type UpdateSnapshot,
} from "./record.ts";
import { armTimeout } from "./timeouts.ts";
import { NonAtomicStoreError } from "../store/non-atomic.ts";

/** What a wait waits for. */
export interface WaitSpec {
  /** Whose update: the listener's key is (phoneId, user). */
  phoneId: string;
  user: string;
  /** The update that resolves the wait. */
  filter: (wa: WhatsApp, update: AnyUpdate) => boolean | Promise<boolean>;
  /** Updates that end the wait with ListenerCanceled. */
  canceler?: (wa: WhatsApp, update: AnyUpdate) => boolean | Promise<boolean>;
  /** Milliseconds; absent: no deadline. */
  timeout?: number;
  /** Swallow other user actions (messages, clicks) while waiting, instead of passing them on. */
  ignoreUpdates: boolean;
}

/** What a resumed execution is woken with at its pending wait. */
export type ResumeEvent = { type: "update"; update: AnyUpdate } | { type: "timeout" } | { type: "stop"; reason?: string };

/**
 * Why a handler stopped running without finishing:
 * - waiting: it reached a new wait; the record is saved;
 * - passed / swallowed: the resume update does not concern the pending wait;
 * - notDue: a timeout sweep came early;
 * - conflict: another delivery changed the record first (retry);
 * - lostLease: this run had taken its update, then its lease ran out and another
 *   delivery took the conversation over (the update is spent: no retry).
 */
export type SuspendReason = "waiting" | "passed" | "swallowed" | "notDue" | "conflict" | "lostLease";

export type RunOutcome = { type: "done" } | { type: "error"; error: unknown } | { type: "suspended"; reason: SuspendReason };

/**
 * One run of a named handler, first or replayed. Every Graph API call, `wa.step`
 * and wait of the handler goes through it: while the log has entries, they are
 * answered from it (nothing is sent again); past its end, they happen for real and
 * are appended. A wait past the log's end saves the record and suspends the run:
 * the handler's promise is simply never settled, and the invocation moves on.
 */
export class Execution {
  readonly ctx: ListenContext;
  readonly handler: AnyHandler & { name: string };
  readonly fingerprint: string;
  /** The client the handler sees: the root client, with Graph calls going through this execution. */
  readonly client: WhatsApp;
  readonly log: LogEntry[];
  #cursor = 0;
  #resume: ResumeEvent | undefined;
  /** The resume event was consumed by the pending wait (or ended it). */
  consumed = false;
  /** This run holds the stored record under a lease: its live calls are written to it. */
  #holdsLease = false;
  /** The run has finished or suspended: a call still in flight writes nothing more. */
  #settled = false;
  /** Lease writes, one after another: two calls in flight must not race on `version`. */
  #writes: Promise<void> = Promise.resolve();
  /** The replay stopped matching the log: the code changed. */
  diverged = false;
  /** The store version of the record this run holds, when there is one. */
  version: string | undefined;
  phoneId: string | undefined;
  user: string | undefined;
  trigger: UpdateSnapshot | undefined;
  readonly #suspended: Promise<SuspendReason>;
  #suspend!: (reason: SuspendReason) => void;

  constructor(
    ctx: ListenContext,
    handler: AnyHandler & { name: string },
    fingerprint: string,
    from?: { record: ListenerRecord; version: string; resume: ResumeEvent },
  ) {
    this.ctx = ctx;
    this.handler = handler;
    this.fingerprint = fingerprint;
    this.log = from ? [...from.record.log] : [];
    this.#resume = from?.resume;
    this.version = from?.version;
    this.phoneId = from?.record.phoneId;
    this.user = from?.record.user;
    this.trigger = from?.record.trigger;
    this.#suspended = new Promise((resolve) => (this.#suspend = resolve));
    this.client = scopedClient(ctx.root, this);
  }

  get replaying(): boolean {
    return this.#cursor < this.log.length;
  }

  /** Runs the handler with `update` until it finishes or suspends. */
  async run(update: AnyUpdate): Promise<RunOutcome> {
    this.trigger ??= snapshot(update);
    update[BIND_CLIENT](this.client);
    const finished = Promise.resolve()
      .then(() => this.handler.callback(this.client, update as never))
      .then(
        (): RunOutcome => ({ type: "done" }),
        (error: unknown): RunOutcome => ({ type: "error", error }),
      );
    const outcome = await Promise.race([finished, this.#suspended.then((reason): RunOutcome => ({ type: "suspended", reason }))]);
    this.#settled = true;
    await this.#writes;
    return outcome;
  }

  /**
   * A delivery that finds the record leased by a run that died (its lease has run
   * out) takes the lease before replaying, so that what the dead run's tail does
   * for real from here is written as it happens.
   */
  async takeOver(): Promise<boolean> {
    if (!(await this.#writeLeased())) return false;
    this.#holdsLease = true;
    return true;
  }

  /** A Graph API call: answered from the log when replaying, else made and logged. */
  async call<T>(key: string, run: () => Promise<T>): Promise<T> {
    const entry = this.#next("call", key);
    if (entry) {
      if (entry.error) throw deserializeError(entry.error);
      return entry.result as T;
    }
    return this.#live({ t: "call", key }, run);
  }

  /** `wa.step(name, fn)`: a side effect outside the client, recorded like a call. */
  async step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    const entry = this.#next("step", name);
    if (entry) {
      if (entry.error) throw deserializeError(entry.error);
      return entry.result as T;
    }
    return this.#live({ t: "step", name }, async () => fn());
  }

  /** A wait: answered from the log, or by the resume event, or it saves the record and suspends. */
  async wait(spec: WaitSpec): Promise<AnyUpdate> {
    if ((this.phoneId !== undefined && this.phoneId !== spec.phoneId) || (this.user !== undefined && this.user !== spec.user)) {
      throw new TypeError(
        `${this.handler.name}: a conversation waits on one user; it waited for ${this.user} and now for ${spec.user}`,
      );
    }
    this.phoneId = spec.phoneId;
    this.user = spec.user;
    if (!this.ctx.store.atomic && !this.ctx.allowNonAtomic) {
      // The same class the client's constructor throws for claims, so one catch covers both.
      throw new NonAtomicStoreError(
        "Listening needs an atomic store (MemoryStore, DurableObjectStore, DynamoDbStore): this one is eventually " +
          "consistent (Cloudflare KV), so two deliveries could both resume a conversation. Pass allowNonAtomicStore: true to accept that.",
      );
    }
    const logged = this.#next("wait");
    if (logged) return this.#replayWait(logged);
    const event = this.#resume;
    if (event) {
      this.#resume = undefined;
      return this.#deliver(spec, event);
    }
    await this.#save(spec);
    return this.#halt("waiting");
  }

  /** The log entry for the next operation, when replaying; a mismatch means the code changed. */
  #next<T extends LogEntry["t"]>(t: T, key?: string): Extract<LogEntry, { t: T }> | undefined {
    if (this.#cursor >= this.log.length) return undefined;
    const entry = this.log[this.#cursor]!;
    const same = entry.t === t && (entry.t === "call" ? entry.key === key : entry.t === "step" ? entry.name === key : true);
    if (!same) {
      // The handler no longer does what it did: stop replaying, drop the rest of the
      // log, and let the handler know where it stands.
      this.log.length = this.#cursor;
      this.diverged = true;
      this.ctx.logger.warn(
        `[edgewa] listener "${this.handler.name}": the replay no longer matches its log (expected ${describe(entry)}, ` +
          `the handler did ${t}${key ? ` ${key}` : ""}); the listener is stopped. Did a deploy change the handler?`,
      );
      throw new ListenerStopped("the handler's code changed while it was waiting");
    }
    this.#cursor++;
    return entry as Extract<LogEntry, { t: T }>;
  }

  async #live<T>(entry: LogEntry & { t: "call" | "step" }, run: () => Promise<T>): Promise<T> {
    if (this.#holdsLease && this.log.length >= this.ctx.maxLogEntries) {
      // Checked before the call: once it is made, it could not be recorded.
      throw new ListenerStopped(`the conversation outgrew its log (${this.log.length} entries; limit ${this.ctx.maxLogEntries}: see the listeners option)`);
    }
    let result: T;
    try {
      result = await run();
    } catch (error) {
      this.#append({ ...entry, error: serializeError(error) });
      await this.#checkpoint();
      throw error;
    }
    this.#append({ ...entry, result: result === undefined ? null : result });
    await this.#checkpoint();
    return result;
  }

  /**
   * Once this run has taken a wait, it holds the stored record under a lease; each
   * live call and step is written to it as soon as it returns. If the invocation
   * then dies (a timeout, a crash), the delivery that takes the conversation over
   * replays what already happened instead of sending it again: only a call cut off
   * mid-flight can repeat. Before its first wait a run has no record to write to.
   */
  async #checkpoint(): Promise<void> {
    if (!this.#holdsLease || this.#settled) return;
    let lost = false;
    const write = this.#writes.then(async () => {
      if (this.#settled) return;
      try {
        lost = !(await this.#writeLeased());
      } catch (error) {
        // The call itself succeeded: a store failure must not make the handler think
        // it failed (and send again). This call is just not protected against a crash.
        this.ctx.logger.error(`[edgewa] listener "${this.handler.name}": could not record a call in the store:`, error);
      }
    });
    this.#writes = write;
    await write;
    if (lost) {
      // Our lease ran out and another delivery took the conversation: it goes on from there.
      this.ctx.logger.warn(
        `[edgewa] listener "${this.handler.name}": another delivery took this conversation over (lease of ${this.ctx.leaseMs} ms too short?); this run stops`,
      );
      await this.#halt("lostLease");
    }
  }

  /** The record as it stands, leased to this run, written over the version it holds; false when it changed. */
  async #writeLeased(): Promise<boolean> {
    const version = await this.ctx.store.set(this.#key(), this.#record(undefined, this.ctx.now() + this.ctx.leaseMs), {
      ttlMs: this.ctx.maxIdleMs,
      ifVersion: this.version ?? null,
    });
    if (version === false) return false;
    this.version = version;
    return true;
  }

  #append(entry: LogEntry): void {
    this.log.push(entry);
    this.#cursor = this.log.length;
  }

  #replayWait(entry: LogEntry & { t: "wait" }): AnyUpdate {
    switch (entry.outcome) {
      case "update":
        return this.#restore(entry.update);
      case "canceled":
        throw new ListenerCanceled(this.#restore(entry.update));
      case "timeout":
        throw new ListenerTimeout(undefined);
      case "stopped":
        throw new ListenerStopped(entry.reason);
    }
  }

  async #deliver(spec: WaitSpec, event: ResumeEvent): Promise<AnyUpdate> {
    if (event.type === "timeout") {
      if (spec.timeout === undefined) {
        if (this.#holdsLease) await this.#save(spec);
        return this.#halt("notDue");
      }
      await this.#commit({ t: "wait", outcome: "timeout" });
      throw new ListenerTimeout(spec.timeout);
    }
    if (event.type === "stop") {
      await this.#commit({ t: "wait", outcome: "stopped", reason: event.reason });
      throw new ListenerStopped(event.reason);
    }
    const update = event.update;
    update[BIND_CLIENT](this.client);
    if (await spec.filter(this.client, update)) {
      await this.#commit({ t: "wait", outcome: "update", update: snapshot(update) });
      return update;
    }
    if (spec.canceler && (await spec.canceler(this.client, update))) {
      await this.#commit({ t: "wait", outcome: "canceled", update: snapshot(update) });
      throw new ListenerCanceled(update);
    }
    // A run that took over a dead one has made calls for real: its wait is saved, so
    // that the next update does not replay them live again.
    if (this.#holdsLease) await this.#save(spec);
    return this.#halt(spec.ignoreUpdates && isUserAction(update) ? "swallowed" : "passed");
  }

  /**
   * Takes the resume event for this run: the record, with the outcome appended and
   * a lease, is written over the version it was read at. Losing that race means
   * another delivery took the wait first.
   */
  async #commit(entry: LogEntry): Promise<void> {
    this.#append(entry);
    if (!(await this.#writeLeased())) await this.#halt(this.#holdsLease ? "lostLease" : "conflict");
    this.consumed = true;
    this.#holdsLease = true;
  }

  /** A new wait: the record, with its deadline, is saved for the next update (or the sweep). */
  async #save(spec: WaitSpec): Promise<void> {
    await this.#writes; // after any lease write still in flight, over the version it made
    const now = this.ctx.now();
    const deadline = spec.timeout === undefined ? undefined : now + spec.timeout;
    const record = this.#record(spec, undefined, deadline);
    const size = JSON.stringify(record).length;
    if (this.log.length > this.ctx.maxLogEntries || size > this.ctx.maxLogBytes) {
      throw new ListenerStopped(
        `the conversation outgrew its log (${this.log.length} entries, ${size} bytes; ` +
          `limits ${this.ctx.maxLogEntries} and ${this.ctx.maxLogBytes}: see the listeners option)`,
      );
    }
    const ttlMs = deadline === undefined ? this.ctx.maxIdleMs : spec.timeout! + 7 * 24 * 3600_000;
    // A fresh conversation replaces any older one for this user (as pywa's listen
    // does); a resumed one writes over the version it holds.
    const version = await this.ctx.store.set(this.#key(), record, this.version ? { ttlMs, ifVersion: this.version } : { ttlMs });
    if (version === false) {
      this.ctx.logger.error(
        `[edgewa] listener "${this.handler.name}": its record changed while it ran (lease of ${this.ctx.leaseMs} ms too short?); this wait is lost`,
      );
      return;
    }
    this.version = version;
    this.#holdsLease = false; // the record now waits, unleased
    if (deadline !== undefined) await armTimeout(this.ctx, this.#key(), deadline);
  }

  #record(spec: WaitSpec | undefined, leaseUntil?: number, deadline?: number): ListenerRecord {
    return {
      v: 1,
      handler: this.handler.name,
      fingerprint: this.fingerprint,
      phoneId: this.phoneId!,
      user: this.user!,
      trigger: this.trigger!,
      log: this.log,
      ...(deadline !== undefined ? { deadline, timeout: spec?.timeout } : {}),
      ...(leaseUntil !== undefined ? { leaseUntil } : {}),
    };
  }

  #key(): string {
    return listenerKey(this.phoneId!, this.user!);
  }

  #restore(snap: UpdateSnapshot): AnyUpdate {
    const update = restore(this.ctx.root, snap);
    if (!update) throw new ListenerStopped("a logged update could not be read back");
    update[BIND_CLIENT](this.client);
    return update;
  }

  /** Ends this run here: the handler's promise is left pending forever. */
  #halt(reason: SuspendReason): Promise<never> {
    this.#suspend(reason);
    return new Promise<never>(() => {});
  }
}

function describe(entry: LogEntry): string {
  return entry.t === "call" ? `call ${entry.key}` : entry.t === "step" ? `step ${entry.name}` : "wait";
}

const EXECUTION = Symbol.for("edgewa.execution");

/** The execution a client belongs to, when it is a handler's scoped client. */
export function executionOf(wa: WhatsApp): Execution | undefined {
  return (wa as unknown as { [EXECUTION]?: Execution })[EXECUTION];
}

/**
 * The client a named handler gets: the root client, seen through an object whose
 * `api` answers from the execution. Everything else is the root's.
 */
function scopedClient(root: WhatsApp, execution: Execution): WhatsApp {
  const rootApi = root.api;
  const api: GraphApi = Object.create(rootApi, {
    request: {
      value: <T>(req: GraphRequest): Promise<T> =>
        req.method === "GET"
          ? rootApi.request<T>(req) // reads are safe to repeat, and downloads are too big to log
          : execution.call(`${req.method} ${req.path}`, () => rootApi.request<T>(req)),
    },
    send: { value: (req: GraphRequest) => rootApi.send(req) },
    // Methods that read the GraphApi's private fields must run on the real one.
    url: { value: (req: Parameters<GraphApi["url"]>[0]) => rootApi.url(req) },
    setToken: { value: (token: string) => rootApi.setToken(token) },
  });
  return Object.create(root, {
    api: { value: api },
    [EXECUTION]: { value: execution },
  }) as WhatsApp;
}
