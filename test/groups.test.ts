import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  GroupAPINotEligible, GroupError, GroupInvalidProfilePictureAspectRatio, GroupJoinRequestDoesNotExist, GroupUnknown,
  User, WhatsApp,
} from "@edgewa/core";
import {
  approveGroupJoinRequests, createGroup, deleteGroup, getGroup, getGroupInviteLink, getGroupJoinRequests, getGroups,
  GroupJoinRequestsPage, rejectGroupJoinRequests, removeGroupParticipants, resetGroupInviteLink, updateGroupSettings,
} from "../packages/core/src/client/groups/index.ts";
import { PHONE_ID, TOKEN, graphSuite } from "./support/graph-suite.ts";

/** Groups: every call's request field by field, its model, pagination, refused input and typed errors. */
const GROUP_ID = "Y2FwaV9ncm91cDoxNTU1MTIzNDU2Nzo";
const GROUP = `/v25.0/${GROUP_ID}`;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const { server, client, sent } = graphSuite();

async function refused(call: Promise<unknown>, message: RegExp): Promise<void> {
  await expect(call).rejects.toThrow(message);
  await expect(call).rejects.toBeInstanceOf(TypeError);
  expect(server.requests).toHaveLength(0);
}

describe("createGroup", () => {
  it("POST /{phone-id}/groups {messaging_product, subject, description, join_approval_mode} → the request id", async () => {
    server.respondOnce({ method: "POST", path: `/v25.0/${PHONE_ID}/groups` }, { status: 200, json: { messaging_product: "whatsapp", request_id: "REQ_1" } });
    const op = await createGroup(client(), { subject: "Book club", description: "Monthly picks", joinApprovalMode: "approval_required" });
    expect(sent()).toEqual({
      method: "POST",
      path: `/v25.0/${PHONE_ID}/groups`,
      query: {},
      body: { messaging_product: "whatsapp", subject: "Book club", description: "Monthly picks", join_approval_mode: "approval_required" },
    });
    expect(op).toEqual({ requestId: "REQ_1", raw: { messaging_product: "whatsapp", request_id: "REQ_1" } });
  });

  it("sends only what is given, for another phone number", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/777/groups" }, { status: 200, json: { request_id: "REQ_2" } });
    await createGroup(client(), { subject: "Team", phoneId: "777" });
    expect(sent()).toEqual({ method: "POST", path: "/v25.0/777/groups", query: {}, body: { messaging_product: "whatsapp", subject: "Team" } });
  });

  it("an empty subject or an unknown approval mode is refused before any request", async () => {
    await refused(createGroup(client(), { subject: "" }), /createGroup: subject is empty/);
    await refused(createGroup(client(), { subject: "   " }), /subject is empty/);
    await refused(createGroup(client(), { subject: "x", joinApprovalMode: "manual" as "auto_approve" }), /"auto_approve" or "approval_required", got "manual"/);
  });

  it("131215 is a GroupAPINotEligible, a GroupError", async () => {
    server.respondWithError({ method: "POST", path: `/v25.0/${PHONE_ID}/groups` }, { status: 400, code: 131215, message: "Groups API not eligible" });
    const error = await createGroup(client(), { subject: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GroupAPINotEligible);
    expect(error).toBeInstanceOf(GroupError);
    expect((error as GroupError).code).toBe(131215);
  });
});

