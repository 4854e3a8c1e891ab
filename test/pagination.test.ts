import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Page, WhatsApp } from "@edgewa/core";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";

/** The list helper every paginated method uses, over the socket, three pages. */
let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: "t" })));
afterAll(() => server.close());

describe("Page", () => {
  it("walks three pages by Meta's absolute paging URLs, token moved to the header", async () => {
    const wa = new WhatsApp({ token: "t", graphUrl: server.url, logger: { debug() {}, warn() {}, error() {} } });
    const page = (n: number, next?: number) => ({
      data: [{ id: `${n}a` }, { id: `${n}b` }],
      paging: {
        cursors: { before: `b${n}`, after: `a${n}` },
        ...(next ? { next: `${server.url}/v25.0/WABA/things?limit=2&after=a${n}&access_token=t` } : {}),
      },
    });
    server.respondOnce({ method: "GET", path: "/v25.0/WABA/things" }, { status: 200, json: page(1, 2) });
    server.respondOnce({ method: "GET", path: "/v25.0/WABA/things" }, { status: 200, json: page(2, 3) });
    server.respondOnce({ method: "GET", path: "/v25.0/WABA/things" }, { status: 200, json: page(3) });
    const first = await Page.fetch(wa.api, { method: "GET", path: "/WABA/things", query: { fields: "id" } }, (w: { id: string }) => w.id, { limit: 2 });
    expect(first.data).toEqual(["1a", "1b"]);
    expect([first.before, first.after, first.hasNext, first.hasPrevious]).toEqual(["b1", "a1", true, false]);
    expect(await first.all()).toEqual(["1a", "1b", "2a", "2b", "3a", "3b"]);
    const [r1, r2, r3] = server.requests.slice(-3);
    expect(r1!.query).toEqual({ fields: "id", limit: "2" });
    expect(r2!.query).toEqual({ limit: "2", after: "a1" });
    expect(r3!.query.after).toBe("a2");
    for (const r of [r1, r2, r3]) expect(r!.headers.authorization).toBe("Bearer t");
  });
});
