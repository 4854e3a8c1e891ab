import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { waitUntil as vercelFunctionsWaitUntil } from "@vercel/functions";
import { WhatsApp, type WhatsAppOptions } from "@edgewa/core";
import { resolveWaitUntil, toFunction, toRoute, vercelWaitUntil } from "@edgewa/vercel";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { PHONE_ID, USER, text } from "../support/payloads.ts";
import { signedRequest, waitUntilRecorder } from "../support/webhook.ts";
import { gate, insideVercel, settledSoon, within } from "./support.ts";

/**
 * toRoute / toFunction: the exported handlers called with real `Request`s, the bot's
 * Graph API calls going over the socket to the local Graph API server.
 */
const SECRET = "vercel-secret";
const TOKEN = "vercel-token";
const VERIFY = "vercel-verify";
const URL_ = "https://bot.vercel.app/api/whatsapp";

let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: TOKEN })));
afterAll(() => server.close());
beforeEach(() => server.clear());

const silent = { debug() {}, warn() {}, error() {} };
const options = (): WhatsAppOptions => ({
  phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, verifyToken: VERIFY, graphUrl: server.url, logger: silent,
});

/** A bot that answers every message with "pong", after `before` (a gate) if given. */
function pongBot(before?: Promise<void>, extra: Partial<WhatsAppOptions> = {}): WhatsApp {
  const wa = new WhatsApp({ ...options(), ...extra });
  wa.onMessage(async (_, msg) => {
    await before;
    await msg.reply("pong");
  });
  return wa;
}

const sentTexts = () =>
  server.requests.filter((r) => r.path.endsWith("/messages")).map((r) => (r.body as { text?: { body: string } }).text?.body);

const challenge = (token: string) =>
  new Request(`${URL_}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`);

