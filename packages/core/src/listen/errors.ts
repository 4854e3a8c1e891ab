/**
 * What a waiting handler may be woken with instead of an update (pywa's listener
 * exceptions). They are thrown at the `await` of the wait, so a handler catches
 * them where it waits.
 */

/** The wait's `timeout` passed before a matching update arrived. */
export class ListenerTimeout extends Error {
  /** The timeout that passed, in milliseconds. */
  readonly timeout: number | undefined;
  constructor(timeout: number | undefined) {
    super(`No matching update arrived within ${timeout ?? "?"} ms`);
    this.name = "ListenerTimeout";
    this.timeout = timeout;
  }
}

/** An update matched one of the wait's `cancelers`. */
export class ListenerCanceled extends Error {
  /** The update that canceled the wait. */
  readonly update: unknown;
  constructor(update: unknown) {
    super("The wait was canceled by an update that matched a canceler");
    this.name = "ListenerCanceled";
    this.update = update;
  }
}

/**
 * The wait was ended from outside (`wa.stopListening`), the conversation outgrew
 * its log, or the handler's code changed since it started waiting.
 */
export class ListenerStopped extends Error {
  readonly reason: string | undefined;
  constructor(reason?: string) {
    super(reason ? `The listener was stopped: ${reason}` : "The listener was stopped");
    this.name = "ListenerStopped";
    this.reason = reason;
  }
}

export function isListenerError(error: unknown): boolean {
  return error instanceof ListenerTimeout || error instanceof ListenerCanceled || error instanceof ListenerStopped;
}
