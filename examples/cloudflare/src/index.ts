// The example bot on Cloudflare Workers (the root wrangler.toml deploys it):
// webhook + flow endpoint on `fetch`, due conversation timeouts on the cron trigger
// (and on the store objects' alarms).
import { EdgewaStoreObject, defineWorker } from "@edgewa/cloudflare";
import { createWorkerBot } from "./bot.ts";
import type { Env } from "./env.ts";

export default defineWorker<Env>(createWorkerBot);

// The Durable Object class behind DurableObjectStore (wrangler.toml: STORE).
export { EdgewaStoreObject };
