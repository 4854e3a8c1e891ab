/**
 * Control-flow sentinels, as pywa has them: `update.stopHandling()` ends the handler
 * chain for this update, `update.continueHandling()` moves on to the next matching
 * handler even when the client is configured to stop at the first match. Both may be
 * thrown from a handler or from a filter.
 */
export class StopHandling extends Error {
  constructor() {
    super("stopHandling() was called outside of a handler chain");
    this.name = "StopHandling";
  }
}

export class ContinueHandling extends Error {
  constructor() {
    super("continueHandling() was called outside of a handler chain");
    this.name = "ContinueHandling";
  }
}
