import type { WhatsApp } from "../client/whatsapp.ts";
import { isListenerError } from "../listen/errors.ts";
import { Execution } from "../listen/execution.ts";
import type { ListenContext } from "../listen/context.ts";
import { BIND_CLIENT } from "../updates/base.ts";
import type { AnyUpdate } from "../updates/kinds.ts";
import { ContinueHandling, StopHandling } from "./control.ts";
import { decodeUpdate } from "./callback-data.ts";
import type { AnyHandler } from "./handler.ts";
import type { HandlerRegistry } from "./registry.ts";

export interface DispatchResult {
  /** At least one handler's filter matched (its callback ran, even if it threw). */
  handled: boolean;
  /** What the callbacks (or filters) threw, in order; StopHandling/ContinueHandling excluded. */
  errors: unknown[];
}

/** What dispatch needs to run handlers that may wait. */
export interface DispatchDeps {
  ctx: ListenContext;
  registry: HandlerRegistry;
}

/**
 * Walks one kind's handlers in order, as pywa does: the first handler whose filter
 * matches runs and ends the chain, unless `continueHandling` is on or the handler
 * calls `update.continueHandling()`; `update.stopHandling()` ends it in any case.
 * Filters and callbacks may be sync or async; a sync one is not awaited.
 *
 * A handler with a unique name runs as an execution (see listen/), so that it may
 * wait for the user's next update; one that waits counts as handled.
 *
 * A handler with a `factory` sees only updates whose data is the factory's, decoded
 * (its filter too); data that has the factory's prefix but does not decode is that
 * handler's error, as in pywa.
 */
export async function dispatch(
  wa: WhatsApp,
  handlers: readonly AnyHandler[],
  update: AnyUpdate,
  continueHandling: boolean,
  deps?: DispatchDeps,
): Promise<DispatchResult> {
  let handled = false;
  const errors: unknown[] = [];
  for (const handler of handlers) {
    try {
      const seen = handler.factory ? decodeUpdate(handler.factory, update) : update;
      if (seen === undefined) continue;
      if (handler.filter) {
        const ok = handler.filter.check(wa, seen as never);
        if (!(typeof ok === "boolean" ? ok : await ok)) continue;
      }
      if (deps && deps.registry.byName(handler.name) === handler) {
        const outcome = await new Execution(deps.ctx, handler, deps.registry.fingerprint(handler)).run(seen);
        update[BIND_CLIENT](undefined);
        if (outcome.type === "error") throw outcome.error;
      } else {
        const result = handler.callback(wa, seen as never);
        if (isPromiseLike(result)) await result;
      }
      handled = true;
    } catch (error) {
      if (error instanceof StopHandling) {
        handled = true;
        break;
      }
      if (error instanceof ContinueHandling) continue;
      handled = true;
      // A wait the handler did not catch (timeout, cancel) ends it quietly.
      if (!isListenerError(error)) errors.push(error);
    }
    if (!continueHandling) break;
  }
  return { handled, errors };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
