import type { UpdateKind } from "../updates/kinds.ts";
import type { AnyHandler, HandlerCallback } from "./handler.ts";

/**
 * The handlers of one client, one list per update kind, each kept sorted by
 * priority (highest first) with ties in registration order, so dispatch is a
 * plain walk over the list.
 */
export class HandlerRegistry {
  readonly #lists = new Map<UpdateKind, AnyHandler[]>();

  add(...handlers: AnyHandler[]): void {
    for (const handler of handlers) {
      const list = this.#lists.get(handler.kind) ?? [];
      // Insert after every handler of equal or higher priority: stable ties.
      let i = list.length;
      while (i > 0 && list[i - 1]!.priority < handler.priority) i--;
      list.splice(i, 0, handler);
      this.#lists.set(handler.kind, list);
    }
  }

  /** Removes these exact handlers; unknown ones are an error unless `silent`. */
  remove(handlers: AnyHandler[], silent = false): void {
    for (const handler of handlers) {
      const list = this.#lists.get(handler.kind);
      const i = list ? list.indexOf(handler) : -1;
      if (i === -1) {
        if (silent) continue;
        throw new Error(`Handler for "${handler.kind}" (${handler.callback.name || "anonymous"}) is not registered`);
      }
      list!.splice(i, 1);
    }
  }

  /** Removes every handler, of any kind, whose callback is one of these. */
  removeCallbacks(callbacks: HandlerCallback<never>[]): void {
    const drop = new Set<unknown>(callbacks);
    for (const [kind, list] of this.#lists) {
      this.#lists.set(
        kind,
        list.filter((h) => !drop.has(h.callback)),
      );
    }
  }

  list(kind: UpdateKind): readonly AnyHandler[] {
    return this.#lists.get(kind) ?? EMPTY;
  }

  has(kind: UpdateKind): boolean {
    return (this.#lists.get(kind)?.length ?? 0) > 0;
  }
}

const EMPTY: readonly AnyHandler[] = Object.freeze([]);
