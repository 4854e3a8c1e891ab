import { waitUntil as vercelFunctionsWaitUntil } from "@vercel/functions";

/** Keeps a promise running after the response has been returned. */
export type WaitUntil = (promise: Promise<unknown>) => void;

/**
 * How handlers are kept running after the response:
 *
 * - `"auto"` (default): inside a Vercel function (the Vercel runtime installed a
 *   request context with a `waitUntil`), `waitUntil` from `@vercel/functions`: the
 *   `200` goes back to Meta first and the handlers run after it. Anywhere else
 *   (`next dev`, `next start`, tests, another host) `@vercel/functions`' `waitUntil`
 *   silently does nothing, so the adapter passes none: the handlers finish before the
 *   response, as on Lambda.
 * - a function: always this one, e.g. `(p) => after(p)` with `after` from
 *   `next/server` on a self-hosted Next.js server.
 * - `false`: never; the handlers always finish before the response.
 */
export type WaitUntilOption = "auto" | WaitUntil | false;

/** Where the Vercel runtime keeps the per-request context (read by `@vercel/functions`' `getContext`). */
const VERCEL_REQUEST_CONTEXT = Symbol.for("@vercel/request-context");

interface VercelContextHolder {
  get?: () => { waitUntil?: unknown } | undefined;
}

/**
 * `@vercel/functions`' `waitUntil` when the current request runs inside a Vercel
 * function, else undefined. Outside Vercel, `@vercel/functions`' `waitUntil` finds no
 * request context and drops the promise without a word (it still runs, but nothing
 * keeps the function alive for it and nobody awaits it): this tells the two apart.
 */
export function vercelWaitUntil(): WaitUntil | undefined {
  const holder = (globalThis as Record<symbol, VercelContextHolder | undefined>)[VERCEL_REQUEST_CONTEXT];
  const context = holder?.get?.();
  return typeof context?.waitUntil === "function" ? vercelFunctionsWaitUntil : undefined;
}

/** The `waitUntil` to hand the client for this request (undefined: finish handlers first). */
export function resolveWaitUntil(option: WaitUntilOption = "auto"): WaitUntil | undefined {
  if (option === false) return undefined;
  if (option === "auto") return vercelWaitUntil();
  if (typeof option === "function") return option;
  throw new TypeError(`waitUntil must be "auto", false or a function, got ${String(option)}`);
}
