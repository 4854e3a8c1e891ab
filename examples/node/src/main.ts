import { createHmac } from "node:crypto";
import { createBot } from "@edgewa/example-bot";
import { dryRunFetch } from "./dry-run-fetch.ts";
import { serve } from "./serve.ts";

// Configuration comes from the environment; the defaults make a local bot that
// needs no Meta account (it checks signatures with a local secret).
const env = process.env;
const appSecret = env.WHATSAPP_APP_SECRET ?? "local-app-secret";
const verifyToken = env.WHATSAPP_VERIFY_TOKEN ?? "local-verify-token";
const phoneId = env.WHATSAPP_PHONE_ID ?? "1234567890";

const wa = createBot({
  phoneId,
  // Without a token, Graph API calls are logged instead of sent.
  token: env.WHATSAPP_TOKEN ?? "dry-run-token",
  fetch: env.WHATSAPP_TOKEN || env.WHATSAPP_GRAPH_URL ? undefined : dryRunFetch,
  appSecret,
  verifyToken,
  graphUrl: env.WHATSAPP_GRAPH_URL,
  logger: console,
});

const { url, close } = await serve(wa.fetch, { port: Number(env.PORT ?? 8080) });

// A ready-made signed webhook, so the bot can be tried with curl right away.
const sample = JSON.stringify({
  object: "whatsapp_business_account",
  entry: [{ id: "WABA_ID", changes: [{ field: "messages", value: {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: "15550001111", phone_number_id: phoneId },
    contacts: [{ profile: { name: "Local User" }, wa_id: "15551234567" }],
    messages: [{ from: "15551234567", id: `wamid.local.${Date.now()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: "Hello, bot!" } }],
  } }] }],
});
const signature = "sha256=" + createHmac("sha256", appSecret).update(sample).digest("hex");

console.log(`edgewa example bot listening on ${url}/`);
console.log(`  verify:  curl '${url}/?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=42'`);
console.log(`  message: curl -X POST ${url}/ -H 'content-type: application/json' -H 'x-hub-signature-256: ${signature}' -d '${sample}'`);

// Waiting conversations time out through the sweep (on Workers: a cron trigger).
const sweeper = setInterval(() => void wa.sweep().catch((error) => console.error("[sweep]", error)), 15_000);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    clearInterval(sweeper);
    void close().then(() => process.exit(0));
  });
}
