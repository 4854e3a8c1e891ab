import type { WhatsApp } from "@edgewa/core";

/**
 * The client a route serves: the instance itself, or a function that makes it
 * (sync or async) on the first request. A function keeps the client out of module
 * scope, so `next build` (which imports route modules) never constructs it, and lets
 * the client be built from request-time environment or a lazily imported store.
 */
export type ClientSource<W = WhatsApp> = W | (() => W | Promise<W>);

/**
 * Resolves a `ClientSource` to one client for the life of the isolate: the factory
 * runs once, and again only after it failed (a rejected build is not cached).
 */
export function clientResolver<W extends object>(source: ClientSource<W>): () => Promise<W> {
  if (typeof source !== "function") {
    const ready = Promise.resolve(source);
    return () => ready;
  }
  const make = source as () => W | Promise<W>;
  let pending: Promise<W> | undefined;
  return () =>
    (pending ??= Promise.resolve()
      .then(make)
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      }));
}
