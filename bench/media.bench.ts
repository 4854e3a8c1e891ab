/**
 * Memory of a large upload through `wa.uploadMedia`: the peak increase of RSS and
 * of `arrayBuffers` (process.memoryUsage) over the baseline, in MB and as a ratio
 * to the payload. Inputs: a Blob in memory, a Blob on disk (fs.openAsBlob), a
 * ReadableStream; next to them two peers that collect the same stream before
 * uploading: `new Response(stream).blob()`, and the naive way that buffers twice
 * (stream → array of chunks → one concatenated Uint8Array → Blob). (GraphApi sends
 * bodies with `redirect: "error"`: undici's fetch otherwise tees every request body
 * to replay it after a redirect, and the unread branch ends up holding the upload.)
 *
 * Two columns each: "as run" (the GC runs when it likes, so chunks already copied
 * count until collected) and "live" (a full GC before every sample: only what is
 * still referenced counts).
 *
 *   node bench/media.bench.ts      (BENCH_MB=… payload size, default 50; BENCH_ROUNDS=… default 3)
 *
 * Processes: the local Graph API server runs in a child process, so that the
 * multipart parsing and hashing of 50 MB on the receiving side never shows in the
 * numbers, and each measured upload runs in a fresh child process of its own, so
 * that every case starts from the same baseline (RSS never quite goes back down
 * after a case, and whatever one case left to the GC would be charged to the next).
 * The process you start only orchestrates and prints.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { WhatsApp } from "@edgewa/core";

const MB = 1024 * 1024;
const SIZE = Math.round(Number(process.env.BENCH_MB ?? 50) * MB);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHUNK = 64 * 1024;
const TOKEN = "bench-token";
const PHONE_ID = "1234567890";
const SAMPLE_EVERY_MS = 2;

interface Case {
  label: string;
  /** Builds the input before the baseline (what the caller already holds); returns the measured upload. */
  prepare(size: number, file: string): Promise<() => Promise<unknown>>;
}

const inMemoryBlob = async (size: number) => {
  const blob = new Blob([fill(new Uint8Array(size))], { type: "video/mp4" });
  return () => upload({ media: blob, mediaType: "video" });
};
const stream = async (size: number) => () => upload({ media: chunkStream(size), mediaType: "video" });

/** Peer: the standard way to drain a stream into a Blob. */
const responseBlob = async (size: number) => async () =>
  upload({ media: await new Response(chunkStream(size)).blob(), mediaType: "video" });

/** Peer: buffering twice, chunks into an array, then one concatenated copy, then the Blob. */
const naive = async (size: number) => async () => {
  const chunks = await readChunks(chunkStream(size));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return upload({ media: new Blob([all], { type: "video/mp4" }), mediaType: "video" });
};

const CASES: Record<string, Case> = {
  blob: { label: "Blob (in memory)", prepare: inMemoryBlob },
  fileBlob: {
    label: "Blob from fs.openAsBlob (on disk)",
    async prepare(_size, file) {
      const blob = (await openAsBlob(file, { type: "video/mp4" })) as unknown as Blob;
      return () => upload({ media: blob, mediaType: "video" });
    },
  },
  stream: { label: "ReadableStream", prepare: stream },
  responseBlob: { label: "peer: new Response(stream).blob()", prepare: responseBlob },
  naive: { label: "naive peer: chunks → concat → Blob", prepare: naive },
};

let wa: WhatsApp;
const upload = (options: Parameters<WhatsApp["uploadMedia"]>[0]) => wa.uploadMedia(options);

/** A byte stream of fresh 64 KiB chunks, as a network or file stream hands them out. */
function chunkStream(size: number): ReadableStream<Uint8Array> {
  const template = fill(new Uint8Array(CHUNK));
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(CHUNK, size - sent);
      controller.enqueue(template.slice(0, n));
      sent += n;
    },
  });
}

async function readChunks(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>[]> {
  const reader = stream.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
}

function fill(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >>> 11)) & 0xff;
  return bytes;
}

// ── Child: the Graph API server ──────────────────────────────────────────────

async function serve(): Promise<void> {
  const { startGraphServer } = await import("../test/support/graph-server.ts");
  const server = await startGraphServer({ token: TOKEN });
  process.stdout.write(`${server.url}\n`);
  // Lives as long as the orchestrator holds our stdin open.
  process.stdin.resume();
  process.stdin.on("end", () => void server.close().then(() => process.exit(0)));
}

