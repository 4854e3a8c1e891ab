import { describe, expect, it } from "vitest";
import { APIPermission, WhatsApp, WhatsAppError } from "@edgewa/core";
import { archiveTemplates, unarchiveTemplates } from "../packages/core/src/client/templates/index.ts";
import { TOKEN, graphSuite, quiet } from "./support/graph-suite.ts";

/**
 * Archiving and unarchiving templates: the only calls served by api.facebook.com,
 * without a version. Over the local Graph API server, which stands in for that host
 * too (a client with its own graphUrl sends them there, unversioned).
 */
const ARCHIVE = "/WABA_ID/message_templates/archive";
const UNARCHIVE = "/WABA_ID/message_templates/unarchive";

const { server, client, sent } = graphSuite({ wabaId: "WABA_ID" });

describe("archiveTemplates", () => {
  it('POST /{waba-id}/message_templates/archive {hsm_ids: "1,2,3"}: archived ids and failures with their reasons', async () => {
    const answer = {
      archived_templates: ["111", "222"],
      failed_templates: { "333": "Only approved or rejected templates can be archived" },
    };
    server.respondOnce({ method: "POST", path: ARCHIVE }, { status: 200, json: answer });
    const result = await archiveTemplates(client(), { templateIds: ["111", "222", 333] });
    expect(sent()).toEqual({ method: "POST", path: ARCHIVE, query: {}, body: { hsm_ids: "111,222,333" } });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result).toEqual({
      archived: ["111", "222"],
      failed: { "333": "Only approved or rejected templates can be archived" },
      raw: answer,
    });
  });

  it("on Meta's own graphUrl it goes to https://api.facebook.com, no version", async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = new URL(String(input));
      urls.push(url.href);
      return globalThis.fetch(`${server.url}${url.pathname}${url.search}`, init);
    };
    server.respondOnce({ method: "POST", path: "/W2/message_templates/archive" }, { status: 200, json: { archived_templates: ["1"] } });
    const wa = new WhatsApp({ phoneId: "1", token: TOKEN, fetch, logger: quiet, retry: { maxAttempts: 1 } });
    expect((await archiveTemplates(wa, { templateIds: ["1"], wabaId: "W2" })).archived).toEqual(["1"]);
    expect(urls).toEqual(["https://api.facebook.com/W2/message_templates/archive"]);
  });

  it("reads numeric ids, reasons given as objects, and an answer without either list", async () => {
    server.respondOnce({ method: "POST", path: ARCHIVE }, { status: 200, json: { archived_templates: [111], failed_templates: { "2": { error: "Template is pending" }, "3": { code: 7 } } } });
    const result = await archiveTemplates(client(), { templateIds: ["111", "2", "3"] });
    expect([result.archived, result.failed]).toEqual([["111"], { "2": "Template is pending", "3": '{"code":7}' }]);

    server.respondOnce({ method: "POST", path: ARCHIVE }, { status: 200, json: { success: true } });
    const bare = await archiveTemplates(client(), { templateIds: ["1"] });
    expect([bare.archived, bare.failed, bare.raw]).toEqual([[], {}, { success: true }]);
  });

  it("refuses, before any request: no ids, more than 100, an id with a comma or blank, no WABA", async () => {
    const wa = client();
    await expect(archiveTemplates(wa, { templateIds: [] })).rejects.toThrow(/archiveTemplates: templateIds must be a non-empty array/);
    await expect(archiveTemplates(wa, { templateIds: "1,2" as unknown as string[] })).rejects.toThrow(/non-empty array/);
    const many = Array.from({ length: 101 }, (_, i) => String(i + 1));
    await expect(archiveTemplates(wa, { templateIds: many })).rejects.toThrow(/at most 100 template ids per call \(got 101\)/);
    await expect(archiveTemplates(wa, { templateIds: ["1,2"] })).rejects.toThrow(/"1,2" is not a template id/);
    await expect(archiveTemplates(wa, { templateIds: ["1", ""] })).rejects.toThrow(/"" is not a template id/);
    await expect(archiveTemplates(wa, { templateIds: [null as unknown as string] })).rejects.toThrow(/null is not a template id/);
    await expect(archiveTemplates(client({ wabaId: undefined }), { templateIds: ["1"] })).rejects.toThrow(/archiveTemplates: no WhatsApp Business Account id/);
    expect(server.requests).toHaveLength(0);
    // 100 is the limit, not over it.
    server.respondOnce({ method: "POST", path: ARCHIVE }, { status: 200, json: { archived_templates: many.slice(0, 100) } });
    expect((await archiveTemplates(wa, { templateIds: many.slice(0, 100) })).archived).toHaveLength(100);
  });

  it("a missing permission is an APIPermission error", async () => {
    server.respondWithError({ method: "POST", path: ARCHIVE }, { status: 403, code: 200, message: "(#200) Requires whatsapp_business_management permission" });
    const error = await archiveTemplates(client(), { templateIds: ["1"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIPermission);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect([(error as WhatsAppError).code, (error as WhatsAppError).statusCode]).toEqual([200, 403]);
  });
});

describe("unarchiveTemplates", () => {
  it("POST /{waba-id}/message_templates/unarchive {hsm_ids}: unarchived ids and failures", async () => {
    const answer = { unarchived_templates: ["9"], failed_templates: { "8": "Template is not archived" } };
    server.respondOnce({ method: "POST", path: "/OTHER/message_templates/unarchive" }, { status: 200, json: answer });
    const result = await unarchiveTemplates(client(), { templateIds: [9, "8"], wabaId: "OTHER" });
    expect(sent()).toEqual({ method: "POST", path: "/OTHER/message_templates/unarchive", query: {}, body: { hsm_ids: "9,8" } });
    expect(result).toEqual({ unarchived: ["9"], failed: { "8": "Template is not archived" }, raw: answer });
  });

  it("reads its own list, not archive's, and refuses bad input the same way", async () => {
    server.respondOnce({ method: "POST", path: UNARCHIVE }, { status: 200, json: { archived_templates: ["1"] } });
    expect((await unarchiveTemplates(client(), { templateIds: ["1"] })).unarchived).toEqual([]);
    server.clear();
    await expect(unarchiveTemplates(client(), { templateIds: [] })).rejects.toThrow(/unarchiveTemplates: templateIds/);
    expect(server.requests).toHaveLength(0);
  });
});
