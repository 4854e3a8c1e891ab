import type { WhatsApp } from "@edgewa/core";
import { createBot } from "@edgewa/example-bot";
import { webhookOptions } from "./env.ts";
import { createStore, type Env } from "./store.ts";

/**
 * The example bot (echo, a button, the /signup conversation) configured from the
 * environment. Called by the route on its first request, not at import: `next build`
 * imports route modules and has no secrets.
 *
 *   WHATSAPP_*                           the client (see env.ts)
 *   TABLE_NAME (+ AWS_*)                 optional: the DynamoDB store (see store.ts)
 */
export async function createWebhookBot(env: Env = process.env): Promise<WhatsApp> {
  return createBot({ ...webhookOptions(env), store: await createStore(env) });
}
