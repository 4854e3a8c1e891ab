import { execFile, type ExecFileOptions } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { textPayload } from "../support/webhook.ts";
import { challenge } from "../lambda/support/events.ts";

/**
 * The packages as npm would install them: scripts/build.ts into a temporary directory,
 * `npm pack` of each, the tarballs extracted into a consumer project's node_modules
 * (third-party dependencies linked from the repository's, so no network), and then
 * plain Node, a strict TypeScript and the playground's bin run against them. Nothing
 * here can reach packages/*\/src: the consumer lives outside the repository.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSC = join(ROOT, "node_modules", ".bin", "tsc");
const NAMES = ["@edgewa/cloudflare", "@edgewa/core", "@edgewa/lambda", "@edgewa/playground", "@edgewa/vercel"];
const SECRET = "packed-app-secret";
const VERIFY_TOKEN = "packed-verify-token";

interface Packed {
  name: string;
  /** The paths inside the tarball, without the leading package/. */
  files: string[];
  /** Where the tarball was extracted: <consumer>/node_modules/@edgewa/<name>. */
  dir: string;
  manifest: {
    exports: Record<string, { types: string; default: string }>;
    bin?: Record<string, string>;
    dependencies?: Record<string, string>;
    devDependencies?: unknown;
  };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: ExecFileOptions = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024, encoding: "utf8", ...options }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (error && code === -1 ? error.message : "") });
    });
  });
}

/** npm itself: the one running `npm test` if that is how we run, else the one on PATH. */
function npm(args: string[], cwd: string): Promise<Run> {
  const cli = process.env.npm_execpath;
  return cli && /\.c?js$/.test(cli) ? run(process.execPath, [cli, ...args], { cwd }) : run("npm", args, { cwd });
}

