import type { Context, ScheduledEvent } from "aws-lambda";
import { isClient, type LambdaClientSource } from "./handler.ts";

/** What a sweep's client factory is told. */
export interface ScheduledInvocation {
  event: ScheduledEvent;
  context: Context | undefined;
}

export type ScheduledHandler = (event: ScheduledEvent, context: Context) => Promise<{ resumed: number }>;

/**
 * A handler for an EventBridge schedule (e.g. `rate(1 minute)`) that runs `wa.sweep()`:
 * it fires the listener timeouts that are due, so a user who never answers still gets
 * the handler's `ListenerTimeout` branch. Returns (and so logs) how many it resumed.
 * Give it the same handlers as the webhook function (the same `createBot`), since a
 * timed-out conversation resumes in the sweeping invocation.
 */
export function toScheduledHandler(source: LambdaClientSource<ScheduledInvocation>): ScheduledHandler {
  if (!isClient(source) && typeof source !== "function") {
    throw new TypeError("toScheduledHandler: pass a WhatsApp client or a function that returns one");
  }
  return async (event, context) => {
    const wa = isClient(source) ? source : await source({ event, context });
    if (!isClient(wa)) throw new TypeError("toScheduledHandler: the client factory did not return a WhatsApp client");
    return wa.sweep();
  };
}
