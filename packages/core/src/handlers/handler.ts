import { type CallbackDataKind, isCallbackDataKind } from "../callback-data/carriers.ts";
import { type AnyCallbackDataFactory, isCallbackDataFactory } from "../callback-data/factory.ts";
import type { WhatsApp } from "../client/whatsapp.ts";
import type { UpdateKind, UpdateKinds } from "../updates/kinds.ts";
import { type FactoryUpdate, decodingCallback } from "./callback-data.ts";
import { Filter, type FilterFn } from "./filter.ts";

/** What a handler is: `(wa, update)`, sync or async. Its return value is ignored. */
export type HandlerCallback<U> = (wa: WhatsApp, update: U) => unknown;

export interface HandlerOptions {
  /** Higher runs first; equal priorities run in registration order. Default 0. */
  priority?: number;
  /**
   * The name a waiting handler is stored and resumed under. Default: the function's
   * name. A handler that waits (`waitForReply`, `wa.listen`…) needs a name no other
   * handler has; two handlers given the same explicit name are an error.
   */
  name?: string;
}

/**
 * The options of a handler that decodes callback data (pywa's `factory=`), for
 * `onCallbackButton`, `onCallbackSelection` (the `data`) and `onMessageStatus`,
 * `onCallStatus` (the `tracker`).
 */
export interface FactoryHandlerOptions<C extends AnyCallbackDataFactory = AnyCallbackDataFactory> extends HandlerOptions {
  /**
   * Only updates whose data starts with the factory's `id~` reach the handler (and
   * its filter), with the data decoded: `btn.data.id` is a number. Other updates go
   * on to the next handler. Data that has the prefix but does not decode counts as
   * handled, and the TypeError goes to `onError` like a handler's.
   */
  factory: C;
}

const HANDLER = Symbol.for("edgewa.handler");
const FUNCTION = Symbol.for("edgewa.handlerFunction");

/**
 * A registered (or registrable) handler: the update kind it is for, an optional
 * filter and a priority. Handlers are plain values so that a module can export them
 * and `wa.loadHandlersModules(module)` can pick them up.
 */
export interface Handler<K extends UpdateKind = UpdateKind> {
  readonly kind: K;
  /**
   * What runs for a matching update: the function given, or for a `{ factory }`
   * handler a wrapper that decodes the update's data and then calls it.
   */
  readonly callback: HandlerCallback<UpdateKinds[K]>;
  /** The `factory` option, when the handler decodes callback data. */
  readonly factory: AnyCallbackDataFactory | undefined;
  /** Run on the decoded update when there is a `factory`. */
  readonly filter: Filter<UpdateKinds[K]> | undefined;
  readonly priority: number;
  /** The `name` option, else the function's name ("" for an anonymous function). */
  readonly name: string;
  /** Whether the name was given with the `name` option. */
  readonly explicitName: boolean;
  readonly [HANDLER]: true;
  readonly [FUNCTION]: HandlerCallback<never>;
}

/** The function a handler was registered with (its `callback` may wrap it). */
export function functionOf(handler: AnyHandler): HandlerCallback<never> {
  return handler[FUNCTION] ?? handler.callback;
}

/** A handler of any one kind (a union, so `Handler<"message">` fits in it). */
export type AnyHandler = { [K in UpdateKind]: Handler<K> }[UpdateKind];

export function isHandler(value: unknown): value is AnyHandler {
  return typeof value === "object" && value !== null && (value as { [HANDLER]?: unknown })[HANDLER] === true;
}

/**
 * How every `onX` registration is called:
 * `onMessage(handler)`, `onMessage(handler, { priority })`,
 * `onMessage(filter, handler)`, `onMessage(filter, handler, { priority })`.
 * A filter may be a `Filter` or a plain `(wa, update) => boolean` function.
 */
