/**
 * A test-only Worker: the example bot plus a conversation with a 1 s timeout, so a
 * test can watch a due timeout fire from the store object's alarm or from the cron
 * trigger. `WAKE_ALARMS=off` turns the alarm path off (the cron alone must do it).
 */
import { DurableObjectStore, EdgewaStoreObject, defineWorker, type ExecutionContextLike } from "@edgewa/cloudflare";
import { ListenerTimeout, filters, type Message, type WhatsApp } from "@edgewa/core";
import { createBot } from "@edgewa/example-bot";
import type { Env } from "../../../examples/cloudflare/src/env.ts";

export { EdgewaStoreObject };

async function quick(_wa: WhatsApp, msg: Message): Promise<void> {
  try {
    const ask = await msg.reply("Quick, your name?");
    const name = await ask.waitForReply({ filters: filters.text, timeout: 1000 });
    await name.reply(`Hi ${name.text}!`);
  } catch (error) {
    if (error instanceof ListenerTimeout) await msg.reply("Too slow.");
    else throw error;
  }
}

/** How many clients this isolate built (defineWorker builds one per env object). */
let builds = 0;

const worker = defineWorker<Env & { WAKE_ALARMS?: string }>((env) => {
  builds++;
  const wa = createBot({
    phoneId: env.WHATSAPP_PHONE_ID,
    token: env.WHATSAPP_TOKEN,
    appSecret: env.WHATSAPP_APP_SECRET,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN,
    graphUrl: env.WHATSAPP_GRAPH_URL,
    store: new DurableObjectStore(env.STORE, env.WAKE_ALARMS === "off" ? { wakeAt: () => undefined } : {}),
  });
  wa.onMessage(filters.command("quick"), quick, { priority: 10 });
  return wa;
});

export default {
  fetch(request: Request, env: Env & { WAKE_ALARMS?: string }, ctx: ExecutionContextLike): Promise<Response> {
    if (new URL(request.url).pathname === "/__builds") return Promise.resolve(Response.json({ builds }));
    return worker.fetch(request, env, ctx);
  },
  scheduled: worker.scheduled,
};
