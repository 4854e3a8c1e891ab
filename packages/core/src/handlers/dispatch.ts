import type { WhatsApp } from "../client/whatsapp.ts";
import { ContinueHandling, StopHandling } from "./control.ts";
import type { AnyHandler } from "./handler.ts";

export interface DispatchResult {
  /** At least one handler's filter matched (its callback ran, even if it threw). */
  handled: boolean;
  /** What the callbacks (or filters) threw, in order; StopHandling/ContinueHandling excluded. */
  errors: unknown[];
}

/**
 * Walks one kind's handlers in order, as pywa does: the first handler whose filter
 * matches runs and ends the chain, unless `continueHandling` is on or the handler
 * calls `update.continueHandling()`; `update.stopHandling()` ends it in any case.
 * Filters and callbacks may be sync or async; a sync one is not awaited.
 */
export async function dispatch(
  wa: WhatsApp,
  handlers: readonly AnyHandler[],
  update: unknown,
  continueHandling: boolean,
): Promise<DispatchResult> {
  let handled = false;
  const errors: unknown[] = [];
  for (const handler of handlers) {
    try {
      if (handler.filter) {
        const ok = handler.filter.check(wa, update as never);
        if (!(typeof ok === "boolean" ? ok : await ok)) continue;
      }
      const result = handler.callback(wa, update as never);
      if (isPromiseLike(result)) await result;
      handled = true;
    } catch (error) {
      if (error instanceof StopHandling) {
        handled = true;
        break;
      }
      if (error instanceof ContinueHandling) continue;
      handled = true;
      errors.push(error);
    }
    if (!continueHandling) break;
  }
  return { handled, errors };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
