import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FlowBlockedByIntegrity, FlowDeletingError, FlowDeprecatingError, FlowError, FlowPublishingError, FlowUpdatingError, WhatsApp } from "@edgewa/core";
import {
  FlowCategory,
  FlowDetails,
  FlowMetricGranularity,
  FlowMetricName,
  FlowPreview,
  FlowStatus,
  FlowValidationError,
  MigratedFlowError,
  createFlow,
  deleteFlow,
  deprecateFlow,
  getFlow,
  getFlowAssets,
  getFlowMetrics,
  getFlows,
  migrateFlows,
  publishFlow,
  updateFlowJson,
  updateFlowMetadata,
} from "../packages/core/src/client/flows/index.ts";
import { CompleteAction, FlowJSON, Footer, Layout, Screen, TextHeading } from "../packages/core/src/flows/json/index.ts";
import { startGraphServer, type GraphServer, type RecordedRequest } from "./support/graph-server.ts";

/**
 * Flows management against the local Graph API server, over a real socket: the
 * exact method, path, query and body of every call (the multipart flow.json
 * upload checked by its SHA-256), three pages of getFlows, validation errors typed
 * with their lines, and the FlowError subclasses by code.
 */
const TOKEN = "test-token";
const quiet = { debug() {}, warn() {}, error() {} };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const FIELDS =
  "id,name,status,json_version,data_api_version,categories,validation_errors,endpoint_uri,preview.invalidate(true)," +
  "whatsapp_business_account,application,updated_at,health_status";

let server: GraphServer;
let wa: WhatsApp;

