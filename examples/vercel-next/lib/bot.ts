import type { WhatsApp } from "@edgewa/core";
import { createBot } from "@edgewa/example-bot";
import { createStore, type Env } from "./store.ts";

/**
 * The example bot (echo, a button, the /signup conversation) configured from the
 * environment. Called by the route on its first request, not at import: `next build`
 * imports route modules and has no secrets.
 *
 *   WHATSAPP_PHONE_ID, WHATSAPP_TOKEN    the business number and a Graph API token
 *   WHATSAPP_APP_SECRET                  the Meta app's secret: every POST's signature is checked
 *   WHATSAPP_VERIFY_TOKEN                what you type into Meta's webhook settings
 *   WHATSAPP_GRAPH_URL                   optional: a Graph API stand-in (tests, local runs)
 *   TABLE_NAME (+ AWS_*)                 optional: the DynamoDB store (see store.ts)
 */
export async function createWebhookBot(env: Env = process.env): Promise<WhatsApp> {
  return createBot({
    phoneId: env.WHATSAPP_PHONE_ID,
    token: env.WHATSAPP_TOKEN,
    appSecret: env.WHATSAPP_APP_SECRET,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN,
    graphUrl: env.WHATSAPP_GRAPH_URL || undefined,
    store: await createStore(env),
  });
}
