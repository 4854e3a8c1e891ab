import type { WhatsApp } from "../client/whatsapp.ts";
import type { Logger } from "../client/log.ts";
import type { Store } from "../store/store.ts";

/** Limits and timings of listening (the `listeners` option of `new WhatsApp`). */
export interface ListenerOptions {
  /** How long one delivery may run a resumed conversation before another may take over. Default 60 s. */
  leaseMs?: number;
  /** Most log entries (sends, steps, waits) one conversation may record; past it, ListenerStopped. Default 200. */
  maxLogEntries?: number;
  /** Most bytes of log one conversation may keep (DynamoDB items stop at 400 KB). Default 256 KiB. */
  maxLogBytes?: number;
  /** How long a listener without a timeout is kept. Default 30 days. */
  maxIdleMs?: number;
}

/** What listening needs from the client, gathered once per client. */
export interface ListenContext {
  root: WhatsApp;
  store: Store;
  now: () => number;
  logger: Logger;
  leaseMs: number;
  maxLogEntries: number;
  maxLogBytes: number;
  maxIdleMs: number;
  /** The user accepted a non-atomic store (KV) for listeners too. */
  allowNonAtomic: boolean;
}

export function listenContext(
  root: WhatsApp,
  store: Store,
  logger: Logger,
  now: () => number,
  allowNonAtomic: boolean,
  o: ListenerOptions = {},
): ListenContext {
  return {
    root,
    store,
    allowNonAtomic,
    now,
    logger,
    leaseMs: o.leaseMs ?? 60_000,
    maxLogEntries: o.maxLogEntries ?? 200,
    maxLogBytes: o.maxLogBytes ?? 256 * 1024,
    maxIdleMs: o.maxIdleMs ?? 30 * 24 * 3600_000,
  };
}
