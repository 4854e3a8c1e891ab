/**
 * Helpers for the @edgewa/vercel tests: a stand-in for the Vercel runtime's request
 * context and a gate for handlers. Flow requests come from ../support/flow-crypto.ts.
 */

const VERCEL_REQUEST_CONTEXT = Symbol.for("@vercel/request-context");
type ContextHolder = { get(): { waitUntil?: (p: Promise<unknown>) => void } };

/**
 * Runs `fn` as the Vercel runtime runs a function: with a request context holding a
 * `waitUntil` under `Symbol.for("@vercel/request-context")`, which is where
 * `@vercel/functions` looks for it. The previous holder is put back afterwards.
 */
export async function insideVercel<T>(waitUntil: (p: Promise<unknown>) => void, fn: () => Promise<T>): Promise<T> {
  const global = globalThis as unknown as Record<symbol, ContextHolder | undefined>;
  const previous = global[VERCEL_REQUEST_CONTEXT];
  global[VERCEL_REQUEST_CONTEXT] = { get: () => ({ waitUntil }) };
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete global[VERCEL_REQUEST_CONTEXT];
    else global[VERCEL_REQUEST_CONTEXT] = previous;
  }
}

/** A promise the test opens when it wants. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** `promise`, or a rejection naming `what` after `ms`: a hang becomes a readable failure. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether `promise` has settled by the next macrotask. */
export async function settledSoon(promise: Promise<unknown>, ms = 50): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
}
