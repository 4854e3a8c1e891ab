import { Miniflare } from "miniflare";
import { metaSignature } from "../../support/webhook.ts";
import { COMPATIBILITY_DATE } from "./bundle.ts";

export interface WorkerOptions {
  /** The bundled Worker (ESM). */
  script: string;
  /** Plain-text bindings (vars and secrets). */
  bindings?: Record<string, string>;
  /** The class bound as `STORE` (default EdgewaStoreObject). */
  storeClass?: string;
  /** Keep KV and Durable Object storage in this directory (so a restarted runtime sees it). */
  persistTo?: string;
}

/**
 * The Worker in workerd through miniflare, as wrangler would configure it from the
 * root wrangler.toml: KV as `KV`, a SQLite-backed Durable Object class as `STORE`,
 * no compatibility flags (no nodejs_compat).
 */
export function startWorker(options: WorkerOptions): Miniflare {
  return new Miniflare({
    modules: true,
    script: options.script,
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: [],
    kvNamespaces: ["KV"],
    durableObjects: { STORE: { className: options.storeClass ?? "EdgewaStoreObject", useSQLite: true } },
    bindings: options.bindings ?? {},
    ...(options.persistTo !== undefined
      ? { kvPersist: `${options.persistTo}/kv`, durableObjectsPersist: `${options.persistTo}/do` }
      : {}),
  });
}

/** POSTs a webhook payload to the Worker, signed as Meta signs it (or with `signature`, or none for null). */
export async function postWebhook(
  mf: Miniflare,
  secret: string,
  payload: unknown,
  { signature, path = "/" }: { signature?: string | null; path?: string } = {},
): Promise<{ status: number; body: string }> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const sig = signature === undefined ? metaSignature(secret, body) : signature;
  if (sig !== null) headers["x-hub-signature-256"] = sig;
  const response = await mf.dispatchFetch(`https://bot.example${path}`, { method: "POST", body, headers });
  return { status: response.status, body: await response.text() };
}

/** Polls `check` until it returns true (handlers run after the response, in waitUntil). */
export async function until(check: () => boolean, { timeoutMs = 5000, what = "condition" } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
