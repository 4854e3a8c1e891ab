import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_RETRY, backoffMs, retryAfterMs, sleep, type RetryOptions } from "./retry.ts";

// The retry policy's pure parts: the jittered backoff (with an injected random source),
// Retry-After parsing, and the abortable wait. The loop that uses them is tested over a
// socket in test/graph-request.test.ts.

const policy = (o: RetryOptions = {}): Required<RetryOptions> => ({ ...DEFAULT_RETRY, ...o });
/** The largest value Math.random can return. */
const NEARLY_ONE = 1 - Number.EPSILON / 2;

/** A deterministic random source in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("DEFAULT_RETRY", () => {
  it("is 4 attempts, 500 ms first ceiling, 8 s per wait, 30 s in all (as RetryOptions documents)", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, maxTotalMs: 30_000 });
  });
});

describe("backoffMs (full jitter)", () => {
  it("is 0 when the random source gives 0, at every retry", () => {
    for (let retry = 0; retry < 12; retry++) expect(backoffMs(retry, policy(), () => 0)).toBe(0);
  });

  it("stays below a ceiling that doubles per retry from baseDelayMs, capped at maxDelayMs", () => {
    // The largest random value shows the ceiling: it is never reached (half-open interval).
    const top = [0, 1, 2, 3, 4, 5, 6, 10, 30].map((retry) => backoffMs(retry, policy(), () => NEARLY_ONE));
    expect(top).toEqual([499, 999, 1999, 3999, 7999, 7999, 7999, 7999, 7999]);
  });

  it("scales linearly with the random value inside the ceiling", () => {
    const half = [0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, policy(), () => 0.5));
    expect(half).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    expect(backoffMs(2, policy({ baseDelayMs: 100, maxDelayMs: 10_000 }), () => 0.25)).toBe(100);
  });

  it("follows the policy given: its base and its cap", () => {
    const p = policy({ baseDelayMs: 10, maxDelayMs: 50 });
    expect([0, 1, 2, 3, 4].map((retry) => backoffMs(retry, p, () => NEARLY_ONE))).toEqual([9, 19, 39, 49, 49]);
  });

  it("over many random draws: whole milliseconds in [0, min(max, base·2^retry)), spread across the range", () => {
    const random = seeded(42);
    const p = policy();
    for (let retry = 0; retry < 8; retry++) {
      const cap = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** retry);
      const draws = Array.from({ length: 500 }, () => backoffMs(retry, p, random));
      for (const d of draws) {
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(cap);
      }
      // Jitter, not a fixed delay: both halves of the range are used.
      expect(Math.min(...draws)).toBeLessThan(cap / 4);
      expect(Math.max(...draws)).toBeGreaterThan((3 * cap) / 4);
    }
  });

  it("draws from Math.random when no source is given", () => {
    const spy = vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect(backoffMs(1, policy())).toBe(500);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe("retryAfterMs", () => {
  it("reads delta-seconds", () => {
    expect(retryAfterMs("1")).toBe(1_000);
    expect(retryAfterMs("0")).toBe(0);
    expect(retryAfterMs("120")).toBe(120_000);
    expect(retryAfterMs("2.5")).toBe(2_500);
  });

  it("never gives a negative wait", () => {
    expect(retryAfterMs("-5")).toBe(0);
  });

  it("reads an HTTP-date, relative to now", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(retryAfterMs("Wed, 21 Oct 2015 07:28:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Wed, 21 Oct 2015 08:28:00 GMT", now)).toBe(3_600_000);
  });

  it("an HTTP-date in the past means now", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(retryAfterMs("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
  });

  it("uses the current time by default for an HTTP-date", () => {
    vi.useFakeTimers({ now: Date.parse("2030-01-01T00:00:00Z") });
    expect(retryAfterMs(new Date(Date.parse("2030-01-01T00:00:10Z")).toUTCString())).toBe(10_000);
  });

  it("is undefined when the header is absent or unreadable", () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs("")).toBeUndefined();
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs("Infinity")).toBeUndefined();
  });
});

describe("sleep", () => {
  it("resolves after the given time", async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = sleep(1_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it("rejects with the signal's reason as soon as it aborts", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const reason = new Error("already");
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});
