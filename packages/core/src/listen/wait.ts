import type { WhatsApp } from "../client/whatsapp.ts";
import { Filter, and, or, type FilterFn } from "../handlers/filter.ts";
import type { AnyUpdate, UpdateKind } from "../updates/kinds.ts";
import { isUserAction } from "../updates/user-update.ts";
import { executionOf, type WaitSpec } from "./execution.ts";

/** A filter as the wait options take it: a `Filter`, or a plain predicate. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WaitFilter = Filter<any> | FilterFn<any>;

/** pywa's `listen(...)` options. */
export interface ListenOptions {
  /** The user to wait on: their WhatsApp id (or BSUID). */
  to: string;
  /** The update that ends the wait. Default: any update of that user. */
  filters?: WaitFilter;
  /** Updates that end the wait with `ListenerCanceled`. */
  cancelers?: WaitFilter;
  /** Milliseconds until `ListenerTimeout`. Default: no deadline (the listener expires after `listeners.maxIdleMs`). */
  timeout?: number;
  /** Swallow the user's other messages and clicks while waiting. Default false here, true for `waitFor…`. */
  ignoreUpdates?: boolean;
  /** The business phone number id the user writes to. Default: the client's `phoneId`. */
  sender?: string;
}

/** The options of `sent.waitForReply`, `waitForClick`, … */
export interface WaitOptions {
  filters?: WaitFilter;
  cancelers?: WaitFilter;
  timeout?: number;
  /** Swallow the user's other messages while waiting (default true); false passes them to the ordinary handlers. */
  ignoreUpdates?: boolean;
}

const asFilter = (f: WaitFilter): Filter<AnyUpdate> => (f instanceof Filter ? f : new Filter(f));

const present = (checks: (WaitFilter | undefined)[]) => checks.filter((c): c is WaitFilter => c !== undefined).map(asFilter);

/** Every condition, in order, short-circuiting; sync until one of them is async (the filters' own `and`). */
export function allOf(...checks: (WaitFilter | undefined)[]): WaitSpec["filter"] {
  return and(...present(checks)).check;
}

/** Any condition (the filters' own `or`); undefined when there is none, so nothing cancels. */
export function anyOf(...checks: (WaitFilter | undefined)[]): WaitSpec["filter"] | undefined {
  const filters = present(checks);
  return filters.length === 0 ? undefined : or(...filters).check;
}

export const ofKind = (...kinds: UpdateKind[]) => (_: WhatsApp, u: AnyUpdate) => kinds.includes(u.kind);
export const replyingTo = (id: string) => (_: WhatsApp, u: AnyUpdate) =>
  (u as { replyToMessage?: { messageId?: string } }).replyToMessage?.messageId === id;
export const statusOf = (id: string, ...statuses: string[]) => (_: WhatsApp, u: AnyUpdate) =>
  u.kind === "messageStatus" && u.id === id && statuses.includes(String(u.status).toLowerCase());
export const userActed = (_: WhatsApp, u: AnyUpdate) => isUserAction(u);

/** Waits inside a named handler's run; anywhere else, a clear error. */
export function waitFor(wa: WhatsApp, what: string, spec: WaitSpec): Promise<AnyUpdate> {
  const execution = executionOf(wa);
  if (!execution) {
    throw new TypeError(
      `${what} works inside a handler that can be resumed: one with a unique name (a named function, or ` +
        `the { name } option), using the \`wa\` (or the update) the handler was given, not a client from outside it.`,
    );
  }
  if (spec.timeout !== undefined && !(spec.timeout > 0 && Number.isFinite(spec.timeout))) {
    throw new RangeError(`${what}: timeout must be a positive number of milliseconds`);
  }
  return execution.wait(spec);
}