const failed = (what: string, r: Run) => new Error(`${what} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);

let tmp: string;
let consumer: string;
let server: GraphServer;
const packed = new Map<string, Packed>();

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "edgewa-packed-"));
  const out = join(tmp, "build");
  consumer = join(tmp, "consumer");
  const [build] = await Promise.all([
    run(process.execPath, [join(ROOT, "scripts", "build.ts"), "--out", out], { cwd: ROOT }),
    startGraphServer({ token: "t" }).then((s) => void (server = s)),
  ]);
  if (build.code !== 0) throw failed("scripts/build.ts", build);

  await mkdir(join(consumer, "node_modules", "@edgewa"), { recursive: true });
  await writeFile(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const dirs = ["core", "adapter-cloudflare", "adapter-lambda", "adapter-vercel", "playground"];
  await Promise.all(
    dirs.map(async (dir) => {
      const r = await npm(["pack", join(out, dir), "--pack-destination", tmp, "--json", "--offline"], tmp);
      if (r.code !== 0) throw failed(`npm pack ${dir}`, r);
      const [info] = JSON.parse(r.stdout) as { name: string; filename: string; files: { path: string }[] }[];
      const target = join(consumer, "node_modules", info!.name);
      await mkdir(target, { recursive: true });
      const tar = await run("tar", ["-xzf", join(tmp, info!.filename), "-C", target, "--strip-components=1"]);
      if (tar.code !== 0) throw failed(`tar -xzf ${info!.filename}`, tar);
      const manifest = JSON.parse(await readFile(join(target, "package.json"), "utf8")) as Packed["manifest"];
      packed.set(info!.name, { name: info!.name, files: info!.files.map((f) => f.path), dir: target, manifest });
    }),
  );

  // Third-party dependencies (and @types/node for the consumer's own tsc) from the repository.
  const thirdParty = new Set(["@types/node"]);
  for (const p of packed.values()) for (const dep of Object.keys(p.manifest.dependencies ?? {})) if (!dep.startsWith("@edgewa/")) thirdParty.add(dep);
  for (const dep of thirdParty) {
    const link = join(consumer, "node_modules", dep);
    await mkdir(dirname(link), { recursive: true });
    await symlink(join(ROOT, "node_modules", dep), link, "dir");
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("the packed packages", { timeout: 60_000 }, () => {
  it("are the five publishable packages, holding JavaScript and declarations only", () => {
    expect([...packed.keys()].sort()).toEqual(NAMES);
    for (const { name, files, manifest } of packed.values()) {
      expect(files.filter((f) => f.startsWith("src/")), name).toEqual([]);
      expect(files.filter((f) => f.includes(".test.")), name).toEqual([]);
      expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), name).toEqual([]);
      expect(files, name).toEqual(expect.arrayContaining(["package.json", "LICENSE", "README.md", "lib/index.js", "lib/index.d.ts"]));
      expect(manifest.devDependencies, name).toBeUndefined();
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
        if (dep.startsWith("@edgewa/")) expect(range, `${name} → ${dep}`).toBe("0.1.0");
      }
    }
    expect(packed.get("@edgewa/playground")!.files).toEqual(expect.arrayContaining(["public/index.html", "public/app.js", "public/style.css"]));
  });

  it("export existing .js and .d.ts files from every entry", async () => {
    for (const { name, dir, manifest } of packed.values()) {
      expect(Object.keys(manifest.exports), name).toContain(".");
      for (const [subpath, entry] of Object.entries(manifest.exports)) {
        expect(entry.types, `${name} ${subpath}`).toMatch(/^\.\/lib\/.+\.d\.ts$/);
        expect(entry.default, `${name} ${subpath}`).toMatch(/^\.\/lib\/.+\.js$/);
        await expect(stat(join(dir, entry.types)), `${name} ${subpath} types`).resolves.toBeTruthy();
        await expect(stat(join(dir, entry.default)), `${name} ${subpath} default`).resolves.toBeTruthy();
      }
    }
    expect(Object.keys(packed.get("@edgewa/playground")!.manifest.exports).sort()).toEqual([".", "./graph"]);
  });

  it("run in plain Node: a signed webhook's reply reaches the Graph API, toLambda answers the challenge, the playground serves its page", async () => {
    const payload = JSON.stringify(textPayload("ping", { id: "wamid.PACKED1" }));
    const event = JSON.stringify(challenge("apiGatewayV2", VERIFY_TOKEN, "8675309"));
    const script = join(consumer, "main.mjs");
    await writeFile(script, CONSUMER_MJS);
    // Type stripping off: nothing the consumer loads may need it (Node never strips under node_modules anyway).
    const r = await run(process.execPath, ["--no-experimental-strip-types", script], {
      cwd: consumer,
      env: { ...process.env, GRAPH_URL: server.url, APP_SECRET: SECRET, VERIFY_TOKEN, PAYLOAD: payload, EVENT: event },
    });
    if (r.code !== 0) throw failed("node main.mjs", r);
    const result = JSON.parse(r.stdout) as {
      resolved: Record<string, string>;
      loaded: Record<string, string[]>;
      webhook: { status: number };
      replied: string;
      lambda: { statusCode: number; body: string };
      page: { status: number; type: string; html: boolean };
    };

    // Each package came from the consumer's node_modules, as JavaScript.
    for (const name of NAMES) {
      const file = fileURLToPath(result.resolved[name]!);
      expect(file, name).toBe(join(consumer, "node_modules", name, "lib", "index.js"));
      expect(result.loaded[name]!.length, `${name} exports`).toBeGreaterThan(0);
    }
    expect(result.loaded["@edgewa/cloudflare"]).toEqual(expect.arrayContaining(["defineWorker", "KvStore", "DurableObjectStore"]));
    expect(result.loaded["@edgewa/vercel"]).toEqual(expect.arrayContaining(["toRoute", "toFunction"]));

    expect(result.webhook.status).toBe(200);
    const sends = server.requests.filter((q) => q.method === "POST" && q.path.endsWith("/1234567890/messages"));
    expect(sends).toHaveLength(1);
    const body = sends[0]!.body as { to: string; type: string; text: { body: string }; context?: { message_id: string } };
    expect(body.to).toBe("972501234567");
    expect(body.type).toBe("text");
    expect(body.text.body).toBe("pong");
    expect(sends[0]!.headers.authorization).toBe("Bearer t");
    expect(result.replied).toMatch(/^wamid\./);

    expect(result.lambda).toEqual({ statusCode: 200, body: "8675309" });
    expect(result.page).toEqual({ status: 200, type: "text/html; charset=utf-8", html: true });
  });

  it("type-check a strict NodeNext consumer against the packed .d.ts, where a wrong type is an error", async () => {
    await writeFile(join(consumer, "tsconfig.json"), JSON.stringify(CONSUMER_TSCONFIG));
    await writeFile(join(consumer, "check.ts"), CONSUMER_TS);
    const r = await run(TSC, ["-p", join(consumer, "tsconfig.json"), "--listFiles", "--pretty", "false"], { cwd: consumer });
    // An unused @ts-expect-error is itself an error (TS2578): a clean run proves the marked lines fail to type-check.
    if (r.code !== 0) throw failed("tsc -p consumer", r);
    const files = r.stdout.split("\n").map((line) => line.trim()).filter(Boolean);
    for (const name of ["core", "lambda", "cloudflare", "vercel", "playground"]) {
      expect(files).toContain(join(consumer, "node_modules", "@edgewa", name, "lib", "index.d.ts"));
    }
    expect(files.filter((f) => f.startsWith(join(ROOT, "packages") + sep))).toEqual([]);
  });

  it("ship the playground's bin as an executable node script that prints its usage", async () => {
    const { dir, manifest } = packed.get("@edgewa/playground")!;
    const bin = join(dir, manifest.bin!["edgewa-playground"]!);
    expect(bin.endsWith(".js")).toBe(true);
    expect((await readFile(bin, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect((await stat(bin)).mode & 0o111).not.toBe(0);
    // Run through its shebang, with this Node first on PATH.
    const r = await run(bin, ["--help"], { cwd: consumer, env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}` } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: edgewa-playground --webhook <url>/);
  });
});

