import type { WhatsApp } from "../client/whatsapp.ts";
import type { UpdateKind, UpdateKinds } from "../updates/kinds.ts";
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

const HANDLER = Symbol.for("edgewa.handler");

/**
 * A registered (or registrable) handler: the update kind it is for, an optional
 * filter and a priority. Handlers are plain values so that a module can export them
 * and `wa.loadHandlersModules(module)` can pick them up.
 */
export interface Handler<K extends UpdateKind = UpdateKind> {
  readonly kind: K;
  readonly callback: HandlerCallback<UpdateKinds[K]>;
  readonly filter: Filter<UpdateKinds[K]> | undefined;
  readonly priority: number;
  /** The `name` option, else the function's name ("" for an anonymous function). */
  readonly name: string;
  /** Whether the name was given with the `name` option. */
  readonly explicitName: boolean;
  readonly [HANDLER]: true;
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
export interface OnUpdate<K extends UpdateKind, R> {
  (callback: HandlerCallback<UpdateKinds[K]>, options?: HandlerOptions): R;
  (
    filter: Filter<UpdateKinds[K]> | FilterFn<UpdateKinds[K]> | undefined,
    callback: HandlerCallback<UpdateKinds[K]>,
    options?: HandlerOptions,
  ): R;
}

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
  const options = (third as HandlerOptions | undefined) ?? {};
  const priority = options.priority ?? 0;
  if (!Number.isFinite(priority)) throw new TypeError(`on${capitalize(kind)}: priority must be a finite number`);
  if (options.name !== undefined && (typeof options.name !== "string" || options.name === "")) {
    throw new TypeError(`on${capitalize(kind)}: name must be a non-empty string`);
  }
  return Object.freeze({
    kind,
    callback: second as HandlerCallback<UpdateKinds[K]>,
    filter: filter as Filter<UpdateKinds[K]> | undefined,
    priority,
    name: options.name ?? (second as { name?: string }).name ?? "",
    explicitName: options.name !== undefined,
    [HANDLER]: true as const,
  });
}

function capitalize(kind: string): string {
  return kind === "raw" ? "RawUpdate" : kind[0]!.toUpperCase() + kind.slice(1);
}
