import { addSignupFlow, createBot } from "@edgewa/example-bot";
import { startLocal } from "./local.ts";
import { serve } from "./serve.ts";

// With a token (and WHATSAPP_PHONE_ID, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN)
// this is a real bot on a webhook; without one, the example bot and the playground
// (a local stand-in for WhatsApp), with one URL to open.
const env = process.env;
const port = Number(env.PORT ?? 8080);

if (env.WHATSAPP_TOKEN) {
  const wa = createBot({
    phoneId: env.WHATSAPP_PHONE_ID ?? "",
    token: env.WHATSAPP_TOKEN,
    appSecret: env.WHATSAPP_APP_SECRET,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN,
    graphUrl: env.WHATSAPP_GRAPH_URL,
    businessPrivateKey: env.WHATSAPP_PRIVATE_KEY,
    businessPrivateKeyPassword: env.WHATSAPP_PRIVATE_KEY_PASSWORD,
    logger: console,
  });
  if (env.WHATSAPP_PRIVATE_KEY && env.WHATSAPP_FLOW_ID) addSignupFlow(wa, { flowId: env.WHATSAPP_FLOW_ID });
  const { url, close } = await serve(wa.fetch, { port });
  console.log(`edgewa example bot: webhook on ${url}/`);
  // Waiting conversations time out through the sweep (on Workers: a cron trigger).
  const sweeper = setInterval(() => void wa.sweep().catch((error) => console.error("[sweep]", error)), 15_000);
  onExit(async () => {
    clearInterval(sweeper);
    await close();
  });
} else {
  const local = await startLocal({ port, log: env.PLAYGROUND_LOG !== "0" });
  console.log(`edgewa example bot in the playground: open ${local.url}/`);
  onExit(() => local.close());
}

function onExit(close: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void close().then(() => process.exit(0)));
}
