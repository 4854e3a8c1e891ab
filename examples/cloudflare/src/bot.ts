import { DurableObjectStore } from "@edgewa/cloudflare";
import type { WhatsApp } from "@edgewa/core";
import { createBot } from "@edgewa/example-bot";
import { checkEnv, type Env } from "./env.ts";
import { registerSignupFlow } from "./flow.ts";

/**
 * The example bot (echo, /start, /signup) with its state in Durable Objects, built
 * from the Worker's bindings. `defineWorker` calls this once per isolate.
 */
export function createWorkerBot(env: Env): WhatsApp {
  checkEnv(env);
  const wa = createBot({
    phoneId: env.WHATSAPP_PHONE_ID,
    token: env.WHATSAPP_TOKEN,
    appSecret: env.WHATSAPP_APP_SECRET,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN,
    graphUrl: env.WHATSAPP_GRAPH_URL || undefined,
    // The flow endpoint's key (PKCS#8 PEM), imported once per isolate.
    businessPrivateKey: env.WHATSAPP_PRIVATE_KEY || undefined,
    // Atomic: each update is handled once, and the signup conversation survives
    // every request landing in a fresh isolate.
    store: new DurableObjectStore(env.STORE),
  });
  registerSignupFlow(wa, env);
  return wa;
}
