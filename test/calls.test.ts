import { describe, expect, it } from "vitest";
import { CallPermissionNotFound, CallingNotEnabled, type UpdateKind, type UpdateKinds } from "@edgewa/core";
import {
  acceptCall, getCallPermissions, initiateCall, preAcceptCall, rejectCall, terminateCall, type SdpAnswer, type SdpOffer,
} from "../packages/core/src/client/calls/index.ts";
import { loadFixtures } from "./fixtures/updates/index.ts";
import { PHONE_ID, TOKEN, graphSuite } from "./support/graph-suite.ts";
import type { RecordedRequest } from "./support/graph-server.ts";
import { inHandler as runInHandler } from "./support/in-handler.ts";

/**
 * The Calling API: each method's request, and the call shortcuts pywa has on call
 * updates, driven by signed `calls` webhooks through `wa.fetch`.
 */
const SECRET = "calls-app-secret";
const CALLS = `/v25.0/${PHONE_ID}/calls`;
const fixtures = loadFixtures();

const USER_CALL = "wacid.HBgLMTY1MDU1NTEyMzQVAgASGCBDQUxMMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMRwYCzE1NTUwMDAxMTExFQIAAA==";
const BIZ_CALL = "wacid.HBgLMTY1MDU1NTEyMzQVAgASGCBDQUxMMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMhwYCzE1NTUwMDAxMTExFQIAAA==";
const ANSWER: SdpAnswer = { sdpType: "answer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n" };
const OFFER: SdpOffer = { sdpType: "offer", sdp: "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\n" };
const ok = { status: 200, json: { messaging_product: "whatsapp", success: true } };

const { server, client } = graphSuite({ appSecret: SECRET });

function bodies(): unknown[] {
  return server.requests.map((r: RecordedRequest) => r.body);
}