// ── Child: one measured upload ───────────────────────────────────────────────

async function measureCase(name: string, graphUrl: string, file: string, live: boolean): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const theCase = CASES[name]!;
  wa = new WhatsApp({
    phoneId: PHONE_ID,
    token: TOKEN,
    graphUrl,
    logger: { debug() {}, warn() {}, error() {} },
    timeoutMs: 300_000,
    retry: { maxAttempts: 1 },
  });

  // Warm-up through the same path (JIT, fetch's connection pool), not measured.
  await (await theCase.prepare(MB, file))();
  const run = await theCase.prepare(SIZE, file);
  await settle(gc);

  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakAb = base.arrayBuffers;
  const sample = () => {
    // "live": collect first, so that only what is still referenced counts.
    if (live) gc();
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.arrayBuffers > peakAb) peakAb = m.arrayBuffers;
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  sample();
  clearInterval(timer);
  process.stdout.write(
    `${JSON.stringify({ name, rss: (peakRss - base.rss) / MB, ab: (peakAb - base.arrayBuffers) / MB, ms })}\n`,
  );
}

async function settle(gc: () => void): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await delay(20);
  }
}

// ── Orchestrator ─────────────────────────────────────────────────────────────

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => {
      lines.close();
      resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`${child.spawnargs.join(" ")} exited with ${code} before answering`)));
  });
}

async function orchestrate(): Promise<void> {
  const self = process.argv[1]!;
  const dir = await mkdtemp(join(tmpdir(), "edgewa-media-bench-"));
  const file = join(dir, "payload.bin");
  await writeFile(file, fill(new Uint8Array(SIZE)));
  const server = spawn(process.execPath, [self, "--server"], { stdio: ["pipe", "pipe", "inherit"] });
  try {
    const graphUrl = await firstLine(server);
    type Run = { rss: number; ab: number; ms: number };
    const results = new Map<string, { natural: Run[]; live: Run[] }>(
      Object.keys(CASES).map((k) => [k, { natural: [], live: [] }]),
    );
    const runCase = async (name: string, mode: "natural" | "live"): Promise<Run> => {
      const child = spawn(process.execPath, [self, "--case", name, graphUrl, file, mode], { stdio: ["ignore", "pipe", "inherit"] });
      return JSON.parse(await firstLine(child)) as Run;
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(CASES)) {
        results.get(name)!.natural.push(await runCase(name, "natural"));
        results.get(name)!.live.push(await runCase(name, "live"));
      }
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const mb = SIZE / MB;
    const cell = (runs: Run[], key: "rss" | "ab") => {
      const x = median(runs.map((r) => r[key]));
      return `+${x.toFixed(1)} MB ${`(${(x / mb).toFixed(2)}×)`.padStart(8)}`;
    };
    console.log(
      `\nwa.uploadMedia of a ${mb.toFixed(0)} MB payload to the local Graph server (node ${process.version}).\n` +
        `Peak increase over the baseline while uploading, median of ${ROUNDS} rounds, each run in a fresh process.\n` +
        "as run: the GC runs when it likes, so garbage (chunks already copied) counts until it is collected;\n" +
        "live: a full GC before every sample, so only what is still referenced counts.\n",
    );
    console.log(
      "input".padEnd(42),
      "RSS, as run".padStart(20),
      "arrayBuffers, as run".padStart(21),
      "RSS, live".padStart(20),
      "arrayBuffers, live".padStart(20),
      "time".padStart(8),
    );
    for (const [name, { natural, live }] of results) {
      console.log(
        CASES[name]!.label.padEnd(42),
        cell(natural, "rss").padStart(20),
        cell(natural, "ab").padStart(21),
        cell(live, "rss").padStart(20),
        cell(live, "ab").padStart(20),
        `${median(natural.map((r) => r.ms)).toFixed(0)} ms`.padStart(8),
      );
    }
  } finally {
    server.stdin!.end();
    await rm(dir, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "--server") await serve();
else if (mode === "--case") await measureCase(args[0]!, args[1]!, args[2]!, args[3] === "live");
else await orchestrate();
