import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "@edgewa/example-bot";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";
import { signedRequest, textPayload } from "./support/webhook.ts";

/** The example bot that `npm start` runs, against the local Graph API server. */
const SECRET = "example-secret";
let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: "example-token" })));
afterAll(() => server.close());

describe("examples/node bot", () => {
  it("marks a text as read and echoes it, quoting it", async () => {
    const wa = createBot({ phoneId: "1234567890", token: "example-token", appSecret: SECRET, graphUrl: server.url, logger: console });
    server.clear();
    const res = await wa.fetch(signedRequest(SECRET, textPayload("echo me", { id: "wamid.EX1", from: "15551234567" })));
    expect(res.status).toBe(200);
    expect(server.requests.map((r) => r.body)).toEqual([
      { messaging_product: "whatsapp", status: "read", message_id: "wamid.EX1" },
      {
        messaging_product: "whatsapp",
        to: "15551234567",
        recipient_type: "individual",
        type: "text",
        context: { message_id: "wamid.EX1" },
        text: { body: "echo me", preview_url: false },
      },
    ]);
  });

  it("answers /start with a greeting and a button", async () => {
    const wa = createBot({ phoneId: "1234567890", token: "example-token", appSecret: SECRET, graphUrl: server.url, logger: console });
    server.clear();
    await wa.fetch(signedRequest(SECRET, textPayload("/start", { id: "wamid.EX2" })));
    const body = server.requests[0]!.body as { type: string; interactive: { type: string; body: { text: string } } };
    expect(body.type).toBe("interactive");
    expect(body.interactive.type).toBe("button");
    expect(body.interactive.body.text).toBe("Hi Test User! Send me anything and I'll echo it, or /signup.");
  });
});

describe("npm start", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));

  it("runs the example in the playground on PORT, prints one URL to open, serves the chat page there, and stops on SIGTERM", async () => {
    // The script `npm start` runs, with this Node (the repository's, which strips types).
    const start = (JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe("node examples/node/src/main.ts");
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0" };
    delete env["WHATSAPP_TOKEN"]; // with a token it would be a real bot
    const child = spawn(process.execPath, start.split(" ").slice(1), { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk));
    let url = "";
    try {
      url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 10 s; stdout: ${stdout} stderr: ${stderr}`)), 10_000);
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk;
          const found = /open (http:\/\/\S+\/)$/m.exec(stdout);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        });
        void exited.then(([code]) => reject(new Error(`exited with ${code} before printing a URL; stderr: ${stderr}`)));
      });
      // PORT=0: a port the system chose (an ephemeral one, so not the default 8080), on loopback.
      const { hostname, port, pathname } = new URL(url);
      expect([hostname, pathname]).toEqual(["127.0.0.1", "/"]);
      expect(Number(port)).toBeGreaterThan(0);
      expect(port).not.toBe("8080");
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain("<title>edgewa playground</title>");
      expect(html).toContain('<form class="composer" id="composer"');
    } finally {
      child.kill("SIGTERM");
    }
    const [code, signal] = await exited;
    // It closed its servers and exited by itself, rather than being killed by the signal.
    expect([code, signal]).toEqual([0, null]);
    expect(stdout.split("\n").filter((line) => line.includes("open http"))).toEqual([`edgewa example bot in the playground: open ${url}`]);
    expect(stderr).toBe("");
  });
});
