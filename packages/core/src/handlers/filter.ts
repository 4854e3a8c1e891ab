import type { WhatsApp } from "../client/whatsapp.ts";

/** A filter's answer: sync or async, as the user wrote it. */
export type FilterResult = boolean | Promise<boolean>;
export type FilterFn<U> = (wa: WhatsApp, update: U) => FilterResult;

/**
 * A predicate over updates of type `U` that composes with `and`, `or` and `not`.
 * Composition short-circuits left to right and stays synchronous until a part
 * actually returns a promise, so the common all-sync chain never allocates one.
 */
export class Filter<U = unknown> {
  readonly check: FilterFn<U>;
  readonly name: string;

  constructor(check: FilterFn<U>, name = check.name || "filter") {
    this.check = check;
    this.name = name;
  }

  /** Both must match. The update is checked against both, so it must satisfy both types. */
  and<V>(other: Filter<V>): Filter<U & V> {
    return and<U & V>(this as Filter<U & V>, other as Filter<U & V>);
  }

  /** Either may match; the right side is only asked when the left one says no. */
  or<V>(other: Filter<V>): Filter<U & V> {
    return or<U & V>(this as Filter<U & V>, other as Filter<U & V>);
  }

  /** The opposite. */
  not(): Filter<U> {
    return not(this);
  }

  toString(): string {
    return this.name;
  }
}

/** Chains a possibly-async boolean into `next` without creating a promise for sync values. */
function then(result: FilterResult, next: (value: boolean) => FilterResult): FilterResult {
  return typeof result === "boolean" ? next(result) : result.then(next);
}

/** All filters must match (short-circuit, left to right). */
export function and<U>(...filters: Filter<U>[]): Filter<U> {
  const step = (wa: WhatsApp, u: U, i: number): FilterResult =>
    i === filters.length ? true : then(filters[i]!.check(wa, u), (ok) => (ok ? step(wa, u, i + 1) : false));
  return new Filter<U>((wa, u) => step(wa, u, 0), `(${filters.map(String).join(" & ")})`);
}

/** At least one filter must match (short-circuit, left to right). */
export function or<U>(...filters: Filter<U>[]): Filter<U> {
  const step = (wa: WhatsApp, u: U, i: number): FilterResult =>
    i === filters.length ? false : then(filters[i]!.check(wa, u), (ok) => (ok ? true : step(wa, u, i + 1)));
  return new Filter<U>((wa, u) => step(wa, u, 0), `(${filters.map(String).join(" | ")})`);
}

/** The filter must not match. */
export function not<U>(filter: Filter<U>): Filter<U> {
  return new Filter<U>((wa, u) => then(filter.check(wa, u), (ok) => !ok), `~${filter.name}`);
}

/** A filter from a function `(wa, update) => boolean | Promise<boolean>` (pywa's `filters.new`). */
export function newFilter<U>(fn: FilterFn<U>, name?: string): Filter<U> {
  return new Filter<U>(fn, name);
}
