#!/usr/bin/env node
import { parseCli, USAGE } from "./args.ts";
import { startPlayground } from "./playground.ts";

let options: ReturnType<typeof parseCli>;
try {
  options = parseCli(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`edgewa-playground: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (options === "help") {
  console.log(USAGE);
  process.exit(0);
}

const { verifyToken, ...playgroundOptions } = options;
const playground = await startPlayground({ ...playgroundOptions, log: (line) => console.log(`[playground] ${line}`) });

console.log(`edgewa playground: open ${playground.url}/`);
console.log(`  Graph API for the bot: ${playground.graphUrl}   (WHATSAPP_GRAPH_URL / graphUrl)`);
console.log(`  webhook:               ${options.webhookUrl}${options.appSecret ? " (signed with the app secret)" : " (unsigned: no --app-secret)"}`);
if (options.flows) console.log(`  flow endpoint:         ${options.flows.endpoint}`);
if (verifyToken) {
  const check = await playground.verifyWebhook(verifyToken);
  console.log(check.ok ? "  webhook verification:  ok" : `  webhook verification FAILED: ${check.error}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void playground.close().then(() => process.exit(0)));
}
