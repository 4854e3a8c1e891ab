/**
 * Store operations per update, with and without a waiting conversation, and the
 * time per update in each case (MemoryStore, so the time is edgewa's own work).
 *
 *   node bench/listen.bench.ts      (BENCH_N=… updates per case, default 2000)
 */
import { MemoryStore, WhatsApp, type Message, type Store } from "@edgewa/core";
import { startGraphServer } from "../test/support/graph-server.ts";
import { text } from "../test/support/payloads.ts";
import { signedRequest } from "../test/support/webhook.ts";

const N = Number(process.env.BENCH_N ?? 2000);
const SECRET = "bench-secret";
const server = await startGraphServer();

class CountingStore implements Store {
  readonly atomic = true;
  readonly inner = new MemoryStore();
  counts = { get: 0, set: 0, delete: 0 };
  get<T>(key: string) { this.counts.get++; return this.inner.get<T>(key); }
  set(key: string, value: unknown, opts?: Parameters<Store["set"]>[2]) { this.counts.set++; return this.inner.set(key, value, opts); }
  delete(key: string, opts?: Parameters<Store["delete"]>[1]) { this.counts.delete++; return this.inner.delete(key, opts); }
}

/** A conversation that never ends: each message is awaited and answered, then the next one. */
async function chat(_wa: WhatsApp, msg: Message) {
  let last = msg;
  for (;;) {
    const asked = await last.reply("and then?");
    last = await asked.waitForReply();
  }
}

async function run(label: string, waiting: boolean) {
  const store = new CountingStore();
  const client = () => {
    const wa = new WhatsApp({ phoneId: "1234567890", token: "t", appSecret: SECRET, graphUrl: server.url, store, logger: console,
      // A long chat replays a long log: keep every update of the run in one conversation.
      listeners: { maxLogEntries: 10 * N, maxLogBytes: 1e9 } });
    wa.onMessage(() => {});
    if (waiting) wa.onMessage(chat, { priority: 1 });
    return wa;
  };
  if (waiting) await client().fetch(signedRequest(SECRET, text("start")));
  // Measure a short conversation's worth of updates per conversation: restart every 10.
  store.counts = { get: 0, set: 0, delete: 0 };
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    if (waiting && i % 10 === 0) await store.inner.delete("edgewa:listener:1234567890:15551234567");
    await client().fetch(signedRequest(SECRET, text(`message ${i}`)));
  }
  const ms = (performance.now() - started) / N;
  const { get, set, delete: del } = store.counts;
  console.log(
    label.padEnd(50),
    (get / N).toFixed(2).padStart(6), (set / N).toFixed(2).padStart(6), (del / N).toFixed(2).padStart(8),
    `${ms.toFixed(3)} ms`.padStart(10),
  );
}

console.log(`\nStore operations per update (${N} updates per case, a fresh WhatsApp per update)\n`);
console.log("case".padEnd(50), "reads".padStart(6), "writes".padStart(6), "deletes".padStart(8), "per update".padStart(10));
await run("no listener for the user (dedupe claim + 1 read)", false);
await run("a waiting conversation (≤10 steps, replayed)", true);
await server.close();