beforeAll(async () => {
  server = await startGraphServer({ token: TOKEN });
  wa = new WhatsApp({ phoneId: "1234567890", wabaId: "WABA_ID", token: TOKEN, graphUrl: server.url, logger: quiet, retry: { maxAttempts: 1 } });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

function only(): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

const flow = new FlowJSON({
  version: "7.1",
  screens: [
    new Screen({
      id: "WELCOME",
      title: "Welcome",
      terminal: true,
      layout: new Layout({ children: [new TextHeading({ text: "Hello" }), new Footer({ label: "Done", onClickAction: new CompleteAction() })] }),
    }),
  ],
});

/** What Meta answers for a Flow JSON with a wrong component type (Flows API reference). */
const invalidType = {
  error: "INVALID_PROPERTY_VALUE",
  error_type: "FLOW_JSON_ERROR",
  message: "Invalid value found for property 'type'.",
  line_start: 11,
  line_end: 11,
  column_start: 21,
  column_end: 34,
  pointers: [{ line_start: 11, line_end: 11, column_start: 21, column_end: 34, path: "screens[0].layout.children[0].type" }],
};

describe("createFlow", () => {
  it("POSTs /{waba-id}/flows with the Flow JSON as a string, and types the validation errors with their lines", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/WABA_ID/flows" }, { status: 200, json: { id: "FLOW_1", success: false, validation_errors: [invalidType] } });
    const created = await createFlow(wa, { name: "Sign up", categories: [FlowCategory.SIGN_UP, "OTHER"], flowJson: flow, publish: true });

    const req = only();
    expect([req.method, req.path]).toEqual(["POST", "/v25.0/WABA_ID/flows"]);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.body).toEqual({ name: "Sign up", categories: ["SIGN_UP", "OTHER"], flow_json: flow.toJsonString(), publish: true });
    expect(created.id).toBe("FLOW_1");
    expect(created.success).toBe(false);
    const [error] = created.validationErrors;
    expect(error).toBeInstanceOf(FlowValidationError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      error: "INVALID_PROPERTY_VALUE",
      errorType: "FLOW_JSON_ERROR",
      message: "Invalid value found for property 'type'.",
      lineStart: 11,
      lineEnd: 11,
      columnStart: 21,
      columnEnd: 34,
      pointers: [{ lineStart: 11, lineEnd: 11, columnStart: 21, columnEnd: 34, path: "screens[0].layout.children[0].type" }],
      location: "line 11, columns 21-34",
    });
    expect(error!.excerpt).toBe(flow.toJsonString().split("\n")[10]);
    expect(String(error)).toBe(
      "FlowValidationError: Invalid value found for property 'type'. (INVALID_PROPERTY_VALUE, line 11, columns 21-34, screens[0].layout.children[0].type)",
    );
  });

  it("sends clone_flow_id and endpoint_uri, to another WABA, and a dict Flow JSON as text", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/OTHER_WABA/flows" }, { status: 200, json: { id: "FLOW_2" } });
    const created = await createFlow(wa, {
      name: "Copy",
      categories: ["SURVEY"],
      cloneFlowId: "FLOW_1",
      endpointUri: "https://example.com/flows/survey",
      flowJson: { version: "7.1", screens: [] },
      wabaId: "OTHER_WABA",
    });
    expect(only().body).toEqual({
      name: "Copy",
      categories: ["SURVEY"],
      clone_flow_id: "FLOW_1",
      endpoint_uri: "https://example.com/flows/survey",
      flow_json: JSON.stringify({ version: "7.1", screens: [] }, null, 2),
    });
    expect(created).toEqual({ id: "FLOW_2", success: true, validationErrors: [], raw: { id: "FLOW_2" } });
  });

  it("needs a WABA id, a name, categories, and a Flow JSON to publish", async () => {
    const noWaba = new WhatsApp({ token: TOKEN, graphUrl: server.url, logger: quiet });
    await expect(createFlow(noWaba, { name: "x", categories: ["OTHER"] })).rejects.toThrow(/no WhatsApp Business Account id/);
    await expect(createFlow(wa, { name: "x", categories: [] })).rejects.toThrow(/at least one category/);
    await expect(createFlow(wa, { name: "x", categories: ["OTHER"], publish: true })).rejects.toThrow(/publish needs flowJson/);
    await expect(createFlow(wa, { name: "x", categories: ["OTHER"], flowJson: "flows/signup.json" })).rejects.toThrow(/read it first/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("updateFlowJson", () => {
  it("uploads flow.json as multipart (file, name, asset_type, messaging_product), checked by SHA-256", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1/assets" }, { status: 200, json: { success: true, validation_errors: [] } });
    const result = await updateFlowJson(wa, { flowId: "FLOW_1", flowJson: flow });

    const req = only();
    const text = flow.toJsonString();
    expect([req.method, req.path]).toEqual(["POST", "/v25.0/FLOW_1/assets"]);
    expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.form?.fields).toEqual({ name: "flow.json", asset_type: "FLOW_JSON", messaging_product: "whatsapp" });
    expect(req.form?.files.file).toEqual({ filename: "flow.json", type: "application/json", size: new TextEncoder().encode(text).byteLength, sha256: sha256(text) });
    expect(result).toEqual({ success: true, validationErrors: [] });
  });

  it("takes JSON text, bytes, a Blob or an object, and sends those exact bytes", async () => {
    const text = '{\n  "version": "7.1",\n  "screens": []\n}';
    const inputs = [text, new TextEncoder().encode(text), new Blob([text]), { version: "7.1", screens: [] }];
    for (const flowJson of inputs) {
      server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1/assets" }, { status: 200, json: { success: true } });
      await updateFlowJson(wa, { flowId: "FLOW_1", flowJson });
    }
    expect(server.requests.map((r) => r.form?.files.file?.sha256)).toEqual(Array(4).fill(sha256(text)));
  });

  it("returns Meta's validation errors typed, located, with the offending lines of what was sent", async () => {
    const broken = '{\n  "version": "7.1",\n  "screens": [\n    { "id": "A", "layout": { "type": "Nope" } }\n  ]\n}';
    const error = {
      error: "INVALID_PROPERTY_VALUE",
      error_type: "FLOW_JSON_ERROR",
      message: "Invalid value found for property 'type'.",
      line_start: 3,
      line_end: 4,
      column_start: 5,
      column_end: 48,
      pointers: ["screens[0].layout.type"],
    };
    server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1/assets" }, { status: 200, json: { success: true, validation_errors: [error] } });
    const result = await updateFlowJson(wa, { flowId: "FLOW_1", flowJson: broken });
    expect(result.success).toBe(true);
    expect(result.validationErrors).toHaveLength(1);
    const [e] = result.validationErrors;
    expect(e!.location).toBe("lines 3-4, column 5");
    expect(e!.excerpt).toBe('  "screens": [\n    { "id": "A", "layout": { "type": "Nope" } }');
    expect(e!.pointers).toEqual([{ lineStart: undefined, lineEnd: undefined, columnStart: undefined, columnEnd: undefined, path: "screens[0].layout.type" }]);
    expect(e!.raw).toEqual(error);
  });

  it("a published flow cannot be updated: FlowUpdatingError (139001)", async () => {
    server.respondWithError({ method: "POST", path: "/v25.0/FLOW_1/assets" }, { status: 400, code: 139001, message: "Flow is not in draft", details: "Published flows cannot be updated." });
    const error = await updateFlowJson(wa, { flowId: "FLOW_1", flowJson: flow }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowUpdatingError);
    expect(error).toBeInstanceOf(FlowError);
    expect(error).toMatchObject({ code: 139001, statusCode: 400, details: "Published flows cannot be updated." });
  });
});

describe("updateFlowMetadata", () => {
  it("POSTs /{flow-id} with the fields given", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1" }, { status: 200, json: { success: true } });
    const result = await updateFlowMetadata(wa, {
      flowId: "FLOW_1",
      name: "Feedback",
      categories: ["SURVEY", "OTHER"],
      endpointUri: "https://example.com/flows/feedback",
      applicationId: "APP_1",
    });
    expect(result).toEqual({ success: true });
    const req = only();
    expect([req.method, req.path]).toEqual(["POST", "/v25.0/FLOW_1"]);
    expect(req.body).toEqual({ name: "Feedback", endpoint_uri: "https://example.com/flows/feedback", categories: ["SURVEY", "OTHER"], application_id: "APP_1" });
  });

  it("needs at least one field", async () => {
    await expect(updateFlowMetadata(wa, { flowId: "FLOW_1" })).rejects.toThrow(/at least one of name, categories, endpointUri, applicationId/);
  });
});

