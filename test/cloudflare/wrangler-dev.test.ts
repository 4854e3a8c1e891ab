import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChatInfo, ChatItem } from "@edgewa/playground";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/bundle.ts";
import { wranglerDev, type WranglerDev } from "./support/wrangler.ts";

/**
 * What the README promises, end to end and offline: `wrangler dev` runs the
 * Cloudflare example (root wrangler.toml) in workerd with its configuration as
 * `--var NAME:value`, and `edgewa-playground` (the CLI, as a user starts it) is its
 * WhatsApp: its Graph API server is the Worker's WHATSAPP_GRAPH_URL, its webhook
 * sender posts to the wrangler dev URL, and the chat page's own HTTP API sends the
 * user's text. Bot first, then the playground, as the README says (the playground
 * checks the webhook once, at start).
 *
 * Not the defaults anywhere (phone id, token), so each value must have travelled
 * through `--var`: the playground answers only its own phone id's sends, and its
 * Graph server refuses any other token.
 */
const PHONE_ID = "106540352242922";
const TOKEN = "wrangler-dev-token";
const APP_SECRET = "wrangler-dev-secret";
const VERIFY_TOKEN = "wrangler-dev-verify";

let temp: string | undefined;
let worker: WranglerDev | undefined;
let playground: PlaygroundCli | undefined;
const chats: Chat[] = [];

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), "edgewa-wrangler-dev-"));
  const graphPort = await freePort();
  worker = await wranglerDev({
    persistTo: join(temp, "state"),
    vars: {
      WHATSAPP_PHONE_ID: PHONE_ID,
      WHATSAPP_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      WHATSAPP_GRAPH_URL: `http://127.0.0.1:${graphPort}`,
    },
  });
  playground = await startPlaygroundCli([
    "--webhook", `${worker.url}/`,
    "--app-secret", APP_SECRET,
    "--verify-token", VERIFY_TOKEN,
    "--phone-id", PHONE_ID,
    "--token", TOKEN,
    "--port", "0",
    "--graph-port", String(graphPort),
  ]);
}, 90_000);

afterAll(async () => {
  for (const chat of chats) chat.close();
  await playground?.stop();
  await worker?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
}, 20_000);

describe("wrangler dev + edgewa-playground (the README's local setup)", () => {
  it("the playground prints its page and Graph URLs, and Meta's verification against wrangler dev passed at start", () => {
    const out = playground!.output();
    expect(out).toMatch(/^edgewa playground: open http:\/\/127\.0\.0\.1:\d+\/$/m);
    expect(out).toContain(`Graph API for the bot: ${playground!.graphUrl} `);
    expect(out).toContain(`webhook:               ${worker!.url}/ (signed with the app secret)`);
    expect(out).toContain("webhook verification:  ok");
  });

  it("answers Meta's GET verification with the challenge (the --var verify token), 403 to another token", async () => {
    const challenge = "1158201444";
    const ok = await fetch(`${worker!.url}/?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=${challenge}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe(challenge);

    const wrong = await fetch(`${worker!.url}/?hub.mode=subscribe&hub.verify_token=not-${VERIFY_TOKEN}&hub.challenge=${challenge}`);
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain(challenge);
  });

  it("refuses webhook POSTs not signed with the --var app secret: 401 unsigned, 403 badly signed", async () => {
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [] });
    const unsigned = await fetch(`${worker!.url}/`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    await unsigned.body?.cancel();
    const forged = await fetch(`${worker!.url}/`, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${"0".repeat(64)}` }, body });
    expect(forged.status).toBe(403);
    await forged.body?.cancel();
  });

  it("a text sent through the chat page's API reaches the Worker, and its echo comes back to the chat as the bot's bubble", async () => {
    const chat = await followChat(playground!.url);
    expect(chat.info).toMatchObject({ webhookUrl: `${worker!.url}/`, graphUrl: playground!.graphUrl });

    // What the page's composer does (public/app.js: post("/api/messages", { type: "text", text })).
    const text = "Hello from the playground, via wrangler dev!";
    const sent = await fetch(`${playground!.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "text", text }) });
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: string };
    expect(id).toMatch(/^wamid\./);

    // The Worker marked it read and echoed it, quoting it (msg.markAsRead(); msg.reply(text, { quote: true })).
    const echo = await chat.until((items) => items.find((i) => i.from === "bot" && i.bubble.text === text), "the bot's echo");
    expect(echo.bubble.kind).toBe("text");
    expect(echo.quote).toEqual({ id, from: "user", text });
    expect(echo.bubble.note).toBeUndefined(); // sent to this chat's user
    await chat.until((items) => items.find((i) => i.id === id && i.ticks === "read"), "blue ticks on the user's message");
    expect(chat.items.filter((i) => i.from === "system")).toEqual([]); // no Graph call was refused (token, phone id)

    // The playground's log: the signed webhook took (200), and the Worker's two Graph calls.
    // The Worker answers before its handler runs (waitUntil), so the playground may log the
    // Graph calls before or after it logs the webhook's answer: wait for all three lines.
    const log = await until(() => {
      const out = playground!.output();
      const all = [/← text wamid\./, /\[playground\] → webhook text: 200 in \d+ ms/, /\[playground\] ← read receipt/];
      return all.every((line) => line.test(out)) ? out : undefined;
    }, "the playground's log of the webhook's answer and the echo");
    expect(log).not.toMatch(/→ webhook text FAILED/);

    // The page reports the echo seen (public/app.js: post("/api/seen", { ids, read })): the
    // playground posts `delivered` and `read` statuses, and the Worker logs each one.
    const seen = await fetch(`${playground!.url}/api/seen`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids: [echo.id], read: true }) });
    expect(seen.status).toBe(200);
    await seen.body?.cancel();
    for (const status of ["sent", "delivered", "read"]) {
      await until(() => worker!.output().includes(`[bot] message ${echo.id} is now ${status}`) || undefined, `the Worker's log of the ${status} status`);
    }
  }, 30_000);
});

