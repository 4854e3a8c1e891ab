import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { WhatsApp, type WhatsAppOptions } from "@edgewa/core";
import { toNodeHandler, toPagesApi, toPagesFlowApi, toWebRequest, type NodeHandler } from "@edgewa/vercel";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { PHONE_ID, text } from "../support/payloads.ts";
import { metaSignature, waitUntilRecorder } from "../support/webhook.ts";
import { flowKeys, open, seal } from "../support/flow-crypto.ts";
import { insideVercel } from "./support.ts";

/**
 * The Pages Router adapter (`pages/api/whatsapp.ts`, `bodyParser: false`) behind a
 * real node:http server on 127.0.0.1: the raw bytes come off the socket, and the
 * signature is checked over them.
 */
const SECRET = "pages-secret";
const TOKEN = "pages-token";
const VERIFY = "pages-verify";

let graph: GraphServer;
beforeAll(async () => void (graph = await startGraphServer({ token: TOKEN })));
afterAll(() => graph.close());
beforeEach(() => graph.clear());

const silent = { debug() {}, warn() {}, error() {} };
function pongBot(extra: Partial<WhatsAppOptions> = {}): WhatsApp {
  const wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, verifyToken: VERIFY, graphUrl: graph.url, logger: silent, ...extra });
  wa.onMessage(async (_, msg) => void (await msg.reply("pong")));
  return wa;
}
const sentTexts = () =>
  graph.requests.filter((r) => r.path.endsWith("/messages")).map((r) => (r.body as { text?: { body: string } }).text?.body);

/** A node:http server whose every request goes to `handler`, after `before` (e.g. a body parser). */
async function serve(handler: NodeHandler, before?: (req: IncomingMessage) => Promise<void>): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      await before?.(req);
      await handler(req, res);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const servers: Server[] = [];
afterAll(() =>
  Promise.all(
    servers.map((s) => {
      s.closeAllConnections(); // fetch keeps connections alive
      return new Promise((resolve) => s.close(resolve));
    }),
  ),
);
async function pages(handler: NodeHandler, before?: (req: IncomingMessage) => Promise<void>): Promise<string> {
  const { url, server } = await serve(handler, before);
  servers.push(server);
  return url;
}

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

/** A POST whose body arrives in several chunks without a Content-Length (chunked transfer encoding). */
function postChunked(url: string, chunks: string[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    (async () => {
      for (const chunk of chunks) {
        req.write(chunk);
        await new Promise((r) => setTimeout(r, 10));
      }
      req.end();
    })().catch(reject);
  });
}