describe("publishFlow, deprecateFlow, deleteFlow", () => {
  it("POST /publish, POST /deprecate, DELETE /{flow-id}", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1/publish" }, { status: 200, json: { success: true } });
    server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1/deprecate" }, { status: 200, json: { success: true } });
    server.respondOnce({ method: "DELETE", path: "/v25.0/FLOW_2" }, { status: 200, json: { success: true } });
    expect(await publishFlow(wa, { flowId: "FLOW_1" })).toEqual({ success: true });
    expect(await deprecateFlow(wa, { flowId: "FLOW_1" })).toEqual({ success: true });
    expect(await deleteFlow(wa, { flowId: "FLOW_2" })).toEqual({ success: true });
    expect(server.requests.map((r) => [r.method, r.path, r.body, r.query])).toEqual([
      ["POST", "/v25.0/FLOW_1/publish", undefined, {}],
      ["POST", "/v25.0/FLOW_1/deprecate", undefined, {}],
      ["DELETE", "/v25.0/FLOW_2", undefined, {}],
    ]);
  });

  it("each failure is its FlowError subclass by code", async () => {
    const cases = [
      [139002, "/v25.0/FLOW_1/publish", "POST", () => publishFlow(wa, { flowId: "FLOW_1" }), FlowPublishingError],
      [139003, "/v25.0/FLOW_1/deprecate", "POST", () => deprecateFlow(wa, { flowId: "FLOW_1" }), FlowDeprecatingError],
      [139004, "/v25.0/FLOW_1", "DELETE", () => deleteFlow(wa, { flowId: "FLOW_1" }), FlowDeletingError],
      [139000, "/v25.0/FLOW_1/publish", "POST", () => publishFlow(wa, { flowId: "FLOW_1" }), FlowBlockedByIntegrity],
    ] as const;
    for (const [code, path, method, call, type] of cases) {
      server.respondWithError({ method, path }, { status: 400, code, message: `failed ${code}` });
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(FlowError);
      expect(error).toMatchObject({ code, statusCode: 400, graphMessage: `failed ${code}` });
    }
  });

  it("rejects an empty or non-string flow id before any request", async () => {
    await expect(publishFlow(wa, { flowId: "" })).rejects.toThrow(/flowId is empty/);
    await expect(deleteFlow(wa, { flowId: undefined as unknown as string })).rejects.toThrow(/flowId must be a string/);
    server.respondOnce({ method: "DELETE", path: "/v25.0/..%2Fme" }, { status: 200, json: { success: true } });
    await deleteFlow(wa, { flowId: "../me" });
    expect(only().path).toBe("/v25.0/..%2Fme");
  });
});

