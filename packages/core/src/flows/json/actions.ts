/**
 * Actions (`on-click-action`, `on-select-action`, …): navigate, complete,
 * data_exchange, and from Flow JSON 6.0 update_data and open_url.
 */
import { child, requireVersion, type SerializeContext } from "./context.ts";
import { ScreenDataUpdate } from "./data.ts";
import type { NextType } from "./enums.ts";
import { FlowNode, serializeRecord, serializeValue } from "./serialize.ts";

/** A payload: keys kept, values may be literals, references, expressions or DataSources. */
export type ActionPayload = Readonly<Record<string, unknown>>;

abstract class Action extends FlowNode {
  abstract readonly name: string;
}

/** An action that carries only a payload: `{ name, payload }`. */
abstract class PayloadAction extends Action {
  readonly payload: ActionPayload;

  constructor(init: { payload?: ActionPayload } = {}) {
    super();
    this.payload = init.payload ?? {};
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    return { name: this.name, payload: serializeRecord(this.payload, child(ctx, "payload")) };
  }
}

/** Sends the payload to the flow's data endpoint; the endpoint answers with the next screen. */
export class DataExchangeAction extends PayloadAction {
  readonly name = "data_exchange";
}

/** Where a NavigateAction goes: a screen (or a plugin). */
export class Next extends FlowNode {
  readonly name: string;
  readonly type: NextType;

  constructor(init: { name: string; type?: NextType }) {
    super();
    this.name = init.name;
    this.type = init.type ?? "screen";
  }

  serialize(): Record<string, unknown> {
    return { type: this.type, name: this.name };
  }
}

/** Opens the next screen with the payload as its data. */
export class NavigateAction extends Action {
  readonly name = "navigate";
  readonly next: Next;
  readonly payload: ActionPayload;

  /** `next`: a Next, `{ name, type? }`, or the screen id. */
  constructor(init: { next: Next | { name: string; type?: NextType } | string; payload?: ActionPayload }) {
    super();
    const next = init.next;
    this.next = next instanceof Next ? next : new Next(typeof next === "string" ? { name: next } : next);
    this.payload = init.payload ?? {};
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    return { name: this.name, next: this.next.serialize(), payload: serializeRecord(this.payload, child(ctx, "payload")) };
  }
}

/** Ends the flow; the payload arrives as the FlowCompletion's `response`. */
export class CompleteAction extends PayloadAction {
  readonly name = "complete";
}

/** Updates the current screen's data right away (Flow JSON 6.0). */
export class UpdateDataAction extends Action {
  readonly name = "update_data";
  readonly payload: readonly ScreenDataUpdate[] | ActionPayload;

  /** `payload`: `[data.update(v), …]` or `{ key: value }`. */
  constructor(init: { payload: readonly ScreenDataUpdate[] | ActionPayload }) {
    super();
    this.payload = init.payload;
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    requireVersion(ctx, "6.0", "The update_data action");
    const at = child(ctx, "payload");
    if (!Array.isArray(this.payload)) return { name: this.name, payload: serializeRecord(this.payload as ActionPayload, at) };
    const payload: Record<string, unknown> = {};
    for (const update of this.payload as readonly ScreenDataUpdate[]) {
      payload[update.key] = serializeValue(update.newValue, child(at, update.key));
    }
    return { name: this.name, payload };
  }
}

/** Opens a URL in the device's browser (Flow JSON 6.0). */
export class OpenUrlAction extends Action {
  readonly name = "open_url";
  readonly url: string;

  constructor(init: { url: string }) {
    super();
    this.url = init.url;
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    requireVersion(ctx, "6.0", "The open_url action");
    return { name: this.name, url: this.url };
  }
}

export type { Action };
