import type { UpdateKind } from "../updates/kinds.ts";
import { hash64 } from "../updates/hash.ts";
import { type AnyHandler, type HandlerCallback, functionOf } from "./handler.ts";

/**
 * The handlers of one client, one list per update kind, each kept sorted by
 * priority (highest first) with ties in registration order, so dispatch is a
 * plain walk over the list.
 */
export class HandlerRegistry {
  readonly #lists = new Map<UpdateKind, AnyHandler[]>();

  readonly #fingerprints = new WeakMap<AnyHandler, string>();
  /** Name → the one handler with it (null: several), built on demand; dispatch asks per handler per update. */
  #names: Map<string, AnyHandler | null> | undefined;

  add(...handlers: AnyHandler[]): void {
    for (const handler of handlers) {
      if (handler.explicitName && [...this.#all()].some((h) => h.name === handler.name && h !== handler)) {
        throw new Error(
          `A handler named "${handler.name}" is already registered: a waiting handler is resumed by its name, so names must be unique`,
        );
      }
      const list = this.#lists.get(handler.kind) ?? [];
      // Insert after every handler of equal or higher priority: stable ties.
      let i = list.length;
      while (i > 0 && list[i - 1]!.priority < handler.priority) i--;
      list.splice(i, 0, handler);
      this.#lists.set(handler.kind, list);
    }
    this.#names = undefined;
  }

  /** Removes these exact handlers; unknown ones are an error unless `silent`. */
  remove(handlers: AnyHandler[], silent = false): void {
    for (const handler of handlers) {
      const list = this.#lists.get(handler.kind);
      const i = list ? list.indexOf(handler) : -1;
      if (i === -1) {
        if (silent) continue;
        throw new Error(`Handler for "${handler.kind}" (${functionOf(handler).name || "anonymous"}) is not registered`);
      }
      list!.splice(i, 1);
    }
    this.#names = undefined;
  }

  /** Removes every handler, of any kind, whose callback is one of these. */
  removeCallbacks(callbacks: HandlerCallback<never>[]): void {
    const drop = new Set<unknown>(callbacks);
    for (const [kind, list] of this.#lists) {
      this.#lists.set(
        kind,
        list.filter((h) => !drop.has(functionOf(h))),
      );
    }
    this.#names = undefined;
  }

  /**
   * The one handler with this name, or undefined when none or several have it
   * (a waiting handler must be unambiguous to be resumed).
   */
  byName(name: string): AnyHandler | undefined {
    if (!name) return undefined;
    if (!this.#names) {
      this.#names = new Map();
      for (const h of this.#all()) {
        if (!h.name) continue;
        const found = this.#names.get(h.name);
        if (found === undefined) this.#names.set(h.name, h);
        else if (found !== null && functionOf(found) !== functionOf(h)) this.#names.set(h.name, null);
      }
    }
    return this.#names.get(name) ?? undefined;
  }

  /** A hash of the handler's name and code (and factory): a deploy that changes them changes it. */
  fingerprint(handler: AnyHandler): string {
    let print = this.#fingerprints.get(handler);
    if (print === undefined) {
      const factory = handler.factory ? `\u0000${handler.factory.id}\u0000${JSON.stringify(handler.factory.fields ?? null)}` : "";
      print = hash64(`${handler.name}\u0000${String(functionOf(handler))}${factory}`);
      this.#fingerprints.set(handler, print);
    }
    return print;
  }

  *#all(): Iterable<AnyHandler> {
    for (const list of this.#lists.values()) yield* list;
  }

  list(kind: UpdateKind): readonly AnyHandler[] {
    return this.#lists.get(kind) ?? EMPTY;
  }

  has(kind: UpdateKind): boolean {
    return (this.#lists.get(kind)?.length ?? 0) > 0;
  }
}

const EMPTY: readonly AnyHandler[] = Object.freeze([]);