const flowWire = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Flow ${id}`,
  status: "DRAFT",
  categories: ["SIGN_UP"],
  validation_errors: [],
  json_version: "7.1",
  data_api_version: "3.0",
  endpoint_uri: "https://example.com/flows",
  preview: { preview_url: `https://business.facebook.com/wa/manage/flows/${id}/preview/?token=abc`, expires_at: "2024-02-02T10:00:00+0000" },
  whatsapp_business_account: { id: "WABA_ID", name: "Shop", currency: "USD" },
  application: { link: "https://www.facebook.com/games/?app_id=APP_1", name: "My app", id: "APP_1" },
  updated_at: "2024-01-28T08:00:00+0000",
  health_status: {
    can_send_message: "LIMITED",
    entities: [
      { entity_type: "FLOW", id, can_send_message: "LIMITED", errors: [{ error_code: 131000, error_description: "Endpoint slow", possible_solution: "Fix it" }] },
      { entity_type: "WABA", id: "WABA_ID", can_send_message: "AVAILABLE" },
    ],
  },
  ...extra,
});

describe("getFlow", () => {
  it("GETs /{flow-id} with pywa's fields and reads every one", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/FLOW_1" }, { status: 200, json: flowWire("FLOW_1", { validation_errors: [invalidType] }) });
    const details = await getFlow(wa, { flowId: "FLOW_1" });
    const req = only();
    expect([req.method, req.path, req.query]).toEqual(["GET", "/v25.0/FLOW_1", { fields: FIELDS }]);

    expect(details).toBeInstanceOf(FlowDetails);
    expect(details).toMatchObject({
      id: "FLOW_1",
      name: "Flow FLOW_1",
      status: FlowStatus.DRAFT,
      categories: ["SIGN_UP"],
      jsonVersion: "7.1",
      dataApiVersion: "3.0",
      endpointUri: "https://example.com/flows",
      whatsappBusinessAccount: { id: "WABA_ID", name: "Shop" },
      application: { id: "APP_1", name: "My app", link: "https://www.facebook.com/games/?app_id=APP_1" },
      updatedAt: new Date("2024-01-28T08:00:00Z"),
    });
    expect(details.preview).toBeInstanceOf(FlowPreview);
    expect(details.preview!.expiresAt).toEqual(new Date("2024-02-02T10:00:00Z"));
    expect(details.validationErrors[0]).toBeInstanceOf(FlowValidationError);
    expect(details.validationErrors[0]!.excerpt).toBeUndefined();
    expect(details.healthStatus).toMatchObject({
      canSendMessage: "LIMITED",
      entities: [
        { entityType: "FLOW", id: "FLOW_1", canSendMessage: "LIMITED", errors: [{ errorCode: 131000, errorDescription: "Endpoint slow", possibleSolution: "Fix it" }], additionalInfo: [] },
        { entityType: "WABA", id: "WABA_ID", canSendMessage: "AVAILABLE", errors: [], additionalInfo: [] },
      ],
    });
  });

  it("keeps the preview (invalidate(false)) and asks for a phone number's health status", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/FLOW_1" }, { status: 200, json: { id: "FLOW_1", data_channel_uri: "https://old.example.com" } });
    const details = await getFlow(wa, { flowId: "FLOW_1", invalidatePreview: false, phoneNumberId: "1234567890" });
    expect(only().query.fields).toBe(
      "id,name,status,json_version,data_api_version,categories,validation_errors,endpoint_uri,preview.invalidate(false)," +
        "whatsapp_business_account,application,updated_at,health_status.phone_number(1234567890)",
    );
    expect(details).toMatchObject({ id: "FLOW_1", endpointUri: "https://old.example.com", preview: undefined, healthStatus: undefined, categories: [] });
  });

  it("the details' shortcuts act on that flow; the preview URL takes pywa's parameters", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/FLOW_1" }, { status: 200, json: flowWire("FLOW_1") });
    const details = await getFlow(wa, { flowId: "FLOW_1" });
    server.clear();
    server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1/publish" }, { status: 200, json: { success: true } });
    server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1" }, { status: 200, json: { success: true } });
    server.respondOnce({ method: "POST", path: "/v25.0/FLOW_1/assets" }, { status: 200, json: { success: true } });
    server.respondOnce({ method: "GET", path: "/v25.0/FLOW_1/assets" }, { status: 200, json: { data: [] } });
    await details.publish();
    await details.updateMetadata({ name: "Renamed" });
    await details.updateJson(flow);
    await details.getAssets();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v25.0/FLOW_1/publish",
      "POST /v25.0/FLOW_1",
      "POST /v25.0/FLOW_1/assets",
      "GET /v25.0/FLOW_1/assets",
    ]);
    expect(server.requests[1]!.body).toEqual({ name: "Renamed" });

    const url = new URL(details.preview!.withParams({ interactive: true, flowToken: "tok", flowAction: "navigate", flowActionPayload: { screen: "WELCOME" }, phoneNumber: "1234567890", debug: false }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      token: "abc",
      interactive: "true",
      flow_token: "tok",
      flow_action: "navigate",
      flow_action_payload: '{"screen":"WELCOME"}',
      phone_number: "1234567890",
      debug: "false",
    });
  });
});

