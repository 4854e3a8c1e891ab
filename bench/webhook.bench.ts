/**
 * Signed webhooks per second through `wa.fetch` to a no-op handler, next to
 * whatsapp-api-js's own web-standard webhook handler on the same signed payloads,
 * and next to the floor (HMAC verify + JSON.parse alone). All are measured in this
 * one run, interleaved in rounds, and reported as ratios: absolute numbers depend
 * on the machine, ratios much less.
 *
 *   npm run bench            (BENCH_N=… sets the requests per round, default 20000)
 */
import { createHmac } from "node:crypto";
import { WhatsApp, MemoryStore } from "@edgewa/core";
import { WhatsAppAPI } from "whatsapp-api-js/middleware/web-standard";

const SECRET = "bench-app-secret";
const ROUNDS = 3;
const PAYLOADS = Number(process.env.BENCH_N ?? 20000);

// Distinct messages (distinct wamids), so deduplication really claims each one: a
// round sends each payload once, to a client with a fresh store.
const bodies = Array.from({ length: PAYLOADS }, (_, i) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "102290129340398", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
      contacts: [{ profile: { name: "Sheena Nelson" }, wa_id: "16505551234" }],
      messages: [{ from: "16505551234", id: `wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=${i}`,
        timestamp: "1749416383", type: "text", text: { body: `Does it come in another color? #${i}` } }],
    } }] }],
  }),
);
const signatures = bodies.map((b) => "sha256=" + createHmac("sha256", SECRET).update(b).digest("hex"));
const encoder = new TextEncoder();
const bytes = bodies.map((b) => encoder.encode(b));

const request = (i: number) =>
  new Request("https://bot.example/", {
    method: "POST",
    body: bodies[i]!,
    headers: {
      "content-type": "application/json",
      "content-length": String(bytes[i]!.byteLength),
      "x-hub-signature-256": signatures[i]!,
    },
  });

function edgewa(dedupe: boolean) {
  const wa = new WhatsApp({ phoneId: "106540352242922", appSecret: SECRET, store: new MemoryStore(), skipDuplicateUpdates: dedupe, logger: console });
  wa.onMessage(() => {});
  return async (i: number) => {
    const res = await wa.fetch(request(i));
    if (res.status !== 200) throw new Error(`edgewa answered ${res.status}`);
  };
}

function whatsappApiJs() {
  const api = new WhatsAppAPI({ token: "unused", appSecret: SECRET, webhookVerifyToken: "unused", v: "v24.0" });
  api.on.message = () => {};
  return async (i: number) => {
    const status = await api.handle_post(request(i));
    if (status !== 200) throw new Error(`whatsapp-api-js answered ${status}`);
  };
}

async function floor() {
  const key = await crypto.subtle.importKey("raw", encoder.encode(SECRET), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const macs = signatures.map((s) => Uint8Array.from(s.slice(7).match(/../g)!.map((h) => parseInt(h, 16))));
  const decoder = new TextDecoder();
  return async (i: number) => {
    if (!(await crypto.subtle.verify("HMAC", key, macs[i]!, bytes[i]!))) throw new Error("floor: bad mac");
    JSON.parse(decoder.decode(bytes[i]!));
  };
}

/** Sends every payload once, 50 in flight at a time (as concurrent deliveries would be). */
async function measure(run: (i: number) => Promise<void>): Promise<number> {
  const start = performance.now();
  for (let n = 0; n < PAYLOADS; n += 50) {
    await Promise.all(Array.from({ length: Math.min(50, PAYLOADS - n) }, (_, k) => run(n + k)));
  }
  return PAYLOADS / ((performance.now() - start) / 1000);
}

// Each contender is made anew per round (a fresh client and store for edgewa).
const contenders: [string, () => Promise<(i: number) => Promise<void>> | ((i: number) => Promise<void>)][] = [
  ["edgewa wa.fetch (dedupe on, MemoryStore)", () => edgewa(true)],
  ["edgewa wa.fetch (dedupe off)", () => edgewa(false)],
  ["whatsapp-api-js handle_post", whatsappApiJs],
  ["floor: HMAC verify + JSON.parse", floor],
];

// Warm up every contender (JIT, key import) before measuring anything.
for (const [, make] of contenders) await measure(await make());

const results = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, make] of contenders) results.get(name)!.push(await measure(await make()));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const peer = median(results.get("whatsapp-api-js handle_post")!);
const base = median(results.get("floor: HMAC verify + JSON.parse")!);
console.log(`\nSigned webhooks per second (${ROUNDS} rounds × ${PAYLOADS} requests, median; node ${process.version})\n`);
console.log("contender".padEnd(44), "req/s".padStart(10), "vs whatsapp-api-js".padStart(20), "vs floor".padStart(10));
for (const [name, xs] of results) {
  const m = median(xs);
  console.log(name.padEnd(44), m.toFixed(0).padStart(10), `${(m / peer).toFixed(2)}×`.padStart(20), `${(m / base).toFixed(2)}×`.padStart(10));
}
