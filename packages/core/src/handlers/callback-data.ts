import type { AnyCallbackDataFactory, CallbackDataOf } from "../callback-data/factory.ts";
import { type CallbackDataCarriers, type CallbackDataKind, callbackDataFieldOf } from "../callback-data/carriers.ts";
import type { WhatsApp } from "../client/whatsapp.ts";
import type { UpdateKinds } from "../updates/kinds.ts";
import type { HandlerCallback } from "./handler.ts";

/**
 * An update as a `{ factory }` handler sees it (pywa's `CallbackButton[UserData]`):
 * `data` (or `tracker`, for statuses) decoded by the factory, the rest unchanged.
 *
 *   async function ship(wa: WhatsApp, btn: WithCallbackData<CallbackButton, typeof OrderAction>) { … }
 */
export type WithCallbackData<U, C> = U extends { readonly kind: infer K extends CallbackDataKind }
  ? Omit<U, CallbackDataCarriers[K]> & { readonly [P in CallbackDataCarriers[K]]: CallbackDataOf<C> }
  : never;

/** The update a handler of kind `K` with factory `C` is called with. */
export type FactoryUpdate<K extends CallbackDataKind, C> = WithCallbackData<UpdateKinds[K], C>;

/** Decoded views, and the factory that made each: a view handed back to the runner is not decoded twice. */
const views = new WeakMap<object, AnyCallbackDataFactory>();

/**
 * The update with its callback data decoded, as pywa's `dataclasses.replace(update,
 * data=factory.from_str(data))` makes it; undefined when the data is not the
 * factory's (the handler is skipped). A decode that fails after the prefix matched
 * throws, and dispatch reports it as the handler's error.
 *
 * Updates are classes with private fields, so a copy or an `Object.create` child
 * would break their methods (`reply`, …): the view is a proxy that answers the one
 * field itself and runs everything else against the update.
 */
export function decodeUpdate<U extends object>(factory: AnyCallbackDataFactory, update: U): U | undefined {
  if (views.get(update) === factory) return update;
  const field = callbackDataFieldOf((update as { kind?: unknown }).kind);
  if (field === undefined) return undefined;
  const text: unknown = (update as Record<string, unknown>)[field];
  if (!factory.matches(text)) return undefined;
  const data = factory.decode(text);
  const bound = new Map<PropertyKey, { of: unknown; method: unknown }>();
  const view = new Proxy(update, {
    get(target, key) {
      if (key === field) return data;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function" || key === "constructor") return value;
      // Methods run on the update itself, where its private fields are.
      let entry = bound.get(key);
      if (entry?.of !== value) {
        entry = { of: value, method: (value as (...args: unknown[]) => unknown).bind(target) };
        bound.set(key, entry);
      }
      return entry.method;
    },
    getOwnPropertyDescriptor(target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      return key === field && descriptor ? { ...descriptor, value: data } : descriptor;
    },
  });
  views.set(view, factory);
  return view;
}

/**
 * What a `{ factory }` handler runs: the user's callback with the update decoded.
 * Dispatch hands it the decoded view already; a waiting handler resumed from the
 * store gets the stored update again, which is decoded here.
 */
export function decodingCallback<U extends object>(
  factory: AnyCallbackDataFactory,
  callback: HandlerCallback<never>,
): HandlerCallback<U> {
  return (wa: WhatsApp, update: U) => {
    const view = decodeUpdate(factory, update);
    if (view === undefined) {
      throw new TypeError(`a handler with factory "${factory.id}" got an update whose data is not ${factory.id} data`);
    }
    return (callback as HandlerCallback<U>)(wa, view);
  };
}