export interface OnPlainUpdate<K extends UpdateKind, R> {
  (callback: HandlerCallback<UpdateKinds[K]>, options?: HandlerOptions): R;
  (
    filter: Filter<UpdateKinds[K]> | FilterFn<UpdateKinds[K]> | undefined,
    callback: HandlerCallback<UpdateKinds[K]>,
    options?: HandlerOptions,
  ): R;
}

/**
 * The same with `{ factory }` (the kinds that carry callback data): the handler, and
 * a plain-function filter, get the update with its data decoded. A `Filter` object
 * typed for the plain update (every built-in one) fits too; it sees the decoded
 * update as well, whose text fields (`filters.matches`…) still hold the raw string.
 */
export interface OnFactoryUpdate<K extends CallbackDataKind, R> {
  <C extends AnyCallbackDataFactory>(callback: HandlerCallback<FactoryUpdate<K, C>>, options: FactoryHandlerOptions<C>): R;
  <C extends AnyCallbackDataFactory>(
    filter: Filter<UpdateKinds[K]> | Filter<FactoryUpdate<K, C>> | FilterFn<FactoryUpdate<K, C>> | undefined,
    callback: HandlerCallback<FactoryUpdate<K, C>>,
    options: FactoryHandlerOptions<C>,
  ): R;
}

/** Every call form of `wa.on<Kind>` and of the standalone `on<Kind>`. */
export type OnUpdate<K extends UpdateKind, R> = [K] extends [CallbackDataKind]
  ? OnFactoryUpdate<K, R> & OnPlainUpdate<K, R>
  : OnPlainUpdate<K, R>;

/** Builds a handler from any of the `OnUpdate` call forms. */
export function createHandler<K extends UpdateKind>(kind: K, args: unknown[]): Handler<K> {
  let [first, second, third] = args;
  if (typeof first === "function" && typeof second !== "function") {
    // onX(callback[, options]): no filter.
    third = second;
    second = first;
    first = undefined;
  }
  if (typeof second !== "function") {
    throw new TypeError(`on${capitalize(kind)}: expected a handler function, got ${typeof second}`);
  }
  const filter =
    first === undefined || first === null
      ? undefined
      : first instanceof Filter
        ? first
        : typeof first === "function"
          ? new Filter(first as FilterFn<UpdateKinds[K]>)
          : undefined;
  if (first != null && filter === undefined) {
    throw new TypeError(`on${capitalize(kind)}: the filter must be a Filter or a function, got ${typeof first}`);
  }
  const options = (third as Partial<FactoryHandlerOptions> | undefined) ?? {};
  const priority = options.priority ?? 0;
  if (!Number.isFinite(priority)) throw new TypeError(`on${capitalize(kind)}: priority must be a finite number`);
  if (options.name !== undefined && (typeof options.name !== "string" || options.name === "")) {
    throw new TypeError(`on${capitalize(kind)}: name must be a non-empty string`);
  }
  const factory = options.factory;
  if (factory !== undefined) {
    if (!isCallbackDataKind(kind)) {
      throw new TypeError(
        `on${capitalize(kind)}: the factory option is for onCallbackButton, onCallbackSelection, onMessageStatus and onCallStatus`,
      );
    }
    if (!isCallbackDataFactory(factory)) throw new TypeError(`on${capitalize(kind)}: factory must be made by callbackData(id, fields)`);
  }
  const fn = second as HandlerCallback<never>;
  return Object.freeze({
    kind,
    callback: (factory ? decodingCallback(factory, fn) : fn) as HandlerCallback<UpdateKinds[K]>,
    factory,
    filter: filter as Filter<UpdateKinds[K]> | undefined,
    priority,
    name: options.name ?? (second as { name?: string }).name ?? "",
    explicitName: options.name !== undefined,
    [HANDLER]: true as const,
    [FUNCTION]: fn,
  });
}

function capitalize(kind: string): string {
  return kind === "raw" ? "RawUpdate" : kind[0]!.toUpperCase() + kind.slice(1);
}
