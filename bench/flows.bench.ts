/**
 * Flow data-endpoint requests per second: decrypt (RSA-OAEP-SHA256 unwrap +
 * AES-128-GCM), a trivial handler, encrypt the answer (AES-GCM, flipped IV), through
 * edgewa's `createFlowEndpoint` (Web Crypto), next to the same work done with
 * node:crypto the way Meta's own Node example (WhatsApp-Flows-Tools,
 * examples/endpoint/nodejs/basic/src/encryption.js) does it: privateDecrypt +
 * createDecipheriv("aes-128-gcm") + createCipheriv with the flipped IV.
 *
 * Meta's example calls createPrivateKey(pem) on every request; it is measured as
 * written and also with the KeyObject made once (the fair peer: edgewa imports its
 * key once too). Every contender gets the same Request in and gives a Response out.
 * Rounds are interleaved and reported as medians and ratios.
 *
 *   node bench/flows.bench.ts     (BENCH_N=… requests per round, default 3000; BENCH_ROUNDS=… default 3)
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from "node:crypto";
import { createFlowEndpoint } from "@edgewa/core";

const N = Number(process.env.BENCH_N ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IN_FLIGHT = 50;

const { publicKey, privateKey: PEM } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

// Requests sealed as the WhatsApp client seals them, each with its own AES key and IV.
const bodies = Array.from({ length: N }, (_, i) => {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
  const payload = { version: "3.0", action: "data_exchange", screen: "SIGNUP", flow_token: `tok-${i}`, data: { name: `User ${i}`, age: 30 } };
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return JSON.stringify({
    encrypted_flow_data: data.toString("base64"),
    encrypted_aes_key: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey).toString("base64"),
    initial_vector: iv.toString("base64"),
  });
});
const request = (i: number) => new Request("https://bot.example/flows/signup", { method: "POST", body: bodies[i]!, headers: { "content-type": "application/json" } });

type Run = (i: number) => Promise<void>;

function edgewa(): Run {
  const endpoint = createFlowEndpoint({
    handler: (_, req) => req.respond({ screen: "NEXT", data: { ok: true } }),
    privateKey: PEM,
    wa: undefined,
  });
  return async (i) => {
    const res = await endpoint(request(i));
    if (res.status !== 200) throw new Error(`edgewa answered ${res.status}`);
    await res.text();
  };
}

/** Meta's example, decryptRequest / encryptResponse, around the same Request → Response. */
function metaExample(keyOnce: boolean): Run {
  const key: KeyObject | undefined = keyOnce ? createPrivateKey(PEM) : undefined;
  return async (i) => {
    const body = JSON.parse(await request(i).text()) as Record<string, string>;
    const aesKey = privateDecrypt(
      { key: key ?? createPrivateKey(PEM), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
      Buffer.from(body.encrypted_aes_key!, "base64"),
    );
    const flowData = Buffer.from(body.encrypted_flow_data!, "base64");
    const iv = Buffer.from(body.initial_vector!, "base64");
    const decipher = createDecipheriv("aes-128-gcm", aesKey, iv);
    decipher.setAuthTag(flowData.subarray(-16));
    const decrypted = JSON.parse(Buffer.concat([decipher.update(flowData.subarray(0, -16)), decipher.final()]).toString("utf-8"));
    const answer = { version: decrypted.version, screen: "NEXT", data: { ok: true } };
    const cipher = createCipheriv("aes-128-gcm", aesKey, Buffer.from(iv.map((b) => ~b)));
    const text = Buffer.concat([cipher.update(JSON.stringify(answer), "utf-8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
    await new Response(text, { headers: { "content-type": "text/plain" } }).text();
  };
}

async function measure(run: Run): Promise<number> {
  const start = performance.now();
  for (let n = 0; n < N; n += IN_FLIGHT) {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, N - n) }, (_, k) => run(n + k)));
  }
  return N / ((performance.now() - start) / 1000);
}

const contenders: [string, () => Run][] = [
  ["edgewa createFlowEndpoint (Web Crypto)", edgewa],
  ["Meta example, KeyObject made once", () => metaExample(true)],
  ["Meta example as written (PEM per request)", () => metaExample(false)],
];

for (const [, make] of contenders) await measure(make()); // warm-up: JIT, key import

const results = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, make] of contenders) results.get(name)!.push(await measure(make()));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const peer = median(results.get("Meta example, KeyObject made once")!);
console.log(`\nFlow endpoint requests per second (${ROUNDS} rounds × ${N} requests, ${IN_FLIGHT} in flight, median; node ${process.version})\n`);
console.log("contender".padEnd(44), "req/s".padStart(10), "vs Meta example (key once)".padStart(28));
for (const [name, xs] of results) {
  const m = median(xs);
  console.log(name.padEnd(44), m.toFixed(0).padStart(10), `${(m / peer).toFixed(2)}×`.padStart(28));
}
