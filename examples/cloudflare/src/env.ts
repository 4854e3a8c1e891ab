import type { DurableObjectNamespaceLike, KvNamespaceLike } from "@edgewa/cloudflare";

/**
 * The Worker's bindings (wrangler.toml) and its configuration. Secrets are set with
 * `wrangler secret put NAME` (or `--var NAME:value` for `wrangler dev`), never
 * written in code or in wrangler.toml.
 */
export interface Env {
  /** The business phone number id. */
  WHATSAPP_PHONE_ID: string;
  /** Graph API access token (secret). */
  WHATSAPP_TOKEN: string;
  /** The Meta app's secret: every webhook POST's signature is checked with it (secret). */
  WHATSAPP_APP_SECRET: string;
  /** The token Meta echoes when it verifies the webhook URL (secret). */
  WHATSAPP_VERIFY_TOKEN: string;
  /** PKCS#8 PEM private key of the flow endpoint (secret); without it there is no flow endpoint. */
  WHATSAPP_PRIVATE_KEY?: string;
  /** Graph API base URL; set it to a local Graph API stand-in for `wrangler dev`. */
  WHATSAPP_GRAPH_URL?: string;
  /** KV namespace: the signup flow's saved profiles (last write wins is fine there). */
  KV: KvNamespaceLike;
  /** Durable Object namespace bound to EdgewaStoreObject: claims and conversations. */
  STORE: DurableObjectNamespaceLike;
}

const REQUIRED = ["WHATSAPP_PHONE_ID", "WHATSAPP_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"] as const;

/** Throws, naming every missing variable, rather than running a bot that can't work (or checks no signatures). */
export function checkEnv(env: Env): void {
  const missing = REQUIRED.filter((name) => typeof env[name] !== "string" || env[name] === "");
  if (missing.length > 0) {
    throw new Error(
      `Missing configuration: ${missing.join(", ")}. Set each with \`wrangler secret put NAME\` ` +
        "(or `wrangler dev --var NAME:value` locally).",
    );
  }
}
