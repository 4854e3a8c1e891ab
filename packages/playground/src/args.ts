import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { TemplateDefinition } from "./chat/templates.ts";
import type { PlaygroundOptions } from "./playground.ts";

export const USAGE = `Usage: edgewa-playground --webhook <url> [options]

Chat with an edgewa bot in the browser: a local Graph API server for the bot to
call (point its WHATSAPP_GRAPH_URL / graphUrl at it) and a webhook sender that
posts to the bot what Meta would, signed with the app secret.

  --webhook <url>          the bot's webhook URL (required), e.g. http://127.0.0.1:8787/
  --app-secret <secret>    signs webhooks as Meta does   (env WHATSAPP_APP_SECRET)
  --verify-token <token>   checks the webhook's GET verification at start (env WHATSAPP_VERIFY_TOKEN)
  --phone-id <id>          the business phone number id the bot serves (env WHATSAPP_PHONE_ID; default 1234567890)
  --waba-id <id>           the WhatsApp Business account id in webhooks (default 102290129340398)
  --port <n>               the chat page's port (default 8790)
  --graph-port <n>         the Graph API server's port (default 8791)
  --token <token>          make the Graph server require this access token (default: any)
  --user-name <name>       the user's profile name (default "Local User")
  --user-phone <digits>    the user's wa_id (default 15551234567)
  --bot-name <name>        the chat's title (default "Bot")
  --flow-endpoint <url>    the bot's flow endpoint, for data_exchange flows
  --flow-public-key <file> the business public key (PEM) paired with the bot's private key
  --templates <file>       template definitions (JSON: an array, or { "data": [...] } as Graph lists them)
  -h, --help`;

export type CliOptions = PlaygroundOptions & { verifyToken?: string };

/** The command line (and a few WHATSAPP_* variables) as playground options. */
export function parseCli(argv: readonly string[], env: Record<string, string | undefined>): CliOptions | "help" {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      webhook: { type: "string" },
      "app-secret": { type: "string" },
      "verify-token": { type: "string" },
      "phone-id": { type: "string" },
      "waba-id": { type: "string" },
      port: { type: "string" },
      "graph-port": { type: "string" },
      token: { type: "string" },
      "user-name": { type: "string" },
      "user-phone": { type: "string" },
      "bot-name": { type: "string" },
      "flow-endpoint": { type: "string" },
      "flow-public-key": { type: "string" },
      templates: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  if (!values.webhook) throw new Error("--webhook <url> is required (the bot's webhook URL)");
  const webhookUrl = new URL(values.webhook).href;

  const flowEndpoint = values["flow-endpoint"];
  const keyFile = values["flow-public-key"];
  if ((flowEndpoint === undefined) !== (keyFile === undefined)) throw new Error("--flow-endpoint and --flow-public-key go together");

  const appSecret = values["app-secret"] ?? env.WHATSAPP_APP_SECRET;
  const verifyToken = values["verify-token"] ?? env.WHATSAPP_VERIFY_TOKEN;
  const userName = values["user-name"];
  const userPhone = values["user-phone"];
  return {
    webhookUrl,
    port: port(values.port, 8790),
    graphPort: port(values["graph-port"], 8791),
    phoneId: values["phone-id"] ?? env.WHATSAPP_PHONE_ID ?? "1234567890",
    ...(appSecret ? { appSecret } : {}),
    ...(verifyToken ? { verifyToken } : {}),
    ...(values["waba-id"] ? { wabaId: values["waba-id"] } : {}),
    ...(values.token ? { token: values.token } : {}),
    ...(values["bot-name"] ? { botName: values["bot-name"] } : {}),
    ...(userName || userPhone ? { user: { ...(userName ? { name: userName } : {}), ...(userPhone ? { waId: userPhone.replace(/\D/g, "") } : {}) } } : {}),
    ...(flowEndpoint && keyFile ? { flows: { endpoint: new URL(flowEndpoint).href, publicKey: readPem(keyFile) } } : {}),
    ...(values.templates ? { templates: readTemplates(values.templates) } : {}),
  };
}

function port(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`not a port: ${value}`);
  return n;
}

function readPem(fileOrPem: string): string {
  const pem = fileOrPem.includes("-----BEGIN") ? fileOrPem : readFileSync(fileOrPem, "utf8");
  if (!pem.includes("-----BEGIN PUBLIC KEY-----")) throw new Error("--flow-public-key: expected a PEM public key (-----BEGIN PUBLIC KEY-----)");
  return pem;
}

function readTemplates(file: string): TemplateDefinition[] {
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  const list = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown }).data;
  if (!Array.isArray(list)) throw new Error("--templates: expected a JSON array of templates, or { \"data\": [...] }");
  return list as TemplateDefinition[];
}
