import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { PHONE_ID, text } from "../support/payloads.ts";
import { bundleWorker } from "./support/bundle.ts";
import { sentTexts, timesSent } from "./support/graph.ts";
import { postWebhook, sleep, startWorker, until } from "./support/runtime.ts";

/**
 * Due listener timeouts fire without the user writing again: from the store
 * object's alarm (at the deadline, no cron needed) and from the cron trigger's
 * `scheduled()` → `wa.sweep()`. The test bot (workers/quick-bot.ts) waits 1 s.
 */
const TOKEN = "cf-timeouts-token";
const SECRET = "cf-timeouts-secret";
let server: GraphServer;
let script: string;
const workers: Miniflare[] = [];

beforeAll(async () => {
  [server, script] = await Promise.all([startGraphServer({ token: TOKEN }), bundleWorker("test/cloudflare/workers/quick-bot.ts")]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.dispose()));
  await server?.close();
});
beforeEach(() => server.clear());

function start(extra: Record<string, string> = {}): Miniflare {
  const mf = startWorker({
    script,
    bindings: {
      WHATSAPP_PHONE_ID: PHONE_ID,
      WHATSAPP_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_VERIFY_TOKEN: "v",
      WHATSAPP_GRAPH_URL: server.url,
      ...extra,
    },
  });
  workers.push(mf);
  return mf;
}

describe("a due timeout fires without the user", () => {
  it("from the store object's alarm, at the deadline, with no cron trigger", async () => {
    const mf = start();
    expect((await postWebhook(mf, SECRET, text("/quick"))).status).toBe(200);
    await until(() => timesSent(server, "Quick, your name?") === 1, { what: "the question" });
    const asked = Date.now();
    await until(() => timesSent(server, "Too slow.") === 1, { timeoutMs: 4000, what: "the alarm's sweep" });
    expect(Date.now() - asked).toBeGreaterThanOrEqual(700);
    await sleep(300);
    expect(sentTexts(server)).toEqual(["Quick, your name?", "Too slow."]);
    // The conversation is over: a late answer is just echoed.
    await postWebhook(mf, SECRET, text("Dana"));
    await until(() => sentTexts(server).length === 3, { what: "the echo" });
    expect(sentTexts(server)[2]).toBe("Dana");
  });

  it("from the cron trigger: scheduled() runs wa.sweep() (alarms off), once", async () => {
    const mf = start({ WAKE_ALARMS: "off" });
    await postWebhook(mf, SECRET, text("/quick"));
    await until(() => timesSent(server, "Quick, your name?") === 1, { what: "the question" });
    await sleep(1300); // past the 1 s deadline: nothing fires it but a sweep
    expect(timesSent(server, "Too slow.")).toBe(0);

    const worker = await mf.getWorker();
    expect(await worker.scheduled({ cron: "*/1 * * * *" })).toMatchObject({ outcome: "ok" });
    await until(() => timesSent(server, "Too slow.") === 1, { what: "the cron's sweep" });
    expect(await worker.scheduled({ cron: "*/1 * * * *" })).toMatchObject({ outcome: "ok" });
    await sleep(200);
    expect(sentTexts(server)).toEqual(["Quick, your name?", "Too slow."]);
    // Requests and cron runs of this isolate shared one client: defineWorker built it once.
    expect(await (await mf.dispatchFetch("http://worker/__builds")).json()).toEqual({ builds: 1 });
  });

  it("an answer in time resumes the conversation, and no timeout fires later", async () => {
    const mf = start();
    await postWebhook(mf, SECRET, text("/quick"));
    await until(() => timesSent(server, "Quick, your name?") === 1, { what: "the question" });
    await postWebhook(mf, SECRET, text("Dana"));
    await until(() => timesSent(server, "Hi Dana!") === 1, { what: "the answer" });
    await sleep(1300);
    expect(sentTexts(server)).toEqual(["Quick, your name?", "Hi Dana!"]);
  });
});