describe("getGroup", () => {
  const details = {
    id: GROUP_ID,
    messaging_product: "whatsapp",
    subject: "Book club",
    description: "Monthly picks",
    suspended: false,
    creation_timestamp: 1739000000,
    total_participant_count: 3,
    join_approval_mode: "approval_required",
    participants: [
      { wa_id: "15551234567", user_id: "US.13491208655302741918" },
      { user_id: "US.777", username: "reader", parent_user_id: "US.ENT.5" },
      { wa_id: "447700900123" },
    ],
  };

  it("GET /{group-id} with pywa's exact fields → GroupDetails with typed participants", async () => {
    server.respondOnce({ method: "GET", path: GROUP }, { status: 200, json: details });
    const group = await getGroup(client(), { groupId: GROUP_ID });
    expect(sent()).toEqual({
      method: "GET",
      path: GROUP,
      query: { fields: "id,subject,creation_timestamp,suspended,description,total_participant_count,participants,join_approval_mode" },
      body: undefined,
    });
    expect(group).toMatchObject({
      id: GROUP_ID,
      subject: "Book club",
      description: "Monthly picks",
      suspended: false,
      totalParticipantCount: 3,
      joinApprovalMode: "approval_required",
      raw: details,
    });
    expect(group.creationTimestamp).toEqual(new Date(1739000000 * 1000));
    expect(group.participants.every((p) => p instanceof User)).toBe(true);
    expect(group.participants.map((p) => [p.waId, p.bsuid, p.parentBsuid, p.username, p.preferredId])).toEqual([
      ["15551234567", "US.13491208655302741918", undefined, undefined, "US.13491208655302741918"],
      [undefined, "US.777", "US.ENT.5", "reader", "US.777"],
      ["447700900123", undefined, undefined, undefined, "447700900123"],
    ]);
  });

  it("a suspended group; a group id cannot escape its path segment; an empty one is refused", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/a%2F..%2Fb" }, { status: 200, json: { id: "a/../b", subject: "S", suspended: true, participants: [] } });
    const group = await getGroup(client(), { groupId: "a/../b" });
    expect(sent().path).toBe("/v25.0/a%2F..%2Fb");
    expect([group.suspended, group.description, group.participants, group.totalParticipantCount]).toEqual([true, undefined, [], undefined]);
    server.clear();
    await refused(getGroup(client(), { groupId: "" }), /getGroup: groupId is empty/);
  });

  it("131041 is a GroupUnknown, a GroupError", async () => {
    server.respondWithError({ method: "GET", path: GROUP }, { status: 404, code: 131041, message: "Group unknown" });
    const error = await getGroup(client(), { groupId: GROUP_ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GroupUnknown);
    expect(error).toBeInstanceOf(GroupError);
  });
});

describe("getGroups", () => {
  const LIST = `/v25.0/${PHONE_ID}/groups`;

  it("GET /{phone-id}/groups: Meta's {data: {groups}} envelope, three pages followed", async () => {
    const pages = [
      [{ id: "G1", subject: "One", created_at: "1739000001" }, { id: "G2", subject: "Two", created_at: 1739000002 }],
      [{ id: "G3", subject: "Three", created_at: "2025-02-08T07:33:20Z" }],
      [{ id: "G4", subject: "Four" }],
    ];
    pages.forEach((groups, i) => {
      const next = i < 2 ? { next: `${server.url}${LIST}?limit=2&after=c${i + 1}&access_token=${TOKEN}` } : {};
      server.respondOnce({ method: "GET", path: LIST }, { status: 200, json: { data: { groups }, paging: { cursors: { before: `b${i + 1}`, after: `c${i + 1}` }, ...next } } });
    });
    const first = await getGroups(client(), { limit: 2 });
    expect(first.data.map((g) => [g.id, g.subject])).toEqual([["G1", "One"], ["G2", "Two"]]);
    expect(first.data.map((g) => g.creationTimestamp?.getTime())).toEqual([1739000001000, 1739000002000]);
    expect([first.before, first.after, first.hasNext]).toEqual(["b1", "c1", true]);
    const all = await first.all();
    expect(all.map((g) => g.id)).toEqual(["G1", "G2", "G3", "G4"]);
    expect(all[2]!.creationTimestamp).toEqual(new Date("2025-02-08T07:33:20Z"));
    expect(all[3]!.creationTimestamp).toBeUndefined();
    const [r1, r2, r3] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect([r1!.method, r1!.path, r1!.query, r1!.body]).toEqual(["GET", LIST, { limit: "2" }, undefined]);
    expect([r2!.path, r2!.query]).toEqual([LIST, { limit: "2", after: "c1" }]);
    expect([r3!.path, r3!.query]).toEqual([LIST, { limit: "2", after: "c2" }]);
  });

  it("cursors are sent as given; a plain data list is read too", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/777/groups" }, { status: 200, json: { data: [{ id: "G9", subject: "Nine" }] } });
    const page = await getGroups(client(), { phoneId: "777", after: "CUR", limit: 5 });
    expect(sent().query).toEqual({ limit: "5", after: "CUR" });
    expect(page.data.map((g) => g.id)).toEqual(["G9"]);
    expect(page.hasNext).toBe(false);
  });
});