interface PlaygroundCli {
  /** The chat page, e.g. "http://127.0.0.1:41234" (no trailing slash). */
  url: string;
  graphUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `edgewa-playground` as installed (node_modules/.bin), with the Node running the
 * tests. Resolves once it has printed its URLs and its webhook check.
 */
async function startPlaygroundCli(args: readonly string[]): Promise<PlaygroundCli> {
  const child: ChildProcess = spawn(process.execPath, [`${ROOT}node_modules/.bin/edgewa-playground`, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => void (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => void (out += c.toString()));
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let exited = false;
  void exit.then(() => (exited = true));
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (!exited) child.kill("SIGKILL");
  };
  try {
    await until(() => {
      if (exited) throw new Error("edgewa-playground exited");
      return /webhook verification/.test(out) || undefined;
    }, "edgewa-playground to start", 15_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}. Its output:\n${out}`);
  }
  const url = /edgewa playground: open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
  const graphUrl = /Graph API for the bot: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  if (!url || !graphUrl) {
    await stop();
    throw new Error(`edgewa-playground printed no URLs:\n${out}`);
  }
  return { url, graphUrl, output: () => out, stop };
}

interface Chat {
  info: ChatInfo;
  /** The chat as the page shows it: every item in order, each as last changed. */
  readonly items: ChatItem[];
  until<T>(find: (items: ChatItem[]) => T | undefined, what: string): Promise<T>;
  close(): void;
}

/** The page's event stream (GET /api/events): a snapshot, then one event per change. */
async function followChat(pageUrl: string): Promise<Chat> {
  const abort = new AbortController();
  const res = await fetch(`${pageUrl}/api/events`, { signal: abort.signal });
  expect(res.status).toBe(200);
  const items: ChatItem[] = [];
  let info: ChatInfo | undefined;
  const apply = (event: { type: string; info?: ChatInfo; items?: ChatItem[]; item?: ChatItem }) => {
    if (event.type === "snapshot") {
      info = event.info;
      items.splice(0, items.length, ...(event.items ?? []));
    } else if (event.type === "item" && event.item) {
      const at = items.findIndex((i) => i.id === event.item!.id);
      if (at < 0) items.push(event.item);
      else items[at] = event.item;
    }
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
          if (data) apply(JSON.parse(data) as Parameters<typeof apply>[0]);
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  await until(() => info, "the chat's snapshot");
  const chat: Chat = {
    info: info!,
    items,
    until: (find, what) => until(() => find(items), what),
    close: () => abort.abort(),
  };
  chats.push(chat);
  return chat;
}

/** Polls `check` until it gives a value; fails naming `what` after `ms`. */
async function until<T>(check: () => T | undefined, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A port nothing listens on now (for the playground's Graph server, which the Worker must know first). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
