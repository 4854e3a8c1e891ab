/**
 * A test-only Worker: runs the core's store conformance suite inside workerd against
 * KvStore and DurableObjectStore, and shows what KV cannot promise. Bundled by
 * test/cloudflare/stores.test.ts; never deployed.
 */
import {
  DurableObjectStore,
  EdgewaStoreObject,
  KvStore,
  type DurableObjectNamespaceLike,
  type KvNamespaceLike,
} from "@edgewa/cloudflare";
import { WhatsApp, importAppSecret, signBody, storeConformanceCases, type Store, type StoreConformanceOptions } from "@edgewa/core";

interface Env {
  KV: KvNamespaceLike;
  STORE: DurableObjectNamespaceLike;
}

/** Cleans expired rows right at their expiry, so a test can watch the alarm do it. */
export class TestStoreObject extends EdgewaStoreObject {
  protected override cleanupIntervalMs = 1;
}

type CaseResult = { name: string; ok: boolean; skipped: boolean; error?: string };

const REAL_TIME: StoreConformanceOptions = { realTimeTtl: true, realTimeTtlMs: 1000, realTimeSlackMs: 300 };

function suite(which: string, env: Env): { factory: Parameters<typeof storeConformanceCases>[0]; opts: StoreConformanceOptions } {
  switch (which) {
    // KV judges expiry by the injected clock (it is kept in the value): the ManualClock runs it.
    case "kv":
      return { factory: (clock) => new KvStore(env.KV, { clock, prefix: "manual:" }), opts: {} };
    // TTLs of 1 s, far under KV's own 60 s minimum, on real time.
    case "kv-realtime":
      return { factory: () => new KvStore(env.KV, { prefix: "real:" }), opts: REAL_TIME };
    // The object judges expiry on its own clock: TTL cases wait for real.
    case "do":
      return { factory: () => new DurableObjectStore(env.STORE), opts: { ...REAL_TIME, supportsClock: false } };
    // Every key in one object: many rows per object, one alarm.
    case "do-single":
      return {
        factory: () => new DurableObjectStore(env.STORE, { shard: () => "single" }),
        opts: { ...REAL_TIME, supportsClock: false, keyPrefix: "single:" },
      };
    default:
      throw new Error(`unknown store ${which}`);
  }
}

async function conformance(which: string, env: Env): Promise<CaseResult[]> {
  const { factory, opts } = suite(which, env);
  const skipped = new Set<string>();
  const cases = storeConformanceCases(factory, { ...opts, note: (m) => skipped.add(m) });
  // Every case writes keys of its own, so they can run at once (the real-time waits overlap).
  return Promise.all(
    cases.map(async (c): Promise<CaseResult> => {
      try {
        await c.run();
        return { name: c.name, ok: true, skipped: [...skipped].some((m) => m.includes(`"${c.name}"`)) };
      } catch (error) {
        return { name: c.name, ok: false, skipped: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

/** Ten writers race on one KV key, each believing it created it. */
async function kvRace(env: Env): Promise<unknown> {
  const store = new KvStore(env.KV, { prefix: "race:" });
  const key = crypto.randomUUID();
  const created = await Promise.all(Array.from({ length: 10 }, (_, i) => store.set(key, { writer: i }, { ifVersion: null })));
  const afterCreate = await store.get<{ writer: number }>(key);
  const base = await store.set(key, { writer: "base" });
  const swapped = await Promise.all(
    Array.from({ length: 10 }, (_, i) => store.set(key, { writer: i }, { ifVersion: base as string })),
  );
  const afterSwap = await store.get<{ writer: number }>(key);
  return {
    createWinners: created.filter((v) => v !== false).length,
    lastCreateWriter: afterCreate?.value.writer,
    createVersions: created,
    storedCreateVersion: afterCreate?.version,
    swapWinners: swapped.filter((v) => v !== false).length,
    lastSwapWriter: afterSwap?.value.writer,
    swapVersions: swapped,
    storedSwapVersion: afterSwap?.version,
  };
}

/** What the core does with KvStore: refuses it for dedupe, or (opted in) handles a redelivery more than once. */
async function kvDedupe(env: Env): Promise<unknown> {
  let refused: { name: string; message: string } | undefined;
  try {
    new WhatsApp({ store: new KvStore(env.KV), appSecret: "s", logger: quiet });
  } catch (error) {
    refused = { name: (error as Error).name, message: (error as Error).message };
  }
  const runs = { kv: 0, durableObject: 0 };
  const payload = JSON.stringify(textPayload(`wamid.kv-dedupe.${crypto.randomUUID()}`));
  const signature = await signBody(await importAppSecret("s"), new TextEncoder().encode(payload));
  const deliverTen = async (store: Store, count: () => void) => {
    const wa = new WhatsApp({ store, appSecret: "s", allowNonAtomicStore: true, logger: quiet });
    wa.onMessage(async () => {
      count();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const send = () =>
      wa.fetch(new Request("https://bot.example/", { method: "POST", body: payload, headers: { "x-hub-signature-256": signature } }));
    const statuses = (await Promise.all(Array.from({ length: 10 }, send))).map((r) => r.status);
    // A redelivery after the first finished is recognised as done, even on KV.
    const later = await send();
    return { statuses, later: later.status };
  };
  const kv = await deliverTen(new KvStore(env.KV, { prefix: "dedupe:" }), () => runs.kv++);
  const afterKv = runs.kv;
  const durableObject = await deliverTen(new DurableObjectStore(env.STORE), () => runs.durableObject++);
  return { refused, runs, kvRunsBeforeLaterRedelivery: afterKv, kv, durableObject };
}

const quiet = { debug() {}, warn() {}, error() {} };

function textPayload(id: string) {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: "WABA", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550001111", phone_number_id: "1234567890" },
      contacts: [{ profile: { name: "Dana" }, wa_id: "15551234567" }],
      messages: [{ from: "15551234567", id, timestamp: "1750000000", type: "text", text: { body: "hi" } }],
    } }] }],
  };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    try {
      switch (url.pathname) {
        case "/conformance":
          return Response.json(await conformance(url.searchParams.get("store") ?? "", env));
        case "/kv-race":
          return Response.json(await kvRace(env));
        case "/kv-dedupe":
          return Response.json(await kvDedupe(env));
        case "/do-set": {
          const store = new DurableObjectStore(env.STORE, { shard: () => "alarm-test" });
          const ttl = Number(url.searchParams.get("ttl"));
          const version = await store.set(url.searchParams.get("key") ?? "k", "v", ttl > 0 ? { ttlMs: ttl } : {});
          return Response.json({ version });
        }
        case "/do-stats": {
          const store = new DurableObjectStore(env.STORE, { shard: () => "alarm-test" });
          return Response.json(await store.stats("any"));
        }
        default:
          return new Response("not found", { status: 404 });
      }
    } catch (error) {
      return new Response(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error), { status: 500 });
    }
  },
};
