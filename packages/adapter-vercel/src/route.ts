import type { ClientSource } from "./client.ts";
import { webhookHandler, type FetchHandler, type VercelOptions } from "./serve.ts";

/** The methods of a Next.js App Router `route.ts` that serves the webhook. */
export interface WebhookRoute {
  /** Meta's verification challenge. */
  GET: FetchHandler;
  /** Signed updates. */
  POST: FetchHandler;
}

/**
 * The webhook as Next.js App Router route handlers, on the Node.js or the Edge runtime:
 *
 * ```ts
 * // app/api/whatsapp/route.ts
 * export const { GET, POST } = toRoute(() => createBot());
 * ```
 *
 * Inside a Vercel function the `200` goes back before the handlers run
 * (`waitUntil` from `@vercel/functions`); elsewhere they finish first (see `WaitUntilOption`).
 */
export function toRoute(source: ClientSource, options: VercelOptions = {}): WebhookRoute {
  const handler = webhookHandler(source, options);
  return { GET: handler, POST: handler };
}

/**
 * The webhook as a plain Vercel function (`api/whatsapp.ts` outside Next.js), in the
 * web-standard shape Vercel's Node.js and Edge runtimes call:
 *
 * ```ts
 * export default toFunction(() => createBot());
 * ```
 */
export function toFunction(source: ClientSource, options: VercelOptions = {}): { fetch: FetchHandler } {
  return { fetch: webhookHandler(source, options) };
}