describe("call actions", () => {
  it("preAcceptCall / acceptCall: POST /{phone-id}/calls with the session and, for accept, the tracker", async () => {
    server.respondOnce({ method: "POST", path: CALLS }, ok);
    server.respondOnce({ method: "POST", path: CALLS }, ok);
    expect(await preAcceptCall(client(), { callId: USER_CALL, sdp: ANSWER })).toEqual({ success: true });
    expect(await acceptCall(client(), { callId: USER_CALL, sdp: ANSWER, tracker: "agent-7" })).toEqual({ success: true });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${CALLS}`, `POST ${CALLS}`]);
    expect(bodies()).toEqual([
      { messaging_product: "whatsapp", call_id: USER_CALL, action: "pre_accept", session: { sdp_type: "answer", sdp: ANSWER.sdp } },
      { messaging_product: "whatsapp", call_id: USER_CALL, action: "accept", session: { sdp_type: "answer", sdp: ANSWER.sdp }, biz_opaque_callback_data: "agent-7" },
    ]);
  });

  it("rejectCall / terminateCall: just the action", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/999/calls" }, ok);
    server.respondOnce({ method: "POST", path: CALLS }, ok);
    await rejectCall(client(), { callId: USER_CALL, phoneId: "999" });
    await terminateCall(client(), { callId: USER_CALL });
    expect(server.requests.map((r) => [r.path, r.query])).toEqual([["/v25.0/999/calls", {}], [CALLS, {}]]);
    expect(bodies()).toEqual([
      { messaging_product: "whatsapp", call_id: USER_CALL, action: "reject" },
      { messaging_product: "whatsapp", call_id: USER_CALL, action: "terminate" },
    ]);
  });

  it("a bad SDP, an empty call id or a long tracker is refused before any request", async () => {
    await expect(acceptCall(client(), { callId: USER_CALL, sdp: { sdpType: "pranswer" as "answer", sdp: "v=0" } })).rejects.toThrow(/sdpType/);
    // An offer where an answer belongs (and the reverse) is a compile error, and refused at run time.
    // @ts-expect-error acceptCall takes the business's SDP answer
    await expect(acceptCall(client(), { callId: USER_CALL, sdp: OFFER })).rejects.toThrow(/acceptCall: sdp must be an SDP answer.*got "offer"/);
    // @ts-expect-error preAcceptCall takes an answer too
    await expect(preAcceptCall(client(), { callId: USER_CALL, sdp: OFFER })).rejects.toThrow(/SDP answer/);
    // @ts-expect-error initiateCall sends the business's offer
    await expect(initiateCall(client(), { to: "15551234567", sdp: ANSWER })).rejects.toThrow(/initiateCall: sdp must be an SDP offer/);
    await expect(preAcceptCall(client(), { callId: USER_CALL, sdp: { sdpType: "answer", sdp: "" } })).rejects.toThrow(/sdp.sdp is empty/);
    await expect(rejectCall(client(), { callId: "" })).rejects.toThrow(/callId is empty/);
    await expect(acceptCall(client(), { callId: USER_CALL, sdp: ANSWER, tracker: "x".repeat(513) })).rejects.toThrow(/512/);
    expect(server.requests).toHaveLength(0);
  });

  it("calling errors are typed: 138006 CallPermissionNotFound, 138000 CallingNotEnabled", async () => {
    server.respondWithError({ method: "POST", path: CALLS }, { status: 400, code: 138006, message: "No approved call permission" });
    await expect(initiateCall(client(), { to: "15550001111", sdp: OFFER })).rejects.toBeInstanceOf(CallPermissionNotFound);
    server.respondWithError({ method: "POST", path: CALLS }, { status: 400, code: 138000, message: "Calling not enabled" });
    await expect(acceptCall(client(), { callId: USER_CALL, sdp: ANSWER })).rejects.toBeInstanceOf(CallingNotEnabled);
  });

  it("initiateCall: action connect with the offer, `to` or (BSUID) `recipient`", async () => {
    server.respondOnce({ method: "POST", path: CALLS }, { status: 200, json: { messaging_product: "whatsapp", calls: [{ id: BIZ_CALL }] } });
    server.respondOnce({ method: "POST", path: CALLS }, { status: 200, json: { messaging_product: "whatsapp", calls: [{ id: "wacid.2" }] } });
    const call = await initiateCall(client(), { to: "447700900123", sdp: OFFER, tracker: "sales" });
    await initiateCall(client(), { to: "GB.20394857612039485761", sdp: OFFER });
    expect(call).toMatchObject({ id: BIZ_CALL, to: "447700900123", fromPhoneId: PHONE_ID, success: true });
    expect(bodies()).toEqual([
      { messaging_product: "whatsapp", to: "447700900123", action: "connect", session: { sdp_type: "offer", sdp: OFFER.sdp }, biz_opaque_callback_data: "sales" },
      { messaging_product: "whatsapp", recipient: "GB.20394857612039485761", action: "connect", session: { sdp_type: "offer", sdp: OFFER.sdp } },
    ]);
  });
});

describe("getCallPermissions", () => {
  it("GET /{phone-id}/call_permissions?user_wa_id=… (pywa's intent; it raises at 4.4)", async () => {
    server.respondOnce({ method: "GET", path: `/v25.0/${PHONE_ID}/call_permissions` }, {
      status: 200,
      json: {
        messaging_product: "whatsapp",
        permission: { status: "temporary", expiration_time: 1750636800 },
        actions: [
          { action_name: "send_call_permission_request", can_perform_action: true, limits: [{ time_period: "PT24H", max_allowed: 1, current_usage: 0 }] },
          { action_name: "start_call", can_perform_action: false, limits: [{ time_period: "PT24H", max_allowed: 5, current_usage: 5, limit_expiration_time: 1750640400 }] },
        ],
      },
    });
    const permissions = await getCallPermissions(client(), { fromUser: "15550001111" });
    const [req] = server.requests;
    expect([req!.method, req!.path, req!.query, req!.body]).toEqual(["GET", `/v25.0/${PHONE_ID}/call_permissions`, { user_wa_id: "15550001111" }, undefined]);
    expect(permissions.permission).toEqual({ status: "temporary", expirationTime: new Date(1750636800 * 1000) });
    expect(permissions.actions).toEqual([
      { actionName: "send_call_permission_request", canPerformAction: true, limits: [{ timePeriod: "PT24H", maxAllowed: 1, currentUsage: 0, limitExpirationTime: undefined }] },
      { actionName: "start_call", canPerformAction: false, limits: [{ timePeriod: "PT24H", maxAllowed: 5, currentUsage: 5, limitExpirationTime: new Date(1750640400 * 1000) }] },
    ]);
  });

  it("a BSUID goes as `recipient`; a group id is refused", async () => {
    server.respondOnce({ method: "GET", path: `/v25.0/${PHONE_ID}/call_permissions` }, { status: 200, json: { permission: { status: "no_permission" }, actions: [] } });
    const permissions = await getCallPermissions(client(), { fromUser: "US.13491208655302741918" });
    expect(server.requests[0]!.query).toEqual({ recipient: "US.13491208655302741918" });
    expect(permissions.permission.status).toBe("no_permission");
    await expect(getCallPermissions(client(), { fromUser: "120363025246125486@g.us" })).rejects.toThrow(/BSUID/);
    expect(server.requests).toHaveLength(1);
  });
});

// ── The shortcuts, from signed webhooks ──────────────────────────────────────────

function fixture(file: string, name: string): object {
  const payload = fixtures[file]?.[name];
  if (!payload) throw new Error(`no fixture ${file}/${name}`);
  return structuredClone(payload);
}

/** POSTs the signed payload to a fresh client and runs `act` on the update of `kind` in its handler. */
function inHandler<K extends Exclude<UpdateKind, "raw">, R>(kind: K, payload: object, act: (update: UpdateKinds[K]) => Promise<R>): Promise<R> {
  return runInHandler(client(), SECRET, kind, payload, act);
}

describe("call shortcuts", () => {
  it("callConnect: preAccept(sdp) then accept(sdp, { tracker }) on the call, from the number it came to", async () => {
    server.respondOnce({ method: "POST", path: CALLS }, ok);
    server.respondOnce({ method: "POST", path: CALLS }, ok);
    const results = await inHandler("callConnect", fixture("call-connect", "user_initiated"), async (call) => {
      expect(call.session?.sdpType).toBe("offer");
      return [await call.preAccept(ANSWER), await call.accept(ANSWER, { tracker: "support" })];
    });
    expect(results).toEqual([{ success: true }, { success: true }]);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual([
      `POST ${CALLS} Bearer ${TOKEN}`,
      `POST ${CALLS} Bearer ${TOKEN}`,
    ]);
    expect(bodies()).toEqual([
      { messaging_product: "whatsapp", call_id: USER_CALL, action: "pre_accept", session: { sdp_type: "answer", sdp: ANSWER.sdp } },
      { messaging_product: "whatsapp", call_id: USER_CALL, action: "accept", session: { sdp_type: "answer", sdp: ANSWER.sdp }, biz_opaque_callback_data: "support" },
    ]);
  });

  it("callConnect: reject() and terminate()", async () => {
    server.respondOnce({ method: "POST", path: CALLS }, ok);
    server.respondOnce({ method: "POST", path: CALLS }, ok);
    await inHandler("callConnect", fixture("call-connect", "user_initiated"), async (call) => [await call.reject(), await call.terminate()]);
    expect(bodies()).toEqual([
      { messaging_product: "whatsapp", call_id: USER_CALL, action: "reject" },
      { messaging_product: "whatsapp", call_id: USER_CALL, action: "terminate" },
    ]);
  });

  it("a failing shortcut rejects with the typed error, inside the handler", async () => {
    server.respondWithError({ method: "POST", path: CALLS }, { status: 400, code: 138006, message: "No permission" });
    await expect(inHandler("callConnect", fixture("call-connect", "business_initiated"), (call) => call.accept(ANSWER))).rejects.toBeInstanceOf(CallPermissionNotFound);
  });

  it("callStatus: terminate() ends the business's call", async () => {
    server.respondOnce({ method: "POST", path: CALLS }, ok);
    await inHandler("callStatus", fixture("call-status", "accepted"), (status) => status.terminate());
    expect(bodies()).toEqual([{ messaging_product: "whatsapp", call_id: BIZ_CALL, action: "terminate" }]);
  });

  it("callTerminate: recall(sdp) calls the user back (initiateCall to the preferred id)", async () => {
    server.respondOnce({ method: "POST", path: CALLS }, { status: 200, json: { messaging_product: "whatsapp", calls: [{ id: "wacid.NEW" }] } });
    const call = await inHandler("callTerminate", fixture("call-terminate", "completed"), (t) => t.recall(OFFER, { tracker: "callback" }));
    expect(call.id).toBe("wacid.NEW");
    expect(bodies()).toEqual([
      { messaging_product: "whatsapp", recipient: "US.13491208655302741918", action: "connect", session: { sdp_type: "offer", sdp: OFFER.sdp }, biz_opaque_callback_data: "callback" },
    ]);
  });

  it("callPermissionUpdate: call(sdp) once the user accepted", async () => {
    server.respondOnce({ method: "POST", path: CALLS }, { status: 200, json: { messaging_product: "whatsapp", calls: [{ id: "wacid.P" }] } });
    const call = await inHandler("callPermissionUpdate", fixture("call-permission-update", "accept"), async (u) => {
      expect(u.isAccepted).toBe(true);
      return u.call(OFFER, { tracker: "after-permission" });
    });
    expect(call).toMatchObject({ id: "wacid.P", to: "US.13491208655302741918", fromPhoneId: PHONE_ID });
    expect(bodies()).toEqual([
      { messaging_product: "whatsapp", recipient: "US.13491208655302741918", action: "connect", session: { sdp_type: "offer", sdp: OFFER.sdp }, biz_opaque_callback_data: "after-permission" },
    ]);
  });
});