const CONSUMER_MJS = `
import { createHmac } from "node:crypto";
import { WhatsApp } from "@edgewa/core";
import { toLambda } from "@edgewa/lambda";
import { startPlayground } from "@edgewa/playground";

const { GRAPH_URL, APP_SECRET, VERIFY_TOKEN, PAYLOAD, EVENT } = process.env;
const names = ["@edgewa/core", "@edgewa/lambda", "@edgewa/cloudflare", "@edgewa/vercel", "@edgewa/playground"];
const resolved = Object.fromEntries(names.map((n) => [n, import.meta.resolve(n)]));
const loaded = Object.fromEntries(await Promise.all(names.map(async (n) => [n, Object.keys(await import(n))])));

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const wa = new WhatsApp({ phoneId: "1234567890", token: "t", appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, graphUrl: GRAPH_URL, logger: quiet });
let replied;
wa.onMessage(async (_, msg) => {
  replied = (await msg.reply("pong")).id;
});

const signature = "sha256=" + createHmac("sha256", APP_SECRET).update(PAYLOAD).digest("hex");
const response = await wa.fetch(
  new Request("https://bot.example/", { method: "POST", body: PAYLOAD, headers: { "content-type": "application/json", "x-hub-signature-256": signature } }),
);

const context = {
  callbackWaitsForEmptyEventLoop: true, functionName: "edgewa", functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:edgewa", memoryLimitInMB: "256",
  awsRequestId: "req-1", logGroupName: "/aws/lambda/edgewa", logStreamName: "stream",
  getRemainingTimeInMillis: () => 25000, done() {}, fail() {}, succeed() {},
};
const lambda = await toLambda(wa)(JSON.parse(EVENT), context);

// The page is read from public/, found relative to the emitted module.
const playground = await startPlayground({ webhookUrl: "http://127.0.0.1:9/", port: 0, graphPort: 0, log() {} });
const pageResponse = await fetch(playground.url + "/");
const page = { status: pageResponse.status, type: pageResponse.headers.get("content-type"), html: (await pageResponse.text()).includes("<html") };
await playground.close();

console.log(JSON.stringify({ resolved, loaded, webhook: { status: response.status }, replied, lambda: { statusCode: lambda.statusCode, body: lambda.body }, page }));
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: "ES2023",
    // The core's declarations name Web platform types (CryptoKey, BodyInit) that
    // @types/node 22 does not declare globally: a consumer needs the DOM (or WebWorker)
    // lib, which TypeScript's default lib includes.
    lib: ["ES2023", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    // The published declarations are checked too, not taken on trust.
    skipLibCheck: false,
    noEmit: true,
    types: ["node"],
  },
  files: ["check.ts"],
};

const CONSUMER_TS = `
import { MemoryStore, WhatsApp, filters, type Message, type SentMessage } from "@edgewa/core";
import { toLambda, type LambdaHttpHandler } from "@edgewa/lambda";
import { KvStore, defineWorker } from "@edgewa/cloudflare";
import { toRoute } from "@edgewa/vercel";
import { startPlayground, type Playground } from "@edgewa/playground";
import { startGraphServer } from "@edgewa/playground/graph";

const wa = new WhatsApp({ phoneId: "1234567890", token: "t", appSecret: "s", verifyToken: "v", store: new MemoryStore() });
wa.onMessage(filters.text, async (_client, msg: Message) => {
  const sent: SentMessage = await msg.reply("pong");
  const id: string = sent.id;
  // @ts-expect-error a message id is a string, not a number
  const wrong: number = sent.id;
  void id, wrong;
});

const handler: LambdaHttpHandler = toLambda(wa);
// @ts-expect-error toLambda takes a client or a factory
toLambda(42);

void handler, KvStore, defineWorker, toRoute, startGraphServer;
export async function local(): Promise<Playground> {
  return startPlayground({ webhookUrl: "http://127.0.0.1:8787/" });
}
`;
