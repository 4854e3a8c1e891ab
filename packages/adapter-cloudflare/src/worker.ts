import type { WhatsApp } from "@edgewa/core";
import { setStoreAlarmHook } from "./store-object.ts";
import type { ExecutionContextLike, ScheduledControllerLike } from "./types.ts";

/** Builds the client from the Worker's bindings (secrets and vars come from `env`, never from code). */
export type ClientFactory<E> = (env: E) => WhatsApp | Promise<WhatsApp>;

/** The Worker's module handlers: `export default defineWorker(...)`. */
export interface EdgewaWorker<E> {
  fetch(request: Request, env: E, ctx: ExecutionContextLike): Promise<Response>;
  scheduled(controller: ScheduledControllerLike, env: E, ctx: ExecutionContextLike): Promise<void>;
}

/**
 * The Worker entry: `export default defineWorker((env) => createBot({ … }))`.
 *
 * - The factory runs once per isolate per `env` object (the client, its handlers and
 *   its imported keys are reused by every request the isolate serves).
 * - `fetch` serves `wa.fetch` with `ctx.waitUntil`: Meta gets its 200 as soon as the
 *   update is verified and parsed, and the handlers run after the response.
 * - `scheduled` (a cron trigger) runs `wa.sweep()` inside `ctx.waitUntil`: due
 *   listener timeouts fire even when the user never writes again.
 * - The alarms of `EdgewaStoreObject` run the same `wa.sweep()` (see `setStoreAlarmHook`).
 */
export function defineWorker<E extends object>(factory: ClientFactory<E>): EdgewaWorker<E> {
  if (typeof factory !== "function") throw new TypeError("defineWorker: pass a function (env) => WhatsApp");
  const clients = new WeakMap<E, Promise<WhatsApp>>();

  const clientFor = (env: E): Promise<WhatsApp> => {
    let client = clients.get(env);
    if (client === undefined) {
      client = Promise.resolve().then(() => factory(env));
      clients.set(env, client);
      // A factory that failed (a missing secret) is tried again on the next request.
      client.catch(() => clients.delete(env));
    }
    return client;
  };

  setStoreAlarmHook((env) => clientFor(env as E).then((wa) => wa.sweep()));

  return {
    async fetch(request, env, ctx) {
      let wa: WhatsApp;
      try {
        wa = await clientFor(env);
      } catch (error) {
        console.error("[edgewa] defineWorker: building the client failed:", error);
        return new Response("Internal Server Error", { status: 500 });
      }
      return wa.fetch(request, { waitUntil: (promise: Promise<unknown>) => ctx.waitUntil(promise) });
    },

    async scheduled(_controller, env, ctx) {
      const sweep = clientFor(env).then((wa) => wa.sweep());
      ctx.waitUntil(sweep);
      await sweep;
    },
  };
}
