/** Argument checks every store here makes before any I/O, with the errors the conformance suite expects. */

export function checkKey(key: string): string {
  if (typeof key !== "string" || key === "") throw new TypeError(`Store keys must be non-empty strings, got ${JSON.stringify(key)}`);
  return key;
}

export function checkTtl(ttlMs: number | undefined): number | undefined {
  if (ttlMs === undefined) return undefined;
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(
      `Store ttlMs must be a positive finite number of milliseconds, got ${String(ttlMs)}; omit ttlMs for an entry that never expires`,
    );
  }
  return ttlMs;
}
