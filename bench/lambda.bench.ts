/**
 * The Lambda handler's bundle and its cold start.
 *
 * Size: examples/lambda's webhook function bundled as its build script does it
 * (esbuild, minified ESM, platform node), with @aws-sdk/* external (the Lambda runtime
 * provides it) and with the SDK bundled in; raw and gzip bytes. Next to it a minimal
 * edgewa handler (toLambda + MemoryStore + a no-op handler: the framework alone) and
 * the peer, a hello-world Lambda handler bundled the same way.
 *
 * Cold start: each run is a fresh Node process (as a new Lambda container is) that
 * imports the bundle and invokes its handler once with a signed webhook (an HTTP API
 * v2 event). Measured inside the child, from just before the import to the response:
 * import, first invocation, and their sum; the median of the runs, and the sum as a
 * ratio to the hello-world peer's. The example bot's first webhook does what it does
 * in production: claims the update in DynamoDB (dynalite on 127.0.0.1), marks the
 * message read and echoes it (local Graph API server on 127.0.0.1).
 *
 *   node bench/lambda.bench.ts      (BENCH_COLD_RUNS=… runs per bundle, default 9)
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { buildLambda } from "../examples/lambda/build.ts";
import { startGraphServer } from "../test/support/graph-server.ts";
import { PHONE_ID, text } from "../test/support/payloads.ts";
import { LOCAL_AWS, startDynalite } from "../test/lambda/support/dynalite.ts";
import { signedPost } from "../test/lambda/support/events.ts";

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const SECRET = "bench-lambda-secret";
const TOKEN = "bench-lambda-token";
const run = promisify(execFile);

/** Milliseconds: Node's own start-up before the child's first line, the import, the first invocation. */
interface Timing {
  startMs: number;
  importMs: number;
  firstMs: number;
}

// Inside the repository (test-output/ is git-ignored): external @aws-sdk/* imports
// resolve from node_modules, as they resolve from the runtime's own copy on Lambda.
const outputs = fileURLToPath(new URL("../test-output/", import.meta.url));
await mkdir(outputs, { recursive: true });
const dir = await mkdtemp(join(outputs, "lambda-bench-"));

const [graph, dynamo] = await Promise.all([startGraphServer({ token: TOKEN }), startDynalite()]);
try {
  const tableName = await dynamo.table("bench");

  await writeFile(join(dir, "hello.ts"), `export const handler = async (event: unknown, context: unknown) => ({ statusCode: 200, body: "hello" });\n`);
  await writeFile(
    join(dir, "minimal.ts"),
    `import { WhatsApp } from "@edgewa/core";
import { toLambda } from "@edgewa/lambda";
const wa = new WhatsApp({ phoneId: "${PHONE_ID}", appSecret: process.env.WHATSAPP_APP_SECRET, logger: console });
wa.onMessage(() => {});
export const handler = toLambda(wa);
`,
  );
  const example = fileURLToPath(new URL("../examples/lambda/src/handler.ts", import.meta.url));
  const bundles: { name: string; file: string; peer?: true }[] = [];
  const add = async (name: string, out: string, entry: string, externalAwsSdk: boolean, peer?: true) => {
    await buildLambda({ outdir: join(dir, out), entryPoints: { handler: entry }, externalAwsSdk });
    bundles.push({ name, file: join(dir, out, "handler.mjs"), ...(peer ? { peer } : {}) });
  };
  await add("example bot, @aws-sdk external (deployed)", "example", example, true);
  await add("example bot, @aws-sdk bundled", "example-sdk", example, false);
  await add("minimal edgewa (MemoryStore, no-op handler)", "minimal", join(dir, "minimal.ts"), true);
  await add("peer: hello-world handler", "hello", join(dir, "hello.ts"), true, true);

  const env: NodeJS.ProcessEnv = {
    PATH: process.env["PATH"],
    TABLE_NAME: tableName,
    WHATSAPP_PHONE_ID: PHONE_ID,
    WHATSAPP_TOKEN: TOKEN,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_VERIFY_TOKEN: "bench-verify",
    WHATSAPP_GRAPH_URL: graph.url,
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  };

  // The child: a new container's first request.
  const CHILD = `
const t0 = performance.now();
const { handler } = await import(process.argv[1]);
const t1 = performance.now();
const result = await handler(JSON.parse(process.argv[2]), { awsRequestId: "bench", getRemainingTimeInMillis: () => 25000 });
const t2 = performance.now();
if (result.statusCode !== 200) throw new Error("answered " + result.statusCode + ": " + result.body);
process.stdout.write(JSON.stringify({ startMs: t0, importMs: t1 - t0, firstMs: t2 - t1 }));
`;
  const times = new Map(bundles.map((b) => [b.name, [] as Timing[]]));
  let n = 0;
  for (let round = 0; round < RUNS + 1; round++) {
    for (const b of bundles) {
      // A new message each time, so that every first webhook really claims and handles one.
      const event = signedPost("apiGatewayV2", SECRET, text(`cold start ${++n}`));
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", CHILD, `file://${b.file}`, JSON.stringify(event)], { env });
      if (round > 0) times.get(b.name)!.push(JSON.parse(stdout) as Timing); // round 0 warms the disk cache
    }
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const peer = bundles.find((b) => b.peer)!;
  const total = (name: string) => median(times.get(name)!.map((t) => t.importMs + t.firstMs));
  const peerTotal = total(peer.name);

  console.log(`\nLambda handler bundles (esbuild, minified ESM, platform node; node ${process.version})\n`);
  console.log("bundle".padEnd(46), "raw".padStart(11), "gzip".padStart(11));
  for (const b of bundles) {
    const bytes = await readFile(b.file);
    console.log(b.name.padEnd(46), kib(bytes.byteLength).padStart(11), kib(gzipSync(bytes, { level: 9 }).byteLength).padStart(11));
  }
  console.log(`\nCold start: fresh Node process, import + first signed webhook (median of ${RUNS} runs)\n`);
  console.log("bundle".padEnd(46), "import".padStart(9), "1st call".padStart(9), "total".padStart(9), "vs peer".padStart(9));
  for (const b of bundles) {
    const ts = times.get(b.name)!;
    const row = [median(ts.map((t) => t.importMs)), median(ts.map((t) => t.firstMs)), total(b.name)];
    console.log(b.name.padEnd(46), ...row.map((ms) => `${ms.toFixed(1)} ms`.padStart(9)), `${(total(b.name) / peerTotal).toFixed(1)}×`.padStart(9));
  }
  const startup = median([...times.values()].flat().map((t) => t.startMs));
  console.log(`\nNode's own start-up before the import (not in the totals): ${startup.toFixed(1)} ms median.`);
  console.log(`The example bot's first call makes 3 DynamoDB calls to dynalite (1 read, 2 writes) and 2 Graph API calls to a local server.`);
} finally {
  await Promise.all([graph.close(), dynamo.close(), rm(dir, { recursive: true, force: true })]);
}