describe("toRoute: the App Router route.ts", () => {
  it("GET answers Meta's verification challenge, and refuses a wrong verify token", async () => {
    const { GET } = toRoute(pongBot());
    const ok = await GET(challenge(VERIFY));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect((await GET(challenge("wrong"))).status).toBe(403);
  });

  it("POST: a signed message runs the handler, whose reply reaches the Graph API", async () => {
    const { POST } = toRoute(pongBot());
    const res = await POST(signedRequest(SECRET, text("ping"), { url: URL_ }));
    expect(res.status).toBe(200);
    // Outside Vercel the handlers finished before the response: the reply is already there.
    expect(sentTexts()).toEqual(["pong"]);
    expect(server.requests[0]!.body).toMatchObject({ to: USER, type: "text", text: { body: "pong" } });
  });

  it("POST: a wrong signature is 403 and a missing one 401, and no handler runs", async () => {
    const { POST } = toRoute(pongBot());
    const body = text("ping");
    expect((await POST(signedRequest("not-the-secret", body, { url: URL_ }))).status).toBe(403);
    expect((await POST(signedRequest(SECRET, body, { url: URL_, signature: null }))).status).toBe(401);
    expect((await POST(signedRequest(SECRET, body, { url: URL_, signature: "sha256=" + "0".repeat(64) }))).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toEqual([]);
  });

  it("serves the webhook on the route's own path, whatever the client's webhookEndpoint", async () => {
    const { GET } = toRoute(pongBot(undefined, { webhookEndpoint: "/somewhere-else" }));
    expect(await (await GET(challenge(VERIFY))).text()).toBe("1158201444");
  });

  it('route: "client" routes by the client\'s paths instead (wa.fetch): 404 elsewhere', async () => {
    const { GET, POST } = toRoute(pongBot(undefined, { webhookEndpoint: "/api/whatsapp" }), { route: "client" });
    expect((await GET(challenge(VERIFY))).status).toBe(200);
    expect((await GET(new Request("https://bot.vercel.app/api/other"))).status).toBe(404);
    expect((await POST(signedRequest(SECRET, text("ping"), { url: URL_ }))).status).toBe(200);
    expect(sentTexts()).toEqual(["pong"]);
  });
});

describe("waitUntil", () => {
  it("inside a Vercel function: the 200 comes back before the handler's Graph API call, which runs under @vercel/functions' waitUntil", async () => {
    const recorder = waitUntilRecorder();
    const handlerMayGo = gate();
    const { POST } = toRoute(pongBot(handlerMayGo.opened));

    const res = await insideVercel(recorder.waitUntil, () =>
      within(2000, "the response (it must not wait for the gated handler)", POST(signedRequest(SECRET, text("ping"), { url: URL_ }))),
    );
    expect(res.status).toBe(200);
    expect(server.requests).toEqual([]); // nothing reached the Graph API yet
    handlerMayGo.open();
    await within(5000, "the work handed to waitUntil", recorder.settled());
    expect(sentTexts()).toEqual(["pong"]);
  });

  it("outside Vercel (no request context): the handlers finish before the response", async () => {
    const handlerMayGo = gate();
    const { POST } = toRoute(pongBot(handlerMayGo.opened));
    const pending = POST(signedRequest(SECRET, text("ping"), { url: URL_ }));
    expect(await settledSoon(pending)).toBe(false); // held by the gated handler
    handlerMayGo.open();
    expect((await within(5000, "the response", pending)).status).toBe(200);
    expect(sentTexts()).toEqual(["pong"]); // sent before the response
  });

  it("why: outside a request context @vercel/functions' waitUntil drops the promise without a word", async () => {
    expect(vercelWaitUntil()).toBeUndefined();
    expect(resolveWaitUntil("auto")).toBeUndefined();
    expect(vercelFunctionsWaitUntil(Promise.resolve())).toBeUndefined(); // no error, no effect
    const recorder = waitUntilRecorder();
    await insideVercel(recorder.waitUntil, async () => {
      expect(vercelWaitUntil()).toBe(vercelFunctionsWaitUntil);
      vercelWaitUntil()!(Promise.resolve("kept"));
    });
    expect(await recorder.settled()).toEqual(["kept"]); // @vercel/functions handed it to the runtime's waitUntil
  });

  it("an explicit waitUntil is used everywhere, e.g. Next's after() on a self-hosted server", async () => {
    const recorder = waitUntilRecorder();
    const handlerMayGo = gate();
    const { POST } = toRoute(pongBot(handlerMayGo.opened), { waitUntil: recorder.waitUntil });
    const res = await within(2000, "the response", POST(signedRequest(SECRET, text("ping"), { url: URL_ })));
    expect(res.status).toBe(200);
    expect(server.requests).toEqual([]);
    handlerMayGo.open();
    await recorder.settled();
    expect(sentTexts()).toEqual(["pong"]);
  });

  it("waitUntil: false finishes the handlers first even inside Vercel", async () => {
    const recorder = waitUntilRecorder();
    const { POST } = toRoute(pongBot(), { waitUntil: false });
    const res = await insideVercel(recorder.waitUntil, () => POST(signedRequest(SECRET, text("ping"), { url: URL_ })));
    expect(res.status).toBe(200);
    expect(sentTexts()).toEqual(["pong"]);
    expect(await recorder.settled()).toEqual([]);
  });

  it("a bad option fails when the route module loads, not on Meta's first delivery", () => {
    expect(() => toRoute(pongBot(), { waitUntil: "yes" as never })).toThrow(/waitUntil must be/);
    expect(() => toRoute(pongBot(), { route: "all" as never })).toThrow(/route must be/);
  });
});

describe("the client: an instance or a factory", () => {
  it("a factory (sync or async) runs once, on the first request, not when the route is made", async () => {
    const factory = vi.fn(async () => pongBot());
    const { GET, POST } = toRoute(factory);
    expect(factory).not.toHaveBeenCalled(); // `next build` imports the route: no client, no secrets needed
    await GET(challenge(VERIFY));
    await POST(signedRequest(SECRET, text("ping"), { url: URL_ }));
    await Promise.all([GET(challenge(VERIFY)), GET(challenge(VERIFY))]);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it("a factory that throws answers 500 (logged) and is tried again on the next request", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      let calls = 0;
      const { GET } = toRoute(() => {
        if (++calls === 1) throw new Error("TABLE_NAME points nowhere");
        return pongBot();
      });
      const failed = await GET(challenge(VERIFY));
      expect(failed.status).toBe(500);
      expect(await failed.text()).toBe("Internal Server Error"); // nothing about the cause
      expect(String(errors.mock.calls[0])).toMatch(/could not create the WhatsApp client.*TABLE_NAME points nowhere/s);
      expect((await GET(challenge(VERIFY))).status).toBe(200);
      expect(calls).toBe(2);
    } finally {
      errors.mockRestore();
    }
  });
});

describe("toFunction: a plain Vercel function (export default { fetch })", () => {
  it("serves the challenge and signed updates through fetch", async () => {
    const fn = toFunction(() => pongBot());
    expect(await (await fn.fetch(challenge(VERIFY))).text()).toBe("1158201444");
    expect((await fn.fetch(signedRequest(SECRET, text("ping"), { url: URL_ }))).status).toBe(200);
    expect(sentTexts()).toEqual(["pong"]);
    expect((await fn.fetch(signedRequest("nope", text("ping"), { url: URL_ }))).status).toBe(403);
    expect((await fn.fetch(new Request(URL_, { method: "PUT" }))).status).toBe(405);
  });

  it("inside Vercel it answers before the handlers too", async () => {
    const recorder = waitUntilRecorder();
    const handlerMayGo = gate();
    const fn = toFunction(pongBot(handlerMayGo.opened));
    const res = await insideVercel(recorder.waitUntil, () => within(2000, "the response", fn.fetch(signedRequest(SECRET, text("ping"), { url: URL_ }))));
    expect(res.status).toBe(200);
    expect(server.requests).toEqual([]);
    handlerMayGo.open();
    await recorder.settled();
    expect(sentTexts()).toEqual(["pong"]);
  });
});
