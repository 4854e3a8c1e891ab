import type { WhatsApp } from "@edgewa/core";
import { clientResolver, type ClientSource } from "./client.ts";
import { resolveWaitUntil, type WaitUntilOption } from "./wait-until.ts";

/** A web-standard handler: what a route file exports per method, and what a Vercel function's `fetch` is. */
export type FetchHandler = (request: Request) => Promise<Response>;

export interface VercelOptions {
  /** See `WaitUntilOption`. Default `"auto"`. */
  waitUntil?: WaitUntilOption;
  /**
   * - `"webhook"` (default): every request is the webhook (`wa.handleWebhook`), whatever
   *   its path: the file's place in `app/` or `api/` is the route.
   * - `"client"`: `wa.fetch`, which routes by the client's `webhookEndpoint` and flow
   *   endpoint paths (404 elsewhere): for a catch-all route such as `app/[...path]/route.ts`.
   */
  route?: "webhook" | "client";
}

/** A plain-text 500 that says nothing about the cause (Meta retries it). */
export function internalError(): Response {
  return new Response("Internal Server Error", {
    status: 500,
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}

/** Logs through the client's (redacting) logger when there is one. */
export function logError(wa: WhatsApp | undefined, message: string, error: unknown): void {
  (wa?.logger ?? console).error(`[edgewa/vercel] ${message}`, error);
}

/** The webhook as one fetch handler, with the `waitUntil` chosen per request. */
export function webhookHandler(source: ClientSource, options: VercelOptions = {}): FetchHandler {
  resolveWaitUntil(options.waitUntil); // a bad option fails at import time, not on Meta's first delivery
  const route = options.route ?? "webhook";
  if (route !== "webhook" && route !== "client") throw new TypeError(`route must be "webhook" or "client", got ${String(route)}`);
  const getClient = clientResolver(source);

  return async (request) => {
    let wa: WhatsApp | undefined;
    try {
      wa = await getClient();
      const waitUntil = resolveWaitUntil(options.waitUntil);
      const receive = waitUntil ? { waitUntil } : {};
      return await (route === "client" ? wa.fetch(request, receive) : wa.handleWebhook(request, receive));
    } catch (error) {
      logError(wa, wa ? "the webhook failed:" : "could not create the WhatsApp client:", error);
      return internalError();
    }
  };
}
