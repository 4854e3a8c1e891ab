import type { WhatsApp } from "../../client/whatsapp.ts";
import { ContinueHandling, StopHandling } from "../control.ts";
import { Filter } from "../filter.ts";

/**
 * An update seen as a bag of unknown fields. Built-in filters read updates through
 * this view only, so that an update of the wrong shape (a status given to a
 * message filter, a hand-built object in a test) is answered with `false`, never
 * with a `TypeError`.
 */
export type Loose = { readonly [key: string]: unknown };

/** `value` as a `Loose` record when it is an object (functions included), else undefined. */
export function loose(value: unknown): Loose | undefined {
  return (typeof value === "object" && value !== null) || typeof value === "function"
    ? (value as Loose)
    : undefined;
}

/** `o[key]` as a string, or undefined. */
export function str(o: Loose | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === "string" ? v : undefined;
}

/** `o[key]` as a record, or undefined. */
export function rec(o: Loose | undefined, key: string): Loose | undefined {
  return loose(o?.[key]);
}

/** Case-insensitive equality of a field's value with an enum member (forward-compatible with either casing). */
export function is(value: unknown, expected: string): boolean {
  return typeof value === "string" && value.toLowerCase() === expected.toLowerCase();
}

/**
 * A built-in synchronous filter. `test` sees the update as a `Loose` record; a
 * non-object update, or a test that throws (a getter on an update of the wrong
 * shape), answers `false`. `StopHandling` / `ContinueHandling` still propagate, as
 * they do from any filter.
 */
export function builtin<U>(name: string, test: (u: Loose, wa: WhatsApp) => boolean): Filter<U> {
  return new Filter<U>((wa, update) => {
    const u = loose(update);
    if (u === undefined) return false;
    try {
      return test(u, wa) === true;
    } catch (error) {
      if (error instanceof StopHandling || error instanceof ContinueHandling) throw error;
      return false;
    }
  }, name);
}

/** The kinds whose updates are `Message` objects (pywa's `Message` and `OutgoingMessage`). */
const MESSAGE_KINDS: ReadonlySet<unknown> = new Set(["message", "outgoingMessage"]);

/** `u` is a message (incoming, or an outgoing echo: the same class in pywa). */
export function isMessage(u: Loose): boolean {
  return MESSAGE_KINDS.has(u.kind);
}

/** `u` is a message of this wire `type`. */
export function isMessageOfType(u: Loose, type: string): boolean {
  return isMessage(u) && u.type === type;
}

/** Splits a variadic argument list whose last element may be an options object. */
export function splitOptions<T, O extends object>(
  args: readonly (T | O)[],
  isValue: (arg: T | O) => arg is T,
): { values: T[]; options: Partial<O> } {
  const last = args[args.length - 1];
  if (args.length > 0 && !isValue(last as T | O)) {
    return { values: args.slice(0, -1) as T[], options: last as O };
  }
  return { values: args as T[], options: {} };
}

/** A filter's display name: `name(arg1, arg2)`. */
export function named(name: string, args: readonly unknown[]): string {
  return `${name}(${args.map((a) => (typeof a === "string" ? JSON.stringify(a) : String(a))).join(", ")})`;
}