describe("deleteGroup", () => {
  it("DELETE /{group-id}, no body → the request id", async () => {
    server.respondOnce({ method: "DELETE", path: GROUP }, { status: 200, json: { messaging_product: "whatsapp", request_id: "REQ_DEL" } });
    const op = await deleteGroup(client(), { groupId: GROUP_ID });
    expect(sent()).toEqual({ method: "DELETE", path: GROUP, query: {}, body: undefined });
    expect(op.requestId).toBe("REQ_DEL");
  });

  it("an empty group id is refused", async () => {
    await refused(deleteGroup(client(), { groupId: "" }), /deleteGroup: groupId is empty/);
  });
});

describe("join requests", () => {
  const JOIN = `${GROUP}/join_requests`;
  const request = (id: string, waId: string) => ({ join_request_id: id, wa_id: waId, creation_timestamp: 1739000100 });

  it("getGroupJoinRequests: GET /{group-id}/join_requests → typed requests; next() keeps approveAll/rejectAll", async () => {
    server.respondOnce({ method: "GET", path: JOIN }, {
      status: 200,
      json: { data: [request("JR1", "15550000001"), request("JR2", "15550000002")], paging: { cursors: { after: "c1" }, next: `${server.url}${JOIN}?limit=2&after=c1` } },
    });
    server.respondOnce({ method: "GET", path: JOIN }, { status: 200, json: { data: [request("JR3", "15550000003")], paging: { cursors: { before: "b2" } } } });
    const first = await getGroupJoinRequests(client(), { groupId: GROUP_ID, limit: 2 });
    expect(sent()).toEqual({ method: "GET", path: JOIN, query: { limit: "2" }, body: undefined });
    expect(first).toBeInstanceOf(GroupJoinRequestsPage);
    expect(first.groupId).toBe(GROUP_ID);
    expect(first.data.map((r) => [r.id, r.user.waId, r.user.preferredId, r.creationTimestamp?.getTime()])).toEqual([
      ["JR1", "15550000001", "15550000001", 1739000100000],
      ["JR2", "15550000002", "15550000002", 1739000100000],
    ]);
    expect([first.after, first.hasNext, first.hasPrevious]).toEqual(["c1", true, false]);

    const second = await first.next();
    expect(second).toBeInstanceOf(GroupJoinRequestsPage);
    expect(second!.data.map((r) => r.id)).toEqual(["JR3"]);
    expect(server.requests[1]!.query).toEqual({ limit: "2", after: "c1" });
    expect(await second!.next()).toBeUndefined();

    server.clear();
    server.respondOnce({ method: "POST", path: JOIN }, { status: 200, json: { messaging_product: "whatsapp", approved_join_requests: ["JR3"] } });
    const approved = await second!.approveAll();
    expect(sent()).toEqual({ method: "POST", path: JOIN, query: {}, body: { messaging_product: "whatsapp", join_requests: ["JR3"] } });
    expect([approved.approved, approved.failed]).toEqual([["JR3"], []]);
  });

  it("rejectAll({ fetchAll }) walks the following pages first, then rejects every request in one call", async () => {
    server.respondOnce({ method: "GET", path: JOIN }, {
      status: 200,
      json: { data: [request("JR1", "1")], paging: { next: `${server.url}${JOIN}?after=c1` } },
    });
    server.respondOnce({ method: "GET", path: JOIN }, { status: 200, json: { data: [request("JR2", "2")] } });
    server.respondOnce({ method: "DELETE", path: JOIN }, { status: 200, json: { rejected_join_requests: ["JR1", "JR2"] } });
    const page = await getGroupJoinRequests(client(), { groupId: GROUP_ID });
    const result = await page.rejectAll({ fetchAll: true });
    expect(server.requests.map((r) => [r.method, r.query])).toEqual([["GET", {}], ["GET", { after: "c1" }], ["DELETE", {}]]);
    expect(server.requests[2]!.body).toEqual({ messaging_product: "whatsapp", join_requests: ["JR1", "JR2"] });
    expect(result.rejected).toEqual(["JR1", "JR2"]);
  });

  it("approveAll / rejectAll of an empty page make no call", async () => {
    server.respondOnce({ method: "GET", path: JOIN }, { status: 200, json: { data: [] } });
    const page = await getGroupJoinRequests(client(), { groupId: GROUP_ID });
    server.clear();
    expect(await page.approveAll()).toEqual({ requestId: undefined, approved: [], failed: [], raw: {} });
    expect(await page.rejectAll()).toEqual({ requestId: undefined, rejected: [], failed: [], raw: {} });
    expect(server.requests).toHaveLength(0);
  });

  it("approveGroupJoinRequests: POST {messaging_product, join_requests}; a failed request carries a typed error", async () => {
    const answer = {
      messaging_product: "whatsapp",
      approved_join_requests: ["JR1"],
      failed_join_requests: [{ join_request_id: "JR9", errors: [{ code: 131213, title: "Join request does not exist", message: "Join request does not exist" }] }],
    };
    server.respondOnce({ method: "POST", path: JOIN }, { status: 200, json: answer });
    const result = await approveGroupJoinRequests(client(), { groupId: GROUP_ID, requestIds: ["JR1", "JR9"] });
    expect(sent()).toEqual({ method: "POST", path: JOIN, query: {}, body: { messaging_product: "whatsapp", join_requests: ["JR1", "JR9"] } });
    expect(result.approved).toEqual(["JR1"]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.joinRequestId).toBe("JR9");
    expect(result.failed[0]!.error).toBeInstanceOf(GroupJoinRequestDoesNotExist);
    expect(result.failed[0]!.error).toBeInstanceOf(GroupError);
    expect(result.raw).toEqual(answer);
  });

  it("rejectGroupJoinRequests: DELETE with the same JSON body", async () => {
    server.respondOnce({ method: "DELETE", path: JOIN }, { status: 200, json: { messaging_product: "whatsapp", rejected_join_requests: ["JR1"] } });
    const result = await rejectGroupJoinRequests(client(), { groupId: GROUP_ID, requestIds: ["JR1"] });
    expect(sent()).toEqual({ method: "DELETE", path: JOIN, query: {}, body: { messaging_product: "whatsapp", join_requests: ["JR1"] } });
    expect([result.rejected, result.failed, result.requestId]).toEqual([["JR1"], [], undefined]);
  });

  it("no ids, an empty id or a missing group id is refused before any request", async () => {
    await refused(approveGroupJoinRequests(client(), { groupId: GROUP_ID, requestIds: [] }), /approveGroupJoinRequests: requestIds is empty/);
    await refused(rejectGroupJoinRequests(client(), { groupId: GROUP_ID, requestIds: ["JR1", ""] }), /rejectGroupJoinRequests: a request id is empty/);
    await refused(approveGroupJoinRequests(client(), { groupId: GROUP_ID, requestIds: [42 as unknown as string] }), /not a string: 42/);
    await refused(getGroupJoinRequests(client(), { groupId: "" }), /getGroupJoinRequests: groupId is empty/);
  });
});