describe("getFlows", () => {
  it("walks three pages of /{waba-id}/flows by Meta's paging URLs", async () => {
    const path = "/v25.0/WABA_ID/flows";
    const next = (after: string) => `${server.url}${path}?fields=${encodeURIComponent(FIELDS)}&limit=2&after=${after}&access_token=${TOKEN}`;
    server.respondOnce({ method: "GET", path }, { status: 200, json: { data: [flowWire("1"), flowWire("2")], paging: { cursors: { before: "b1", after: "a1" }, next: next("a1") } } });
    server.respondOnce({ method: "GET", path }, { status: 200, json: { data: [flowWire("3"), flowWire("4")], paging: { cursors: { before: "b2", after: "a2" }, next: next("a2") } } });
    server.respondOnce({ method: "GET", path }, { status: 200, json: { data: [flowWire("5")], paging: { cursors: { before: "b3", after: "a3" } } } });

    const first = await getFlows(wa, { limit: 2 });
    expect(first.data.map((f) => f.id)).toEqual(["1", "2"]);
    expect(first.data[0]).toBeInstanceOf(FlowDetails);
    expect([first.before, first.after, first.hasNext]).toEqual(["b1", "a1", true]);
    const ids: string[] = [];
    for await (const f of first) ids.push(f.id);
    expect(ids).toEqual(["1", "2", "3", "4", "5"]);

    const [r1, r2, r3] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect([r1!.method, r1!.path, r1!.query]).toEqual(["GET", path, { fields: FIELDS, limit: "2" }]);
    expect(r2!.query).toEqual({ fields: FIELDS, limit: "2", after: "a1" });
    expect(r3!.query).toEqual({ fields: FIELDS, limit: "2", after: "a2" });
    for (const r of [r1, r2, r3]) expect(r!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("resumes from a cursor, for another WABA", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/OTHER/flows" }, { status: 200, json: { data: [] } });
    const page = await getFlows(wa, { wabaId: "OTHER", after: "a2", invalidatePreview: false });
    expect(page.data).toEqual([]);
    expect(only().query).toEqual({ fields: FIELDS.replace("invalidate(true)", "invalidate(false)"), after: "a2" });
  });
});

describe("getFlowMetrics", () => {
  it("asks for metric.name(…).granularity(…).since(…).until(…) and reads the data points", async () => {
    const metric = {
      name: "ENDPOINT_REQUEST_COUNT",
      granularity: "DAY",
      data_points: [
        { timestamp: "2024-01-28T08:00:00+0000", data: [{ key: "COUNT", value: 1 }] },
        { timestamp: "2024-01-29T08:00:00+0000", data: [{ key: "COUNT", value: 2 }] },
      ],
    };
    server.respondOnce({ method: "GET", path: "/v25.0/FLOW_1" }, { status: 200, json: { id: "FLOW_1", metric } });
    const result = await getFlowMetrics(wa, {
      flowId: "FLOW_1",
      metricName: FlowMetricName.ENDPOINT_REQUEST_COUNT,
      granularity: FlowMetricGranularity.DAY,
      since: new Date("2024-01-28T00:00:00Z"),
      until: "2024-01-30",
    });
    expect(only().query).toEqual({ fields: "metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY).since(2024-01-28).until(2024-01-30)" });
    expect(result).toEqual({
      name: "ENDPOINT_REQUEST_COUNT",
      granularity: "DAY",
      dataPoints: [
        { timestamp: new Date("2024-01-28T08:00:00Z"), data: [{ key: "COUNT", value: 1 }] },
        { timestamp: new Date("2024-01-29T08:00:00Z"), data: [{ key: "COUNT", value: 2 }] },
      ],
      raw: metric,
    });
  });

  it("without since/until", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/FLOW_1" }, { status: 200, json: { id: "FLOW_1", metric: { name: "ENDPOINT_AVAILABILITY", granularity: "LIFETIME", data_points: [] } } });
    await getFlowMetrics(wa, { flowId: "FLOW_1", metricName: "ENDPOINT_AVAILABILITY", granularity: "LIFETIME" });
    expect(only().query).toEqual({ fields: "metric.name(ENDPOINT_AVAILABILITY).granularity(LIFETIME)" });
  });
});

describe("getFlowAssets", () => {
  it("sends the fields pywa means to send, and pages", async () => {
    const path = "/v25.0/FLOW_1/assets";
    const asset = { name: "flow.json", asset_type: "FLOW_JSON", download_url: "https://mmg.whatsapp.net/v/flow.json" };
    server.respondOnce({ method: "GET", path }, { status: 200, json: { data: [asset], paging: { cursors: { after: "a1" }, next: `${server.url}${path}?fields=name,asset_type,download_url&after=a1` } } });
    server.respondOnce({ method: "GET", path }, { status: 200, json: { data: [{ ...asset, name: "old.json" }] } });
    const page = await getFlowAssets(wa, { flowId: "FLOW_1", limit: 1 });
    expect(page.data).toEqual([{ name: "flow.json", type: "FLOW_JSON", url: "https://mmg.whatsapp.net/v/flow.json" }]);
    expect((await page.all()).map((a) => a.name)).toEqual(["flow.json", "old.json"]);
    expect(server.requests[0]!.query).toEqual({ fields: "name,asset_type,download_url", limit: "1" });
    expect(server.requests[1]!.query).toEqual({ fields: "name,asset_type,download_url", after: "a1" });
    await expect(getFlowAssets(wa, { flowId: "" })).rejects.toThrow(/flowId is empty/);
  });
});

describe("migrateFlows", () => {
  it("POSTs /{destination}/migrate_flows?source_waba_id&source_flow_names and reports each flow", async () => {
    server.respondOnce(
      { method: "POST", path: "/v25.0/WABA_ID/migrate_flows" },
      {
        status: 200,
        json: {
          migrated_flows: [{ source_name: "appointment-booking", source_id: "111", migrated_id: "222" }],
          failed_flows: [{ source_name: "lead-gen", error_code: "4233041", error_message: "Flows Migration Error: Flow with the same name exists in destination WABA." }],
        },
      },
    );
    const result = await migrateFlows(wa, { sourceWabaId: "SOURCE_WABA", sourceFlowNames: ["appointment-booking", "lead-gen"] });
    const req = only();
    expect([req.method, req.path, req.query, req.body]).toEqual([
      "POST",
      "/v25.0/WABA_ID/migrate_flows",
      { source_waba_id: "SOURCE_WABA", source_flow_names: "appointment-booking,lead-gen" },
      undefined,
    ]);
    expect(result.migratedFlows).toEqual([{ sourceId: "111", sourceName: "appointment-booking", migratedId: "222" }]);
    expect(result.failedFlows).toHaveLength(1);
    const [failed] = result.failedFlows;
    expect(failed).toBeInstanceOf(MigratedFlowError);
    expect(failed).toMatchObject({ sourceName: "lead-gen", errorCode: "4233041", errorMessage: "Flows Migration Error: Flow with the same name exists in destination WABA." });
  });

  it("to another destination; 1 to 100 names", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/DEST/migrate_flows" }, { status: 200, json: {} });
    expect(await migrateFlows(wa, { sourceWabaId: "SRC", sourceFlowNames: ["a"], destinationWabaId: "DEST" })).toEqual({ migratedFlows: [], failedFlows: [] });
    await expect(migrateFlows(wa, { sourceWabaId: "SRC", sourceFlowNames: [] })).rejects.toThrow(RangeError);
    await expect(migrateFlows(wa, { sourceWabaId: "SRC", sourceFlowNames: Array.from({ length: 101 }, (_, i) => `f${i}`) })).rejects.toThrow(/1 to 100/);
  });
});