describe("toPagesApi: pages/api/whatsapp.ts over a real socket", () => {
  it("answers the verification challenge from the query string", async () => {
    const url = await pages(toPagesApi(pongBot()));
    const res = await fetch(`${url}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=42`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("42");
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect((await fetch(`${url}/api/whatsapp?hub.mode=subscribe&hub.verify_token=no&hub.challenge=42`)).status).toBe(403);
  });

  it("a signed POST is 200 and the handler's reply reaches the Graph API; the signature is over the raw bytes", async () => {
    const url = await pages(toPagesApi(pongBot()));
    // Odd spacing and escapes: any re-serialisation of the body would break the signature.
    const body = JSON.stringify(text("ping"), null, 3).replace('"ping"', '"p\\u0069ng"');
    const res = await post(`${url}/api/whatsapp`, body, { "x-hub-signature-256": metaSignature(SECRET, body) });
    expect(res.status).toBe(200);
    expect(sentTexts()).toEqual(["pong"]);
  });

  it("a body streamed in chunks (no Content-Length) is read whole", async () => {
    const url = await pages(toPagesApi(pongBot()));
    const body = JSON.stringify(text("ping"));
    const mid = Math.floor(body.length / 2);
    const res = await postChunked(`${url}/api/whatsapp`, [body.slice(0, mid), body.slice(mid)], { "x-hub-signature-256": metaSignature(SECRET, body) });
    expect(res.status).toBe(200);
    expect(sentTexts()).toEqual(["pong"]);
  });

  it("a wrong signature is 403, a missing one 401, and no handler runs", async () => {
    const url = await pages(toPagesApi(pongBot()));
    const body = JSON.stringify(text("ping"));
    expect((await post(`${url}/api/whatsapp`, body, { "x-hub-signature-256": metaSignature("wrong", body) })).status).toBe(403);
    expect((await post(`${url}/api/whatsapp`, body)).status).toBe(401);
    expect(sentTexts()).toEqual([]);
  });

  it("an oversized chunked body is cut off with 413 without being buffered whole", async () => {
    const url = await pages(toPagesApi(pongBot({ maxBodyBytes: 1024 })));
    const big = "x".repeat(800);
    const res = await postChunked(`${url}/api/whatsapp`, [big, big, big], { "x-hub-signature-256": "sha256=00" });
    expect(res.status).toBe(413);
  });

  it("with Next's body parser left on (req.body already an object) it refuses with 500 and says what to change", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const parseJson = async (req: IncomingMessage) => {
        let raw = "";
        for await (const chunk of req) raw += String(chunk);
        (req as IncomingMessage & { body?: unknown }).body = JSON.parse(raw);
      };
      const url = await pages(toPagesApi(pongBot()), parseJson);
      const body = JSON.stringify(text("ping"));
      const res = await post(`${url}/api/whatsapp`, body, { "x-hub-signature-256": metaSignature(SECRET, body) });
      expect(res.status).toBe(500);
      expect(String(errors.mock.calls[0])).toContain("export const config = { api: { bodyParser: false } }");
      expect(sentTexts()).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  it("a body a parser kept raw (a string, bytes) is used as is", async () => {
    const keepRaw = async (req: IncomingMessage) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      (req as IncomingMessage & { body?: unknown }).body = Buffer.concat(chunks);
    };
    const url = await pages(toPagesApi(pongBot()), keepRaw);
    const body = JSON.stringify(text("ping"));
    expect((await post(`${url}/api/whatsapp`, body, { "x-hub-signature-256": metaSignature(SECRET, body) })).status).toBe(200);
    expect(sentTexts()).toEqual(["pong"]);
  });

  it("inside Vercel the 200 is written before the handler's Graph API call", async () => {
    const recorder = waitUntilRecorder();
    const handler = toPagesApi(pongBot());
    const url = await pages((req, res) => insideVercel(recorder.waitUntil, () => handler(req, res)));
    const body = JSON.stringify(text("ping"));
    const res = await post(`${url}/api/whatsapp`, body, { "x-hub-signature-256": metaSignature(SECRET, body) });
    expect(res.status).toBe(200);
    expect(graph.requests).toEqual([]);
    await recorder.settled();
    expect(sentTexts()).toEqual(["pong"]);
  });
});

describe("toPagesFlowApi: a flow endpoint as pages/api/flows/signup.ts", () => {
  it("decrypts, answers encrypted, and refuses an unsigned request with 432", async () => {
    const wa = new WhatsApp({ appSecret: SECRET, businessPrivateKey: flowKeys.privateKey, logger: silent, skipDuplicateUpdates: false });
    wa.onFlowRequest("/api/flows/signup", (_, req) => req.respond({ screen: "SIGN_UP", data: { token: req.flowToken } }));
    const url = await pages(toPagesFlowApi(wa, "/api/flows/signup"));
    const sealed = seal({ version: "3.0", action: "INIT", flow_token: "tok-1" });
    const res = await post(`${url}/api/flows/signup`, sealed.text, { "x-hub-signature-256": metaSignature(SECRET, sealed.text) });
    expect(res.status).toBe(200);
    expect(open(await res.text(), sealed)).toEqual({ version: "3.0", screen: "SIGN_UP", data: { token: "tok-1" } });
    expect((await post(`${url}/api/flows/signup`, sealed.text)).status).toBe(432);
  });
});

describe("toWebRequest / toNodeHandler", () => {
  it("builds the URL from the proxy headers, keeps repeated headers, and writes every Set-Cookie back", async () => {
    let seen: Request | undefined;
    const url = await pages(
      toNodeHandler(async (request) => {
        seen = request;
        const headers = new Headers({ "x-edgewa": "1" });
        headers.append("set-cookie", "a=1");
        headers.append("set-cookie", "b=2");
        return new Response("ok", { status: 202, headers });
      }),
    );
    const res = await fetch(`${url}/api/x?y=1`, { headers: { "x-forwarded-proto": "https", "x-forwarded-host": "bot.example, proxy", accept: "a" } });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("ok");
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(res.headers.get("x-edgewa")).toBe("1");
    expect(seen?.url).toBe("https://bot.example/api/x?y=1");
    expect(seen?.method).toBe("GET");
  });

  it("a fetch handler that throws becomes a logged 500", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const url = await pages(toNodeHandler(async () => Promise.reject(new Error("boom"))));
      const res = await fetch(`${url}/x`);
      expect(res.status).toBe(500);
      expect(await res.text()).toBe("Internal Server Error");
      expect(String(errors.mock.calls[0])).toMatch(/boom/);
    } finally {
      errors.mockRestore();
    }
  });

  it("accepts structural requests (no node:http needed) and falls back to localhost without a Host", () => {
    const request = toWebRequest({
      method: "post",
      url: "/api/whatsapp",
      headers: { "x-multi": ["1", "2"], gone: undefined },
      body: "raw text",
      async *[Symbol.asyncIterator]() {},
    });
    expect(request.url).toBe("http://localhost/api/whatsapp");
    expect(request.method).toBe("POST");
    expect(request.headers.get("x-multi")).toBe("1, 2");
  });
});
