import { Hono } from "hono";
import type { FlowEndpoints } from "../flows/register.ts";
import { readBody } from "./body.ts";
import { answerChallenge } from "./challenge.ts";
import type { ReceiveOptions, WebhookReceiver } from "./receive.ts";
import { RESULTS, toResponse } from "./responses.ts";

/**
 * The webhook itself, whatever the request's path: GET answers the verification
 * challenge, POST receives updates, anything else is 405. Platforms that route by
 * themselves (a Next.js route file, a Lambda behind a path) call this directly.
 */
export async function serveWebhook(config: RouterConfig, request: Request, options: ReceiveOptions): Promise<Response> {
  if (request.method === "GET") {
    const q = new URL(request.url).searchParams;
    return toResponse(answerChallenge(config.verifyToken, q.get("hub.mode"), q.get("hub.verify_token"), q.get("hub.challenge")));
  }
  if (request.method !== "POST") return toResponse(RESULTS.methodNotAllowed, { allow: "GET, POST" });
  const body = await readBody(request, config.maxBodyBytes);
  if (!body.ok) return toResponse(RESULTS.tooLarge);
  const result = await config.receiver.receive(body.bytes, request.headers.get("x-hub-signature-256"), options);
  return toResponse(result, result.status === 503 ? { "retry-after": "30" } : undefined);
}

export interface RouterConfig {
  path: string;
  /** Flow endpoints, looked up per request (Hono refuses routes added after its first request). */
  flows?: FlowEndpoints;
  maxBodyBytes: number;
  verifyToken: string | undefined;
  receiver: WebhookReceiver;
  onUnexpected: (error: unknown) => void;
}

type Env = { Bindings: ReceiveOptions };

/**
 * The HTTP surface of a client, as one Hono app: GET/POST on the webhook path,
 * 405 for other methods there, 404 elsewhere. Flow endpoints join it later.
 */
export function createRouter(config: RouterConfig): Hono<Env> {
  const app = new Hono<Env>();
  app.on(["GET", "POST"], config.path, (c) => serveWebhook(config, c.req.raw, c.env ?? {}));
  app.all(config.path, () => toResponse(RESULTS.methodNotAllowed, { allow: "GET, POST" }));
  app.all("*", async (c, next) => {
    const endpoint = config.flows?.match(c.req.path);
    if (!endpoint) return next();
    return endpoint(c.req.raw);
  });
  app.notFound(() => toResponse(RESULTS.notFound));
  app.onError((error) => {
    config.onUnexpected(error);
    return toResponse(RESULTS.internalError);
  });
  return app;
}
