/**
 * When and how long to wait before trying a Graph API call again. Rate limits,
 * 5xx answers, timeouts and network failures are worth another try; anything
 * else (a bad parameter, an expired token) would fail the same way again.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. `1` never retries. */
  maxAttempts?: number;
  /** The first backoff's ceiling; each retry doubles it (full jitter below it). Default 500 ms. */
  baseDelayMs?: number;
  /** No single wait is longer than this. Default 8 s. */
  maxDelayMs?: number;
  /** No retry starts after this much time since the first attempt. Default 30 s. */
  maxTotalMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalMs: 30_000,
};

/** Full jitter: uniform in [0, min(max, base·2^retry)). `retry` counts from 0. */
export function backoffMs(retry: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry));
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
