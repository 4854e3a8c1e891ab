import { describe, expect, it } from "vitest";
import { onlyUpdate } from "../../../../test/fixtures/updates/classify-fixture.ts";

const USER_CALL = "wacid.HBgLMTY1MDU1NTEyMzQVAgASGCBDQUxMMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMRwYCzE1NTUwMDAxMTExFQIAAA==";
const BIZ_CALL = "wacid.HBgLMTY1MDU1NTEyMzQVAgASGCBDQUxMMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMhwYCzE1NTUwMDAxMTExFQIAAA==";

describe("CallConnect", () => {
  it("reads a user's call: the caller is the user", () => {
    const c = onlyUpdate("call-connect", "user_initiated", "callConnect");
    expect(c.id).toBe(USER_CALL);
    expect(c.event).toBe("connect");
    expect(c.direction).toBe("USER_INITIATED");
    expect(c.session?.sdpType).toBe("offer");
    expect(c.session?.sdp).toMatch(/^v=0\r\n/);
    expect(c.from.waId).toBe("16505551234");
    expect(c.from.name).toBe("Pablo Morales");
    expect(c.timestamp).toEqual(new Date(1750008000 * 1000));
    expect(c.dedupeKey).toBe(`callConnect:${USER_CALL}:connect`);
    expect(() => c.messageIdToReply).toThrow(/no message to reply to/);
  });

  it("reads the business's call: the callee is the user", () => {
    const c = onlyUpdate("call-connect", "business_initiated", "callConnect");
    expect(c.direction).toBe("BUSINESS_INITIATED");
    expect(c.session?.sdpType).toBe("answer");
    expect(c.from.waId).toBe("447700900123");
    expect(c.from.name).toBe("Sheena Nelson");
  });
});

describe("CallTerminate", () => {
  it("reads a completed call", () => {
    const t = onlyUpdate("call-terminate", "completed", "callTerminate");
    expect(t.id).toBe(USER_CALL);
    expect(t.status).toBe("COMPLETED");
    expect(t.startTime).toEqual(new Date(1750008000 * 1000));
    expect(t.endTime).toEqual(new Date(1750008120 * 1000));
    expect(t.duration).toBe(120);
    expect(t.tracker).toBe("support-line");
    expect(t.textFields).toEqual(["support-line"]);
    expect(t.error).toBeUndefined();
    // The connect and the terminate of one call are two updates.
    expect(t.dedupeKey).toBe(`callTerminate:${USER_CALL}:terminate`);
  });

  it("reads a failed call and its error", () => {
    const t = onlyUpdate("call-terminate", "failed", "callTerminate");
    expect(t.status).toBe("FAILED");
    expect(t.from.waId).toBe("447700900123");
    expect(t.error).toMatchObject({ code: 138006, details: "The WhatsApp user did not answer the call" });
    expect(t.duration).toBeUndefined();
  });
});

describe("CallStatus", () => {
  it("reads ringing, accepted and rejected", () => {
    const ringing = onlyUpdate("call-status", "ringing", "callStatus");
    expect(ringing.id).toBe(BIZ_CALL);
    expect(ringing.type).toBe("call");
    expect(ringing.status).toBe("RINGING");
    expect(ringing.tracker).toBe("sales-callback");
    expect(ringing.from.waId).toBe("447700900123");
    expect(ringing.dedupeKey).toBe(`callStatus:${BIZ_CALL}:RINGING`);
    expect(onlyUpdate("call-status", "accepted", "callStatus").dedupeKey).toBe(`callStatus:${BIZ_CALL}:ACCEPTED`);
    expect(onlyUpdate("call-status", "rejected", "callStatus").status).toBe("REJECTED");
  });
});

describe("UserMarketingPreferences", () => {
  it("reads a stop and a resume", () => {
    const stop = onlyUpdate("user-marketing-preferences", "stop", "userMarketingPreferences");
    expect(stop.id).toBe("102290129340398");
    expect(stop.value).toBe("stop");
    expect(stop.isOptedIn).toBe(false);
    expect(stop.category).toBe("marketing_messages");
    expect(stop.detail).toBe("User requested to stop marketing messages");
    expect(stop.timestamp).toEqual(new Date(1750009000 * 1000));
    expect(stop.from.bsuid).toBe("US.13491208655302741918");
    expect(stop.dedupeKey).toBe("userMarketingPreferences:US.13491208655302741918:1750009000:stop");
    expect(() => stop.messageIdToReply).toThrow();

    const resume = onlyUpdate("user-marketing-preferences", "resume", "userMarketingPreferences");
    expect(resume.isOptedIn).toBe(true);
    expect(resume.from.name).toBe("Sheena Nelson");
  });
});
