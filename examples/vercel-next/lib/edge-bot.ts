import { MemoryStore, type WhatsApp } from "@edgewa/core";
import { createBot } from "@edgewa/example-bot";
import { webhookOptions } from "./env.ts";
import type { Env } from "./store.ts";

const EDGE_MEMORY_WARNING =
  "[edgewa] app/api/whatsapp-edge uses a MemoryStore, which lives in ONE Edge isolate: duplicate " +
  "deliveries may be handled twice and /signup forgets where it was. Fine for trying out; for " +
  "production use /api/whatsapp (DynamoDB, Node.js) or give this route a store that runs on Edge.";

/**
 * The example bot for the Edge runtime: the same bot and `WHATSAPP_*` variables as
 * lib/bot.ts, with a MemoryStore. Not lib/store.ts's DynamoDB store: the AWS SDK
 * needs Node.js (node:* modules, file-based credential loading) and is not bundled for
 * Edge, so this module must not even import store.ts, whose lazy `import()`s would pull
 * the SDK into the Edge bundle. A store that talks HTTP with fetch (a REST key-value
 * service) works here unchanged.
 */
export function createEdgeWebhookBot(env: Env = process.env): WhatsApp {
  console.warn(EDGE_MEMORY_WARNING);
  return createBot({ ...webhookOptions(env), store: new MemoryStore() });
}
