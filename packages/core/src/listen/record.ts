import type { WhatsApp } from "../client/whatsapp.ts";
import { WhatsAppError } from "../graph/errors.ts";
import { classifyPayload } from "../updates/classify.ts";
import type { AnyUpdate } from "../updates/kinds.ts";
import type { WebhookChange } from "../webhook/payload.ts";

/**
 * What the store keeps while a handler waits, under the key (business phone id,
 * user): which handler, what started it, and a log of everything it already
 * consumed and what its side effects returned, so that it can be replayed from the
 * top by any invocation.
 */
export interface ListenerRecord {
  v: 1;
  /** The waiting handler's name. */
  handler: string;
  /** A hash of the handler's code: a deploy that changes it ends the listener. */
  fingerprint: string;
  phoneId: string;
  user: string;
  /** The update the handler was first called with. */
  trigger: UpdateSnapshot;
  log: LogEntry[];
  /** When the pending wait times out (ms since the epoch); absent: never. */
  deadline?: number;
  /** The pending wait's timeout, for the ListenerTimeout it throws. */
  timeout?: number;
  /** While one delivery runs the conversation on, others must not (ms since the epoch). */
  leaseUntil?: number;
}

/** An update as stored: enough JSON to build it again, exactly. */
export interface UpdateSnapshot {
  entryId: string;
  entryTime?: number;
  change: WebhookChange;
  /** Its dedupeKey: which of the change's items it is. */
  key: string;
}

export type SerializedError = { graph: unknown; status?: number } | { name: string; message: string };

export type LogEntry =
  | { t: "call"; key: string; result?: unknown; error?: SerializedError }
  | { t: "step"; name: string; result?: unknown; error?: SerializedError }
  | { t: "wait"; outcome: "update" | "canceled"; update: UpdateSnapshot }
  | { t: "wait"; outcome: "timeout" }
  | { t: "wait"; outcome: "stopped"; reason?: string };

export function listenerKey(phoneId: string, user: string): string {
  return `edgewa:listener:${phoneId}:${user}`;
}


export function snapshot(update: AnyUpdate): UpdateSnapshot {
  return {
    entryId: update.wabaId,
    entryTime: Math.floor(update.timestamp.getTime() / 1000),
    change: update.raw,
    key: update.kind === "raw" ? update.id : update.dedupeKey,
  };
}

/** The update a snapshot was taken of, built again for `client`. */
export function restore(client: WhatsApp, snap: UpdateSnapshot): AnyUpdate | undefined {
  const [change] = classifyPayload(client, {
    object: "whatsapp_business_account",
    entry: [{ id: snap.entryId, time: snap.entryTime, changes: [snap.change] }],
  });
  if (!change) return undefined;
  return change.updates.find((u) => u.dedupeKey === snap.key) ?? (change.raw.id === snap.key ? change.raw : undefined);
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof WhatsAppError) return { graph: error.raw, status: error.statusCode };
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message };
}

export function deserializeError(error: SerializedError): Error {
  if ("graph" in error) return WhatsAppError.fromGraph(error.graph, error.status);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}
