import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { PHONE_ID, text } from "../support/payloads.ts";
import { metaSignature } from "../support/webhook.ts";
import { flowKeys, open, seal } from "../support/flow-crypto.ts";

/**
 * examples/vercel-next built with `next build`, offline, as CI and Vercel build it:
 * the workspace packages' TypeScript sources compiled (transpilePackages), the app
 * type-checked with its own tsconfig, the webhook bundled for Node.js and the flow
 * endpoint for Edge. Then `next start` serves the build, and real HTTP requests go
 * through Next's own request handling: the webhook in its Node.js runtime, the flow
 * endpoint in its Edge runtime sandbox.
 */
const SOURCE = fileURLToPath(new URL("../../examples/vercel-next/", import.meta.url));
// Each run builds its own copy of the example, so that two runs in one checkout do not
// share a `.next` (Next refuses a second build there while one runs). A per-run
// `distDir` would not do: Next writes the dist directory into the app's tsconfig.json
// `include` and its next-env.d.ts. The copy sits in test-output/ (git-ignored), inside
// the workspace, so the packages and `next` resolve from the root node_modules as for
// the example itself.
const OUTPUTS = fileURLToPath(new URL("../../test-output/", import.meta.url));
mkdirSync(OUTPUTS, { recursive: true });
const EXAMPLE = mkdtempSync(join(OUTPUTS, "vercel-next-"));
cpSync(SOURCE, EXAMPLE, { recursive: true, filter: (path) => !/[\\/](\.next|node_modules|\.vercel|next-env\.d\.ts|[^\\/]*\.tsbuildinfo)$/.test(path) });
const require_ = createRequire(join(SOURCE, "package.json"));
const NEXT_BIN = join(dirname(require_.resolve("next/package.json")), "dist/bin/next");
const BUILD_TIMEOUT_MS = 180_000;

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runNext(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: EXAMPLE,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CI: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: a kill reaches its workers too
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  return { child, output: () => output, exited };
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("examples/vercel-next: next build, next start", () => {
  const tsconfigBefore = readFileSync(join(SOURCE, "tsconfig.json"), "utf8");
  let built = false;
  afterAll(() => rmSync(EXAMPLE, { recursive: true, force: true }));

  it(
    "builds offline, type-checked, with the webhook on Node.js and the flow endpoint on Edge",
    async () => {
      const build = runNext(["build"]);
      const timer = setTimeout(() => killGroup(build.child), BUILD_TIMEOUT_MS);
      const code = await build.exited.finally(() => clearTimeout(timer));
      const output = build.output();
      expect(code, output).toBe(0);
      expect(output).toMatch(/Finished TypeScript in/); // type-checked, not skipped
      expect(output).not.toMatch(/Skipping validation of types/);
      expect(output).toMatch(/ƒ \/api\/whatsapp\b/);
      expect(output).toMatch(/ƒ \/api\/flows\/signup\b/);
      expect(existsSync(join(EXAMPLE, ".next/server/app/api/whatsapp/route.js"))).toBe(true);
      const edge = JSON.parse(readFileSync(join(EXAMPLE, ".next/server/middleware-manifest.json"), "utf8")) as { functions: Record<string, unknown> };
      expect(Object.keys(edge.functions).sort()).toEqual(["/api/flows/signup/route", "/api/whatsapp-edge/route"]);
      // The Edge webhook: listed, and bundled for Edge only (no Node.js bundle for `next start` to fall back on).
      expect(output).toMatch(/ƒ \/api\/whatsapp-edge\b/);
      expect(existsSync(join(EXAMPLE, ".next/server/app/api/whatsapp-edge/route.js"))).toBe(false);
      // The build left the committed tsconfig alone (Next rewrites one it disagrees with).
      expect(readFileSync(join(EXAMPLE, "tsconfig.json"), "utf8")).toBe(tsconfigBefore);
      built = true;
    },
    BUILD_TIMEOUT_MS + 10_000,
  );

  describe("next start", () => {
    const SECRET = "next-start-secret";
    const VERIFY = "next-start-verify";
    const TOKEN = "next-start-token";
    let graph: GraphServer;
    let server: Run | undefined;
    let base = "";

    beforeAll(async () => {
      if (!built) return;
      graph = await startGraphServer({ token: TOKEN });
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      server = runNext(["start", "-p", String(port), "-H", "127.0.0.1"], {
        WHATSAPP_PHONE_ID: PHONE_ID,
        WHATSAPP_TOKEN: TOKEN,
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_VERIFY_TOKEN: VERIFY,
        WHATSAPP_GRAPH_URL: graph.url,
        WHATSAPP_PRIVATE_KEY: flowKeys.privateKey,
      });
      const deadline = Date.now() + 30_000;
      while (!/Ready in/.test(server.output())) {
        if (Date.now() > deadline || server.child.exitCode !== null) throw new Error(`next start did not start:\n${server.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }, 40_000);
    afterAll(async () => {
      if (server) killGroup(server.child);
      await graph?.close();
    });

    it("serves the webhook (Node.js runtime): challenge, signed update → reply on the Graph API, bad signature", async () => {
      expect(built, "next build must have succeeded").toBe(true);
      const challenge = await fetch(`${base}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=31337`);
      expect(challenge.status).toBe(200);
      expect(await challenge.text()).toBe("31337");

      const body = JSON.stringify(text("through next start"));
      const res = await fetch(`${base}/api/whatsapp`, { method: "POST", body, headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(SECRET, body) } });
      expect(res.status).toBe(200);
      // No Vercel request context under `next start`: the handlers finished before the 200.
      const sent = graph.requests.filter((r) => r.path.endsWith("/messages")).map((r) => r.body as { type?: string; text?: { body: string } });
      expect(sent.find((b) => b.type === "text")?.text?.body).toBe("through next start");

      const forged = await fetch(`${base}/api/whatsapp`, { method: "POST", body, headers: { "x-hub-signature-256": metaSignature("forged", body) } });
      expect(forged.status).toBe(403);
    });

    it("serves the flow endpoint from its Edge runtime bundle", async () => {
      expect(built, "next build must have succeeded").toBe(true);
      const sealed = seal({ version: "3.0", action: "INIT", flow_token: "edge-1" });
      const res = await fetch(`${base}/api/flows/signup`, {
        method: "POST",
        body: sealed.text,
        headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(SECRET, sealed.text) },
      });
      expect(res.status).toBe(200);
      expect(open(await res.text(), sealed)).toEqual({ version: "3.0", screen: "SIGN_UP", data: { greeting: "Welcome! What's your name?" } });
      expect((await fetch(`${base}/api/flows/signup`, { method: "POST", body: sealed.text })).status).toBe(432);
      expect((await fetch(`${base}/api/flows/signup`)).status).toBe(405);
    });

    it("serves the webhook from its Edge runtime bundle: challenge, signed update → reply on the Graph API, bad signature", async () => {
      expect(built, "next build must have succeeded").toBe(true);
      const url = `${base}/api/whatsapp-edge`;
      const challenge = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=4242`);
      expect(challenge.status).toBe(200);
      expect(await challenge.text()).toBe("4242");
      const wrongToken = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=not-${VERIFY}&hub.challenge=4242`);
      expect(wrongToken.status).toBe(403);
      expect(await wrongToken.text()).not.toContain("4242");

      const wamid = "wamid.EDGE-WEBHOOK-1";
      const body = JSON.stringify(text("through the Edge runtime", wamid));
      const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(SECRET, body) } });
      expect(res.status).toBe(200);
      // From inside the Edge sandbox, the bot's fetch reached the local Graph API server before the 200.
      const sent = graph.requests.filter((r) => r.path.endsWith(`/${PHONE_ID}/messages`)).map((r) => r.body as { type?: string; status?: string; message_id?: string; context?: { message_id: string }; text?: { body: string } });
      expect(sent).toContainEqual(expect.objectContaining({ status: "read", message_id: wamid }));
      const reply = sent.find((b) => b.type === "text" && b.context?.message_id === wamid);
      expect(reply?.text?.body).toBe("through the Edge runtime");

      const before = graph.requests.length;
      const forgedBody = JSON.stringify(text("forged on Edge"));
      const forged = await fetch(url, { method: "POST", body: forgedBody, headers: { "x-hub-signature-256": metaSignature("forged", forgedBody) } });
      expect(forged.status).toBe(403);
      expect(graph.requests.length).toBe(before); // refused before any handler ran
    });
  });
});
