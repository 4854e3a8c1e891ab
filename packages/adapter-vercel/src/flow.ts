import type { WhatsApp } from "@edgewa/core";
import { clientResolver, type ClientSource } from "./client.ts";
import { internalError, logError, type FetchHandler } from "./serve.ts";

/**
 * A flow data endpoint as a Next.js route (or, with `.POST` as `fetch`, a Vercel
 * function). `path` is the path the endpoint was registered under, normally the
 * route's own URL path:
 *
 * ```ts
 * // app/api/flows/signup/route.ts
 * export const { POST } = toFlowRoute(getBot, "/api/flows/signup");
 * // where getBot() did wa.onFlowRequest("/api/flows/signup", handler)
 * ```
 *
 * Decryption, `ping`, signatures and status codes are the core endpoint's
 * (`wa.getFlowRequestHandler(path)`), looked up once per client. A client with no
 * endpoint at `path` answers 500 and logs why.
 */
export function toFlowRoute(source: ClientSource, path: string): { POST: FetchHandler } {
  if (typeof path !== "string" || path.trim() === "") throw new TypeError("toFlowRoute: the path must be a non-empty string");
  const getClient = clientResolver(source);
  const endpoints = new WeakMap<WhatsApp, FetchHandler>();

  const POST: FetchHandler = async (request) => {
    let wa: WhatsApp | undefined;
    try {
      wa = await getClient();
      let endpoint = endpoints.get(wa);
      if (!endpoint) {
        endpoint = wa.getFlowRequestHandler(path);
        endpoints.set(wa, endpoint);
      }
      return await endpoint(request);
    } catch (error) {
      logError(wa, wa ? `the flow endpoint ${path} failed:` : "could not create the WhatsApp client:", error);
      return internalError();
    }
  };
  return { POST };
}
