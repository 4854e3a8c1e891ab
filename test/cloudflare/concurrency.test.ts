import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { PHONE_ID, USER, click, text } from "../support/payloads.ts";
import { bundleWorker } from "./support/bundle.ts";
import { readReceipts, sends } from "./support/graph.ts";
import { postWebhook, startWorker, until } from "./support/runtime.ts";

/**
 * Two deliveries at once for a user the signup conversation waits on, in workerd with
 * the example Worker's DurableObjectStore (the same behaviour test/listening.test.ts
 * shows on MemoryStore and test/lambda on DynamoDB). The Worker answers through
 * ctx.waitUntil, so both deliveries get 200 and Meta retries neither: the loser of the
 * wait must wait for the winner to settle and then meet the next wait, or reach the
 * ordinary handlers, never vanish and never resume the same wait a second time.
 */
const TOKEN = "cf-concurrency-token";
const SECRET = "cf-concurrency-app-secret";
const NAME_QUESTION = "What's your name?";
const AGE_QUESTION = "How old are you? (digits please)";
let server: GraphServer;
let mf: Miniflare;

beforeAll(async () => {
  let script: string;
  [server, script] = await Promise.all([startGraphServer({ token: TOKEN }), bundleWorker("examples/cloudflare/src/index.ts")]);
  mf = startWorker({
    script,
    bindings: {
      WHATSAPP_PHONE_ID: PHONE_ID,
      WHATSAPP_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_VERIFY_TOKEN: "cf-concurrency-verify",
      WHATSAPP_GRAPH_URL: server.url,
    },
  });
  await mf.ready;
});
afterAll(async () => {
  await mf?.dispose();
  await server?.close();
});

type Body = { to?: string; text?: { body: string }; interactive?: { body: { text: string } }; context?: { message_id: string } };

/** A payload from the support fixtures, sent by `user` instead of USER (each round has its own conversation). */
const from = <T>(user: string, payload: T): T => JSON.parse(JSON.stringify(payload).replaceAll(USER, user)) as T;
const idOf = (payload: ReturnType<typeof text>) => (payload.entry[0]!.changes[0]!.value as unknown as { messages: { id: string }[] }).messages[0]!.id;

/** What the bot sent `user`, in order, as text. */
const sentTo = (user: string) =>
  sends(server)
    .filter((r) => (r.body as Body).to === user)
    .map((r) => {
      const b = r.body as Body;
      return b.text?.body ?? b.interactive?.body.text ?? "?";
    });
const wamidSentTo = (user: string, body: string) => {
  const index = sentTo(user).lastIndexOf(body);
  const request = sends(server).filter((r) => (r.body as Body).to === user)[index]!;
  return (request.response as { messages: { id: string }[] }).messages[0]!.id;
};

/**
 * One round: /signup for `user`, then "Dana" and "42" at the same moment. Whichever
 * takes the name wait, the age question goes out once; the other text then either
 * answers the age (digits) or, not being digits, reaches the echo handler while the
 * age wait stays. Each branch is then finished, so the exact record proves nothing
 * was sent twice and nothing straggled in.
 */
async function race(user: string, order: "Dana, 42" | "42, Dana"): Promise<void> {
  expect((await postWebhook(mf, SECRET, from(user, text("/signup")))).status).toBe(200);
  await until(() => sentTo(user).length >= 1, { what: `${user}: the name question` });
  expect(sentTo(user)).toEqual([NAME_QUESTION]);

  // The winner's age question is answered slowly, so the other delivery surely arrives
  // while the winner holds the conversation and has to wait for it to settle.
  server.respondOnce(
    { method: "POST", path: /\/messages$/ },
    { status: 200, delayMs: 300, json: { messaging_product: "whatsapp", contacts: [{ input: user, wa_id: user }], messages: [{ id: `wamid.SLOW${user}` }] } },
  );
  const dana = from(user, text("Dana"));
  const digits = from(user, text("42"));
  const pair = order === "Dana, 42" ? [dana, digits] : [digits, dana];
  const statuses = await Promise.all(pair.map((payload) => postWebhook(mf, SECRET, payload)));
  expect(statuses.map((r) => r.status)).toEqual([200, 200]);

  // Both outcomes put three messages in front of the user; a second resume would put
  // the age question there twice.
  await until(() => sentTo(user).length >= 3, { what: `${user}: the age question and the other text's effect` });
  expect(sentTo(user).slice(0, 2)).toEqual([NAME_QUESTION, AGE_QUESTION]);
  expect(sentTo(user).filter((t) => t === AGE_QUESTION), "the age question is sent exactly once").toHaveLength(1);
  if (sentTo(user)[2] === "Confirm: Dana, 42?") {
    // "42" met the age wait: the conversation goes on to the end.
    expect(readReceipts(server).filter((r) => (r.body as { message_id?: string }).message_id === idOf(dana))).toEqual([]);
    expect((await postWebhook(mf, SECRET, from(user, click(wamidSentTo(user, "Confirm: Dana, 42?"), "yes")))).status).toBe(200);
    await until(() => sentTo(user).length >= 4, { what: `${user}: the welcome` });
    expect(sentTo(user)).toEqual([NAME_QUESTION, AGE_QUESTION, "Confirm: Dana, 42?", "Welcome, Dana!"]);
  } else {
    // "42" was the name; "Dana" is not digits, so the age wait (ignoreUpdates: false)
    // passed it to the echo handler, which quoted it and marked it read.
    expect(sentTo(user)).toEqual([NAME_QUESTION, AGE_QUESTION, "Dana"]);
    const echo = sends(server).filter((r) => (r.body as Body).to === user)[2]!;
    expect((echo.body as Body).context?.message_id).toBe(idOf(dana));
    await until(() => readReceipts(server).some((r) => (r.body as { message_id?: string }).message_id === idOf(dana)), { what: `${user}: the read receipt` });
    // The age wait is still there, and is answered once.
    expect((await postWebhook(mf, SECRET, from(user, text("30")))).status).toBe(200);
    await until(() => sentTo(user).length >= 4, { what: `${user}: the confirmation` });
    expect(sentTo(user)).toEqual([NAME_QUESTION, AGE_QUESTION, "Dana", "Confirm: 42, 30?"]);
  }
}

describe("two deliveries at once for a waiting user, with DurableObjectStore in workerd", () => {
  it("exactly one resumes the conversation; the other is not lost (both get 200)", async () => {
    // Four rounds, each with its own user (its own conversation object), the pair sent
    // in alternating order: which text wins is up to the runtime (the first dispatched
    // usually does, so both branches of race() run), and each round is a fresh throw.
    for (let round = 0; round < 4; round++) await race(`1555900000${round}`, round % 2 === 0 ? "Dana, 42" : "42, Dana");
  });
});
