import { generateKeyPair, type WhatsApp } from "@edgewa/core";
import { addSignupFlow, createBot, SIGNUP_FLOW_PATH } from "@edgewa/example-bot";
import { startPlayground, type Playground } from "@edgewa/playground";
import { serve } from "./serve.ts";

export interface LocalRun {
  /** The chat page. */
  url: string;
  wa: WhatsApp;
  playground: Playground;
  /** The bot's own server (webhook and flow endpoint). */
  botUrl: string;
  close(): Promise<void>;
}

/**
 * The example bot with no Meta account: the bot on plain Node (MemoryStore), and
 * the playground standing in for WhatsApp. The bot calls the playground's Graph API
 * server through `graphUrl`; the playground posts signed webhooks to the bot's
 * `wa.fetch` over HTTP and runs its signup flow with a key pair made here. The
 * bot's code is what runs in production.
 */
export async function startLocal({ port = 0, appSecret = "local-app-secret", verifyToken = "local-verify-token", phoneId = "1234567890", log = false } = {}): Promise<LocalRun> {
  let wa: WhatsApp | undefined;
  // The bot's server comes first (the playground needs its URL), the bot right after (it needs the Graph URL).
  const bot = await serve((request, options) => (wa ? wa.fetch(request, options) : Promise.resolve(new Response("starting", { status: 503 }))), { port: 0 });
  const keys = await generateKeyPair();
  let playground: Playground;
  try {
    playground = await startPlayground({
      webhookUrl: `${bot.url}/`,
      appSecret,
      phoneId,
      port,
      botName: "edgewa example bot",
      flows: { endpoint: `${bot.url}${SIGNUP_FLOW_PATH}`, publicKey: keys.publicKey },
      ...(log ? { log: (line: string) => console.log(`[playground] ${line}`) } : {}),
    });
  } catch (error) {
    await bot.close();
    throw error;
  }
  wa = createBot({
    phoneId,
    token: "playground-token",
    appSecret,
    verifyToken,
    graphUrl: playground.graphUrl,
    businessPrivateKey: keys.privateKey,
    logger: log ? console : { debug() {}, warn: console.warn, error: console.error },
  });
  addSignupFlow(wa, { flowId: "1234567890123456" });
  const sweeper = setInterval(() => void wa!.sweep().catch((error) => console.error("[sweep]", error)), 15_000);
  return {
    url: playground.url,
    wa,
    playground,
    botUrl: bot.url,
    async close() {
      clearInterval(sweeper);
      await playground.close();
      await bot.close();
    },
  };
}