describe("invite link", () => {
  const LINK = `${GROUP}/invite_link`;

  it("getGroupInviteLink: GET /{group-id}/invite_link → the link", async () => {
    const answer = { messaging_product: "whatsapp", invite_link: "https://chat.whatsapp.com/LINK_ID" };
    server.respondOnce({ method: "GET", path: LINK }, { status: 200, json: answer });
    expect(await getGroupInviteLink(client(), { groupId: GROUP_ID })).toEqual({ link: "https://chat.whatsapp.com/LINK_ID", raw: answer });
    expect(sent()).toEqual({ method: "GET", path: LINK, query: {}, body: undefined });
  });

  it("resetGroupInviteLink: POST /{group-id}/invite_link {messaging_product} → the new link", async () => {
    server.respondOnce({ method: "POST", path: LINK }, { status: 200, json: { messaging_product: "whatsapp", invite_link: "https://chat.whatsapp.com/NEW" } });
    expect((await resetGroupInviteLink(client(), { groupId: GROUP_ID })).link).toBe("https://chat.whatsapp.com/NEW");
    expect(sent()).toEqual({ method: "POST", path: LINK, query: {}, body: { messaging_product: "whatsapp" } });
  });

  it("an answer without a link is an error, not an empty link", async () => {
    server.respondOnce({ method: "GET", path: LINK }, { status: 200, json: { messaging_product: "whatsapp" } });
    await expect(getGroupInviteLink(client(), { groupId: GROUP_ID })).rejects.toThrow(/getGroupInviteLink: the Graph API answered without an invite_link/);
  });
});

