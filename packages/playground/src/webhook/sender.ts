import { setTimeout as sleep } from "node:timers/promises";
import { hubSignature } from "./sign.ts";

export interface Delivery {
  /** The bot's final answer (0 when it could not be reached). */
  status: number;
  ok: boolean;
  attempts: number;
  /** Why it failed, in a few words, for the page and the terminal. */
  error?: string;
}

export interface WebhookSenderOptions {
  /** The bot's webhook URL. */
  url: string;
  /** Signs every body as Meta does. Without it, no `X-Hub-Signature-256` is sent. */
  appSecret?: string;
  /** Attempts for a 5xx, a 429 or a network failure (Meta retries too, for days). Default 5. */
  maxAttempts?: number;
  /** First retry delay, doubled each time; `Retry-After` wins, capped at 5 s. Default 200 ms. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

/** Posts updates to a bot's webhook, signed and retried the way Meta does it. */
export class WebhookSender {
  readonly url: string;
  readonly #appSecret: string | undefined;
  readonly #maxAttempts: number;
  readonly #retryDelayMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: WebhookSenderOptions) {
    this.url = options.url;
    this.#appSecret = options.appSecret;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#retryDelayMs = options.retryDelayMs ?? 200;
    this.#fetch = options.fetch ?? fetch;
  }

  async post(payload: unknown): Promise<Delivery> {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "facebookexternalua" };
    if (this.#appSecret !== undefined) headers["x-hub-signature-256"] = hubSignature(this.#appSecret, body);

    let last: Delivery = { status: 0, ok: false, attempts: 0 };
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      let retryAfterMs: number | undefined;
      try {
        const res = await this.#fetch(this.url, { method: "POST", headers, body });
        const text = await res.text().catch(() => "");
        if (res.ok) return { status: res.status, ok: true, attempts: attempt };
        last = { status: res.status, ok: false, attempts: attempt, error: `the webhook answered ${res.status}${text ? `: ${text.slice(0, 120)}` : ""}` };
        if (res.status < 500 && res.status !== 429) return last;
        const after = Number(res.headers.get("retry-after"));
        if (Number.isFinite(after) && after >= 0) retryAfterMs = after * 1000;
      } catch (error) {
        last = { status: 0, ok: false, attempts: attempt, error: `cannot reach ${this.url} (${describe(error)})` };
      }
      if (attempt < this.#maxAttempts) await sleep(Math.min(retryAfterMs ?? this.#retryDelayMs * 2 ** (attempt - 1), 5_000));
    }
    return last;
  }

  /**
   * The subscription check Meta makes when a webhook URL is saved: a GET with
   * `hub.mode=subscribe`, the verify token and a challenge the bot must echo.
   */
  async verify(verifyToken: string): Promise<{ ok: boolean; error?: string }> {
    const challenge = String(Math.floor(Math.random() * 1e9));
    const url = new URL(this.url);
    url.searchParams.set("hub.mode", "subscribe");
    url.searchParams.set("hub.verify_token", verifyToken);
    url.searchParams.set("hub.challenge", challenge);
    try {
      const res = await this.#fetch(url, { headers: { "user-agent": "facebookplatform/1.0 (+http://developers.facebook.com)" } });
      const text = await res.text();
      if (res.status === 200 && text === challenge) return { ok: true };
      return { ok: false, error: `the webhook answered the verification with ${res.status} ${JSON.stringify(text.slice(0, 80))} (expected 200 and the challenge)` };
    } catch (error) {
      return { ok: false, error: `cannot reach ${this.url} (${describe(error)})` };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
