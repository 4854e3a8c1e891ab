import { describe, expect, it } from "vitest";
import { BlockListLimitReached, BulkBlockingFailed, ReEngagementMessage, WhatsAppError } from "@edgewa/core";
import { blockUsers, getBlockedUsers, unblockUsers } from "../packages/core/src/client/users/index.ts";
import { PHONE_ID, TOKEN, graphSuite } from "./support/graph-suite.ts";
import type { RecordedRequest } from "./support/graph-server.ts";

/** Blocking users: the requests, the per-user outcomes Meta reports, and the block list's pages. */
const BLOCK = `/v25.0/${PHONE_ID}/block_users`;

const { server, client } = graphSuite({ wabaId: "WABA_ID" });

function only(): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

/** A failed user as Meta's block_users documentation shows it. */
const reEngagement = (input: string) => ({
  input,
  wa_id: input,
  errors: [{ message: "Re-engagement message", code: 131047, error_data: { details: "User has not messaged in the last 24 hours" } }],
});

describe("blockUsers", () => {
  it("POST /{phone-id}/block_users: phone numbers as `user`, BSUIDs as `user_id`", async () => {
    server.respondOnce({ method: "POST", path: BLOCK }, {
      status: 200,
      json: {
        messaging_product: "whatsapp",
        block_users: { added_users: [{ input: "+1 555 000 1111", wa_id: "15550001111" }, { input: "US.13491208655302741918", user_id: "US.13491208655302741918" }] },
      },
    });
    const result = await blockUsers(client(), { users: ["+1 555 000 1111", "US.13491208655302741918", 447700900123, "US.ENT.11815799212886844830"] });
    const req = only();
    expect({ method: req.method, path: req.path, query: req.query, body: req.body }).toEqual({
      method: "POST",
      path: BLOCK,
      query: {},
      body: {
        messaging_product: "whatsapp",
        block_users: [{ user: "+1 555 000 1111" }, { user_id: "US.13491208655302741918" }, { user: "447700900123" }, { user_id: "US.ENT.11815799212886844830" }],
      },
    });
    expect(result.added).toEqual([
      { input: "+1 555 000 1111", waId: "15550001111", bsuid: undefined, parentBsuid: undefined },
      { input: "US.13491208655302741918", waId: undefined, bsuid: "US.13491208655302741918", parentBsuid: undefined },
    ]);
    expect(result.failed).toEqual([]);
    expect(result.error).toBeUndefined();
  });

  it("partial success in a 200 answer: every failed user with its typed error", async () => {
    server.respondOnce({ method: "POST", path: BLOCK }, {
      status: 200,
      json: {
        messaging_product: "whatsapp",
        block_users: { added_users: [{ input: "15550001111", wa_id: "15550001111" }], failed_users: [reEngagement("15550002222")] },
        errors: { message: "(#139100) Failed to block/unblock users", type: "OAuthException", code: 139100, error_data: { details: "Failed to block some users" } },
      },
    });
    const result = await blockUsers(client(), { users: ["15550001111", "15550002222"] });
    expect(result.added.map((u) => u.waId)).toEqual(["15550001111"]);
    expect(result.failed).toHaveLength(1);
    const failure = result.failed[0]!;
    expect(failure.user).toBe("15550002222");
    expect(failure.error).toBeInstanceOf(ReEngagementMessage);
    expect(failure.error.details).toBe("User has not messaged in the last 24 hours");
    expect(failure.errors).toHaveLength(1);
    expect(result.error).toBeInstanceOf(BulkBlockingFailed);
  });

  it("partial success as Meta documents it (HTTP 400, code 139100, with the per-user lists)", async () => {
    const envelope = {
      messaging_product: "whatsapp",
      block_users: { added_users: [{ input: "15550001111", wa_id: "15550001111" }], failed_users: [reEngagement("15550002222")] },
      error: { message: "(#139100) Failed to block/unblock users", type: "OAuthException", code: 139100, error_data: { details: "Failed to block some users, see the block_users response list for details" }, fbtrace_id: "A1" },
    };
    // Whether the transport keeps the body next to the error (`WhatsAppError.responseBody`, see graph/request.ts).
    server.respondOnce({ method: "POST", path: "/v25.0/probe" }, { status: 400, json: envelope });
    const probe = await client().api.request({ method: "POST", path: "/probe" }).catch((e: unknown) => e);
    const keepsBody = (probe as { responseBody?: unknown }).responseBody !== undefined;

    server.clear();
    server.respondOnce({ method: "POST", path: BLOCK }, { status: 400, json: envelope });
    const outcome = await blockUsers(client(), { users: ["15550001111", "15550002222"] }).then((result) => ({ result }), (error: unknown) => ({ error }));
    expect(only().body).toEqual({ messaging_product: "whatsapp", block_users: [{ user: "15550001111" }, { user: "15550002222" }] });
    if (keepsBody) {
      expect(outcome).toHaveProperty("result");
      const { result } = outcome as { result: Awaited<ReturnType<typeof blockUsers>> };
      expect(result.added.map((u) => u.input)).toEqual(["15550001111"]);
      expect(result.failed.map((f) => [f.user, f.error.code])).toEqual([["15550002222", 131047]]);
      expect(result.error).toBeInstanceOf(BulkBlockingFailed);
      expect(result.error?.statusCode).toBe(400);
    } else {
      // Until the transport keeps the body, the partial answer surfaces as its error.
      expect((outcome as { error: unknown }).error).toBeInstanceOf(BulkBlockingFailed);
    }
  });

  it("a whole-call error without per-user lists is thrown, typed: 139101 BlockListLimitReached", async () => {
    server.respondWithError({ method: "POST", path: BLOCK }, { status: 400, code: 139101, message: "Blocklist limit reached" });
    await expect(blockUsers(client(), { users: ["15550001111"] })).rejects.toBeInstanceOf(BlockListLimitReached);
  });

  it("no users, or an empty one, is refused before any request", async () => {
    await expect(blockUsers(client(), { users: [] })).rejects.toThrow(/users is empty/);
    await expect(unblockUsers(client(), { users: [" "] })).rejects.toThrow(/a user is empty/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("unblockUsers", () => {
  it("DELETE /{phone-id}/block_users with the same JSON body; removed and failed users", async () => {
    server.respondOnce({ method: "DELETE", path: BLOCK }, {
      status: 200,
      json: {
        messaging_product: "whatsapp",
        block_users: { removed_users: [{ input: "15550001111", wa_id: "15550001111" }], failed_users: [{ input: "bad", errors: [{ message: "Invalid", code: 131009, error_data: { details: "Not a number" } }] }] },
      },
    });
    const result = await unblockUsers(client(), { users: ["15550001111", "bad"], phoneId: PHONE_ID });
    const req = only();
    expect({ method: req.method, path: req.path, body: req.body }).toEqual({
      method: "DELETE",
      path: BLOCK,
      body: { messaging_product: "whatsapp", block_users: [{ user: "15550001111" }, { user: "bad" }] },
    });
    expect(result.removed.map((u) => u.waId)).toEqual(["15550001111"]);
    expect(result.failed.map((f) => [f.user, f.waId, f.error.code, f.error.details])).toEqual([["bad", undefined, 131009, "Not a number"]]);
    expect(result.error).toBeUndefined();
    expect(result.raw).toHaveProperty("block_users");
  });

  it("an unknown failure code stays a WhatsAppError", async () => {
    server.respondWithError({ method: "DELETE", path: BLOCK }, { status: 400, code: 139102, message: "Concurrent update" });
    const error = await unblockUsers(client(), { users: ["1"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect((error as WhatsAppError).code).toBe(139102);
  });
});

describe("getBlockedUsers", () => {
  it("GET /{phone-id}/block_users, three pages; items without `input` (pywa's KeyError) are read", async () => {
    const pages = [[{ messaging_product: "whatsapp", wa_id: "1" }, { messaging_product: "whatsapp", wa_id: "2" }], [{ messaging_product: "whatsapp", user_id: "US.3" }], [{ wa_id: "4", user_id: "US.4", parent_user_id: "US.ENT.4" }]];
    pages.forEach((data, i) => {
      const next = i < 2 ? { next: `${server.url}/v25.0/${PHONE_ID}/block_users?limit=2&after=c${i + 1}&access_token=${TOKEN}` } : {};
      server.respondOnce({ method: "GET", path: BLOCK }, { status: 200, json: { data, paging: { cursors: { before: `b${i + 1}`, after: `c${i + 1}` }, ...next } } });
    });
    const first = await getBlockedUsers(client(), { limit: 2 });
    expect(first.data).toEqual([
      { input: undefined, waId: "1", bsuid: undefined, parentBsuid: undefined },
      { input: undefined, waId: "2", bsuid: undefined, parentBsuid: undefined },
    ]);
    const all = [];
    for await (const user of first) all.push(user);
    expect(all.map((u) => u.waId ?? u.bsuid)).toEqual(["1", "2", "US.3", "4"]);
    expect(all[3]).toEqual({ input: undefined, waId: "4", bsuid: "US.4", parentBsuid: "US.ENT.4" });
    const [r1, r2, r3] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect([r1!.method, r1!.path, r1!.query]).toEqual(["GET", BLOCK, { limit: "2" }]);
    expect(r2!.query).toEqual({ limit: "2", after: "c1" });
    expect(r3!.query).toEqual({ limit: "2", after: "c2" });
  });

  it("cursors from an earlier page resume the list", async () => {
    server.respondOnce({ method: "GET", path: BLOCK }, { status: 200, json: { data: [] } });
    const page = await getBlockedUsers(client(), { after: "c7", limit: 10 });
    expect(page.data).toEqual([]);
    expect(page.hasNext).toBe(false);
    expect(only().query).toEqual({ limit: "10", after: "c7" });
  });
});
