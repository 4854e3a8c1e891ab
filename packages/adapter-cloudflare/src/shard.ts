/**
 * Which Durable Object instance holds a key. Every operation on one object is
 * serialised, so grouping decides both what is atomic together and what contends:
 *
 * | key (written by the core)             | object name                     | why |
 * |---------------------------------------|---------------------------------|-----|
 * | `edgewa:listener:<phoneId>:<user>`    | `user:<phoneId>:<user>`         | one user's conversation state is serialised in one object; users never contend |
 * | `edgewa:timeouts:…` (index + buckets) | `timeouts`                      | the sweep reads the index and its buckets from one object |
 * | `edgewa:claim:<updateId>`             | `claims:<n>`, n = hash mod 32   | dedupe claims spread over a fixed set of warm objects |
 * | anything else                         | `key:<key>`                     | one object per key: no contention, no grouping |
 *
 * Objects are created on first use and cost nothing while empty; an object's
 * expired rows are deleted by its alarm.
 */
export type ShardFn = (key: string) => string;

const LISTENER = "edgewa:listener:";
const TIMEOUTS = "edgewa:timeouts:";
const CLAIM = "edgewa:claim:";

/** The default sharding (see the table above); `claimShards` objects share the claims. */
export function defaultShard(claimShards = 32): ShardFn {
  if (!Number.isInteger(claimShards) || claimShards < 1) {
    throw new RangeError(`claimShards must be a positive integer, got ${String(claimShards)}`);
  }
  return (key) => {
    if (key.startsWith(LISTENER)) return `user:${key.slice(LISTENER.length)}`;
    if (key.startsWith(TIMEOUTS)) return "timeouts";
    if (key.startsWith(CLAIM)) return `claims:${fnv1a(key) % claimShards}`;
    return `key:${key}`;
  };
}

/**
 * When a listener record is due (its `deadline`), so the object holding it can wake
 * up and run the sweep without waiting for a cron trigger. Keys other than listener
 * records never wake anything.
 */
export function listenerDeadline(key: string, value: unknown): number | undefined {
  if (!key.startsWith(LISTENER) || typeof value !== "object" || value === null) return undefined;
  const deadline = (value as { deadline?: unknown }).deadline;
  return typeof deadline === "number" && Number.isFinite(deadline) ? deadline : undefined;
}

/** 32-bit FNV-1a over UTF-16 code units: stable across isolates and deploys. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
