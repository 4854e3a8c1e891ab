import { describe, expect, it, vi } from "vitest";
import { ManualClock, MemoryStore, WhatsApp, filters, type Message, type Store } from "@edgewa/core";
import { loadFixtures } from "./fixtures/updates/index.ts";
import { PHONE_ID, text } from "./support/payloads.ts";
import { TOKEN, graphSuite, quiet } from "./support/graph-suite.ts";
import { signedRequest } from "./support/webhook.ts";

/**
 * The listening engine when invocations die, overlap and race: every delivery is a
 * fresh WhatsApp sharing only the store, as on a serverless platform.
 */
const SECRET = "crash-secret";
const { server } = graphSuite();
const sentTexts = () => server.requests.filter((r) => r.path.endsWith("/messages")).map((r) => (r.body as { text?: { body: string } }).text?.body);

function deliver(store: Store, clock: ManualClock, payload: object, handler: (wa: WhatsApp, msg: Message) => Promise<void>, leaseMs?: number) {
  const wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, store, clock, logger: quiet, retry: { maxAttempts: 1 } });
  wa.onMessage(filters.not(filters.command("ignore")), handler);
  return wa.fetch(signedRequest(SECRET, payload), leaseMs === undefined ? {} : { leaseMs });
}

describe("a user known by a BSUID and a phone number (default userIdentifierPriority)", () => {
  it("the reply goes to the BSUID, and the user's next message resumes the wait", async () => {
    const fixture = () => structuredClone(loadFixtures()["message"]!["text"]!) as { entry: { changes: { value: { messages: { id: string; text: { body: string } }[] } }[] }[] };
    const store = new MemoryStore();
    const clock = new ManualClock();
    const ask = async function ask(_: WhatsApp, msg: Message) {
      const name = await (await msg.reply("Name?")).waitForReply();
      await name.reply(`Hi ${name.text}`);
    };
    await deliver(store, clock, fixture(), ask);
    const answer = fixture();
    answer.entry[0]!.changes[0]!.value.messages[0]!.id = "wamid.NAME";
    answer.entry[0]!.changes[0]!.value.messages[0]!.text.body = "Pablo";
    await deliver(store, clock, answer, ask);
    expect(sentTexts()).toEqual(["Name?", "Hi Pablo"]);
    expect((server.requests[0]!.body as { recipient?: string }).recipient).toMatch(/^US\./);
  });
});

describe("the client a named handler gets", () => {
  it("its wa.api works like the root's (url, setToken), not only request/send", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    let url: string | undefined;
    const handler = async function usesApi(wa: WhatsApp, msg: Message) {
      url = wa.api.url({ path: "/me", query: { fields: "id" } });
      await msg.reply("ok");
    };
    expect((await deliver(store, clock, text("hi"), handler)).status).toBe(200);
    expect(url).toBe(`${server.url}/v25.0/me?fields=id`);
    expect(sentTexts()).toEqual(["ok"]);
  });
});

describe("after a wait is taken", () => {
  it("two calls in flight at once are both recorded (no false conflict), and the conversation goes on", async () => {
    // Writes that take a while, as DynamoDB's do: two lease writes overlap unless queued.
    const inner = new MemoryStore();
    const store: Store = {
      atomic: true,
      get: (k) => inner.get(k),
      set: async (k, v, o) => (await new Promise((r) => setTimeout(r, 15)), inner.set(k, v, o)),
      delete: (k, o) => inner.delete(k, o),
    };
    const clock = new ManualClock();
    const both = async function both(_: WhatsApp, msg: Message) {
      const a = await (await msg.reply("Q1")).waitForReply();
      await Promise.all([a.reply("left"), a.reply("right")]);
      const b = await (await a.reply("Q2")).waitForReply();
      await b.reply(`done ${b.text}`);
    };
    expect((await deliver(store, clock, text("start"), both)).status).toBe(200);
    expect((await deliver(store, clock, text("a"), both)).status).toBe(200);
    expect((await deliver(store, clock, text("b"), both)).status).toBe(200);
    expect(sentTexts().filter((t) => t === "left" || t === "right").sort()).toEqual(["left", "right"]);
    expect(sentTexts().slice(-1)).toEqual(["done b"]);
    expect(sentTexts().filter((t) => t === "Q2")).toHaveLength(1);
  });

  it("a run whose lease ran out while another delivery took over does not feed its update to a later wait", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let slow = true;
    let stuck = false;
    const flow = async function flow(wa: WhatsApp, msg: Message) {
      const a = await (await msg.reply("Q1")).waitForReply();
      await wa.step("slow", async () => {
        if (!slow) return;
        stuck = true;
        await held; // the first delivery is stuck here past its lease
      });
      await a.reply(`got ${a.text}`);
      const b = await (await a.reply("Q2")).waitForReply();
      await b.reply(`done ${b.text}`);
    };
    await deliver(store, clock, text("start"), flow);
    const first = deliver(store, clock, text("A1"), flow, 2_000);
    await vi.waitFor(() => expect(stuck).toBe(true));
    // The lease runs out; a new message takes the conversation over and goes on.
    clock.advance(2_001);
    slow = false;
    expect((await deliver(store, clock, text("A2"), flow)).status).toBe(200);
    // The new delivery replays A1's wait, runs the tail, and its message meets Q2.
    expect(sentTexts()).toEqual(["Q1", "got A1", "Q2", "done A2"]);
    release();
    expect((await first).status).toBe(200);
    // The stuck run stops at its first lease write: nothing of it is sent again, and A1
    // is not fed into a later wait ("done A1").
    expect(sentTexts()).toEqual(["Q1", "got A1", "Q2", "done A2"]);
  });

  it("a delivery that takes over a dead run records the tail it runs, even when its message does not match", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    let dead = true;
    const steps = async function steps(_: WhatsApp, msg: Message) {
      const a = await (await msg.reply("Q1")).waitForReply();
      await a.reply(`thanks ${a.text}`);
      if (dead) await new Promise(() => {}); // the invocation dies here
      const yes = await (await a.reply("Q2: say yes")).waitForReply({ filters: filters.matches("yes") });
      await yes.reply("bye");
    };
    await deliver(store, clock, text("start"), steps);
    void deliver(store, clock, text("A1"), steps, 2_000);
    await vi.waitFor(() => expect(sentTexts()).toEqual(["Q1", "thanks A1"]));
    dead = false;
    clock.advance(2_001);
    // Three messages that do not answer Q2: the tail ("Q2: say yes") runs once, not once per message.
    for (const word of ["x", "y", "z"]) expect((await deliver(store, clock, text(word), steps)).status).toBe(200);
    expect(sentTexts()).toEqual(["Q1", "thanks A1", "Q2: say yes"]);
    expect((await deliver(store, clock, text("yes"), steps)).status).toBe(200);
    expect(sentTexts()).toEqual(["Q1", "thanks A1", "Q2: say yes", "bye"]);
  });
});