describe("removeGroupParticipants", () => {
  const PARTICIPANTS = `${GROUP}/participants`;

  it("DELETE /{group-id}/participants: phone numbers and WhatsApp ids as user, BSUIDs as user_id", async () => {
    server.respondOnce({ method: "DELETE", path: PARTICIPANTS }, { status: 200, json: { messaging_product: "whatsapp", request_id: "REQ_RM" } });
    const member = new User({ bsuid: "US.999", waId: "15559999999" });
    const op = await removeGroupParticipants(client(), {
      groupId: GROUP_ID,
      participants: ["15551234567", "+1 (555) 123-4568", 447700900123, "US.13491208655302741918", "US.ENT.1181", member],
    });
    expect(sent()).toEqual({
      method: "DELETE",
      path: PARTICIPANTS,
      query: {},
      body: {
        messaging_product: "whatsapp",
        participants: [
          { user: "15551234567" },
          { user: "+1 (555) 123-4568" },
          { user: "447700900123" },
          { user_id: "US.13491208655302741918" },
          { user_id: "US.ENT.1181" },
          { user_id: "US.999" },
        ],
      },
    });
    expect(op).toEqual({ requestId: "REQ_RM", raw: { messaging_product: "whatsapp", request_id: "REQ_RM" } });

    // A User is addressed as the client addresses users (userIdentifierPriority).
    server.clear();
    server.respondOnce({ method: "DELETE", path: PARTICIPANTS }, { status: 200, json: { messaging_product: "whatsapp", request_id: "REQ_RM2" } });
    await removeGroupParticipants(client({ userIdentifierPriority: ["waId", "bsuid", "parentBsuid"] }), { groupId: GROUP_ID, participants: [member] });
    expect((sent().body as { participants: unknown[] }).participants).toEqual([{ user: "15559999999" }]);
  });

  it("no participants, an empty one or one that is no user id is refused before any request", async () => {
    await refused(removeGroupParticipants(client(), { groupId: GROUP_ID, participants: [] }), /removeGroupParticipants: participants is empty/);
    await refused(removeGroupParticipants(client(), { groupId: GROUP_ID, participants: Array.from({ length: 9 }, (_, i) => `1555123456${i}`) }), /at most 8 participants a call, got 9/);
    await refused(removeGroupParticipants(client(), { groupId: GROUP_ID, participants: ["15551234567", " "] }), /a participant is empty/);
    await refused(removeGroupParticipants(client(), { groupId: GROUP_ID, participants: [new User({})] }), /a participant is empty/);
    await refused(removeGroupParticipants(client(), { groupId: GROUP_ID, participants: ["some-group-id"] }), /"some-group-id" is not a phone number, a WhatsApp id or a BSUID/);
  });

  it("131212 is a GroupParticipantNotInGroup, a GroupError", async () => {
    server.respondWithError({ method: "DELETE", path: PARTICIPANTS }, { status: 400, code: 131212, message: "Participant not in group" });
    const error = await removeGroupParticipants(client(), { groupId: GROUP_ID, participants: ["15551234567"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GroupError);
    expect((error as GroupError).constructor.name).toBe("GroupParticipantNotInGroup");
  });
});

describe("updateGroupSettings", () => {
  it("POST /{group-id} multipart with only the given text fields", async () => {
    server.respondOnce({ method: "POST", path: GROUP }, { status: 200, json: { messaging_product: "whatsapp", request_id: "REQ_UP" } });
    const op = await updateGroupSettings(client(), { groupId: GROUP_ID, subject: "New name", description: "" });
    const req = server.requests[0]!;
    expect(server.requests).toHaveLength(1);
    expect([req.method, req.path, req.query, req.body]).toEqual(["POST", GROUP, {}, undefined]);
    expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(req.form).toEqual({ fields: { messaging_product: "whatsapp", subject: "New name", description: "" }, files: {} });
    expect(op.requestId).toBe("REQ_UP");
  });

  it("a picture given as bytes goes as profile_picture_file, profile.jpg, image/jpeg", async () => {
    const bytes = new Uint8Array(2000).map((_, i) => i % 251);
    server.respondOnce({ method: "POST", path: GROUP }, { status: 200, json: { request_id: "R" } });
    await updateGroupSettings(client(), { groupId: GROUP_ID, profilePicture: bytes });
    expect(server.requests[0]!.form).toEqual({
      fields: { messaging_product: "whatsapp" },
      files: { profile_picture_file: { filename: "profile.jpg", type: "image/jpeg", size: 2000, sha256: sha256(bytes) } },
    });
  });

  it("a File keeps its name; an untyped Blob is sent as image/jpeg", async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    server.respondOnce({ method: "POST", path: GROUP }, { status: 200, json: {} });
    server.respondOnce({ method: "POST", path: GROUP }, { status: 200, json: {} });
    await updateGroupSettings(client(), { groupId: GROUP_ID, subject: "S", profilePicture: new File([bytes], "team.jpg", { type: "image/jpeg" }) });
    await updateGroupSettings(client(), { groupId: GROUP_ID, profilePicture: new Blob([bytes]) });
    const [withFile, withBlob] = server.requests;
    expect(withFile!.form?.fields).toEqual({ messaging_product: "whatsapp", subject: "S" });
    expect(withFile!.form?.files.profile_picture_file).toEqual({ filename: "team.jpg", type: "image/jpeg", size: 7, sha256: sha256(bytes) });
    expect(withBlob!.form?.files.profile_picture_file).toEqual({ filename: "profile.jpg", type: "image/jpeg", size: 7, sha256: sha256(bytes) });
  });

  it("nothing to change, an empty subject, a non-JPEG Blob, a path string or no bytes is refused before any request", async () => {
    await refused(updateGroupSettings(client(), { groupId: GROUP_ID }), /nothing to update: pass at least one of subject, description, profilePicture/);
    await refused(updateGroupSettings(client(), { groupId: GROUP_ID, subject: " " }), /subject is empty/);
    await refused(updateGroupSettings(client(), { groupId: GROUP_ID, profilePicture: new Blob([new Uint8Array(4)], { type: "image/png" }) }), /must be a JPEG image, got a Blob of type "image\/png"/);
    await refused(updateGroupSettings(client(), { groupId: GROUP_ID, profilePicture: "/tmp/pic.jpg" as unknown as Blob }), /read it and pass its bytes/);
    await refused(updateGroupSettings(client(), { groupId: GROUP_ID, profilePicture: new Uint8Array(0) }), /profilePicture is empty/);
    await refused(updateGroupSettings(client(), { groupId: "", subject: "x" }), /updateGroupSettings: groupId is empty/);
  });

  it("131209 is a GroupInvalidProfilePictureAspectRatio, a GroupError", async () => {
    server.respondWithError({ method: "POST", path: GROUP }, { status: 400, code: 131209, message: "Invalid aspect ratio" });
    const error = await updateGroupSettings(client(), { groupId: GROUP_ID, profilePicture: new Uint8Array([1, 2, 3]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GroupInvalidProfilePictureAspectRatio);
    expect(error).toBeInstanceOf(GroupError);
  });
});
