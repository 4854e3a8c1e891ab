import type { HandlerRegistry } from "../handlers/registry.ts";
import type { StoreEntry } from "../store/store.ts";
import type { ListenContext } from "./context.ts";
import { isListenerError } from "./errors.ts";
import { Execution, type ResumeEvent } from "./execution.ts";
import { restore, type ListenerRecord } from "./record.ts";

/**
 * What became of an update (or a timeout) offered to a waiting listener:
 * - consumed: the conversation took it (resumed, canceled or timed out);
 * - swallowed: it did not match, and the wait ignores other user actions;
 * - passed: it does not concern the wait: ordinary handlers get it;
 * - busy: another delivery is running this conversation right now.
 */
export type ResumeOutcome = "consumed" | "swallowed" | "passed" | "busy";

const ATTEMPTS = 4;

export interface ResumeDeps {
  ctx: ListenContext;
  registry: HandlerRegistry;
  reportError: (error: unknown, handler: string) => Promise<void>;
}

/** Replays the listener under `key` with `event`, and says what came of it. */
export async function resumeListener(
  deps: ResumeDeps,
  key: string,
  event: ResumeEvent,
  entry?: StoreEntry<ListenerRecord>,
): Promise<ResumeOutcome> {
  const { ctx, registry } = deps;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    entry ??= await ctx.store.get<ListenerRecord>(key);
    if (!entry) return "passed";
    const record = entry.value;
    const now = ctx.now();
    if (record.leaseUntil !== undefined && record.leaseUntil > now) return "busy";

    const handler = registry.byName(record.handler);
    if (!handler || registry.fingerprint(handler) !== record.fingerprint) {
      await ctx.store.delete(key, { ifVersion: entry.version });
      ctx.logger.warn(
        `[edgewa] listener "${record.handler}" for ${record.user} ended (ListenerStopped): ` +
          (handler ? "the handler's code changed since it started waiting" : "no handler of that name is registered any more"),
      );
      return "passed";
    }

    // An update after the deadline first delivers the timeout; the update itself
    // then goes on to the ordinary handlers.
    const late = event.type === "update" && record.deadline !== undefined && record.deadline <= now;
    const resume: ResumeEvent = late ? { type: "timeout" } : event;
    const execution = new Execution(ctx, handler, record.fingerprint, { record, version: entry.version, resume });
    const trigger = restore(ctx.root, record.trigger);
    if (!trigger) {
      await ctx.store.delete(key, { ifVersion: entry.version });
      return "passed";
    }
    // A lease that ran out: the run that took a wait died before its next one. Take
    // the lease, so that the calls its tail makes for real from here are recorded.
    if (record.leaseUntil !== undefined && !(await execution.takeOver())) {
      entry = undefined;
      continue;
    }
    const outcome = await execution.run(trigger);

    if (outcome.type === "suspended") {
      if (outcome.reason === "conflict") {
        entry = undefined;
        continue;
      }
      // Another delivery took the conversation over from this run: an update this run
      // had taken is spent; one it had not is that delivery's to meet.
      if (outcome.reason === "lostLease") return execution.consumed ? "consumed" : "busy";
      if (outcome.reason === "passed" || outcome.reason === "swallowed") return outcome.reason;
      if (outcome.reason === "notDue") return "passed";
      // "waiting": the conversation took the event and waits again.
      return late || !execution.consumed ? "passed" : "consumed";
    }
    // The handler finished (or threw): the conversation is over.
    await ctx.store.delete(key, execution.version ? { ifVersion: execution.version } : {});
    if (outcome.type === "error") {
      if (isListenerError(outcome.error)) ctx.logger.debug(`[edgewa] listener "${record.handler}" ended with ${(outcome.error as Error).name}`);
      else await deps.reportError(outcome.error, record.handler);
    }
    return late || !execution.consumed || execution.diverged ? "passed" : "consumed";
  }
  return "busy";
}
