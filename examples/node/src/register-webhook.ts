/**
 * Registers a deployed webhook's URL with Meta, once after each deploy (pywa's
 * `callback_url`, which a serverless function cannot do on start):
 *
 *   node examples/node/src/register-webhook.ts https://my-worker.example/ [--scope app|waba|phone] [--fields messages,calls]
 *
 * Meta calls the URL's GET verification during the call, so deploy first. Settings
 * come from the environment:
 *   WHATSAPP_TOKEN          system user token (every scope)
 *   WHATSAPP_VERIFY_TOKEN   the deployed bot's verifyToken
 *   WHATSAPP_APP_ID, WHATSAPP_APP_SECRET   scope "app" (the default)
 *   WHATSAPP_WABA_ID        scope "waba"
 *   WHATSAPP_PHONE_ID       scope "phone"
 *   WHATSAPP_CALLBACK_SCOPE, WHATSAPP_WEBHOOK_FIELDS   instead of --scope / --fields
 *   WHATSAPP_GRAPH_URL      another Graph API host (tests)
 */
import { pathToFileURL } from "node:url";
import { WhatsApp, registerCallbackUrl, type CallbackUrlScope, type RegisteredCallbackUrl } from "@edgewa/core";

const USAGE = "usage: node examples/node/src/register-webhook.ts <https://your-webhook-url/> [--scope app|waba|phone] [--fields a,b,c]";

export async function main(argv: readonly string[], env: Record<string, string | undefined>): Promise<RegisteredCallbackUrl> {
  const { url, flags } = parseArgs(argv);
  const scope = (flags.scope ?? env.WHATSAPP_CALLBACK_SCOPE ?? "app") as CallbackUrlScope;
  const fieldList = flags.fields ?? env.WHATSAPP_WEBHOOK_FIELDS;
  const verifyToken = required(env, "WHATSAPP_VERIFY_TOKEN");
  const wa = new WhatsApp({
    token: required(env, "WHATSAPP_TOKEN"),
    phoneId: env.WHATSAPP_PHONE_ID,
    wabaId: env.WHATSAPP_WABA_ID,
    graphUrl: env.WHATSAPP_GRAPH_URL,
    verifyToken,
    // Only Graph API calls here: no webhook is served, so no signature warning is useful.
    logger: { debug() {}, warn() {}, error: console.error },
  });
  return registerCallbackUrl(wa, {
    url,
    scope,
    verifyToken,
    fields: fieldList ? fieldList.split(",").map((f) => f.trim()).filter(Boolean) : undefined,
    appId: scope === "app" ? required(env, "WHATSAPP_APP_ID") : env.WHATSAPP_APP_ID,
    appSecret: scope === "app" ? required(env, "WHATSAPP_APP_SECRET") : env.WHATSAPP_APP_SECRET,
  });
}

function parseArgs(argv: readonly string[]): { url: string; flags: { scope?: string; fields?: string } } {
  const flags: { scope?: string; fields?: string } = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(scope|fields)(?:=(.*))?$/.exec(arg);
    if (match) {
      const value = match[2] ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${match[1]} needs a value`);
      flags[match[1] as "scope" | "fields"] = value;
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError("pass exactly one URL");
  return { url: positional[0]!, flags };
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name];
  if (!value) throw new UsageError(`set ${name}`);
  return value;
}

class UsageError extends Error {}

// Run when executed (`node register-webhook.ts …`), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const done = await main(process.argv.slice(2), process.env);
    console.log(`Registered ${done.callbackUrl} (${done.scope} scope${done.fields ? `; fields: ${done.fields.join(", ")}` : ""}).`);
  } catch (error) {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error);
    process.exitCode = 1;
  }
}
