import { Hono } from "hono";
import { readBody } from "./body.ts";
import { answerChallenge } from "./challenge.ts";
import type { ReceiveOptions, WebhookReceiver } from "./receive.ts";
import { RESULTS, toResponse } from "./responses.ts";

export interface RouterConfig {
  path: string;
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
  app.get(config.path, (c) => {
    const q = new URL(c.req.url).searchParams;
    return toResponse(answerChallenge(config.verifyToken, q.get("hub.mode"), q.get("hub.verify_token"), q.get("hub.challenge")));
  });
  app.post(config.path, async (c) => {
    const body = await readBody(c.req.raw, config.maxBodyBytes);
    if (!body.ok) return toResponse(RESULTS.tooLarge);
    const result = await config.receiver.receive(body.bytes, c.req.header("x-hub-signature-256"), c.env ?? {});
    return toResponse(result, result.status === 503 ? { "retry-after": "30" } : undefined);
  });
  app.all(config.path, () => toResponse(RESULTS.methodNotAllowed, { allow: "GET, POST" }));
  app.notFound(() => toResponse(RESULTS.notFound));
  app.onError((error) => {
    config.onUnexpected(error);
    return toResponse(RESULTS.internalError);
  });
  return app;
}
