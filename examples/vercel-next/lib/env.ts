import type { WhatsAppOptions } from "@edgewa/core";
import type { Env } from "./store.ts";

/**
 * The client options every webhook route reads from the environment:
 *
 *   WHATSAPP_PHONE_ID, WHATSAPP_TOKEN    the business number and a Graph API token
 *   WHATSAPP_APP_SECRET                  the Meta app's secret: every POST's signature is checked
 *   WHATSAPP_VERIFY_TOKEN                what you type into Meta's webhook settings
 *   WHATSAPP_GRAPH_URL                   optional: a Graph API stand-in (tests, local runs)
 *
 * Type-only imports: the Edge route imports this without pulling in store.ts's SDK.
 */
export function webhookOptions(env: Env): WhatsAppOptions {
  return {
    phoneId: env.WHATSAPP_PHONE_ID,
    token: env.WHATSAPP_TOKEN,
    appSecret: env.WHATSAPP_APP_SECRET,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN,
    graphUrl: env.WHATSAPP_GRAPH_URL || undefined,
  };
}
