import { describe, expect, it } from "vitest";
import type { WhatsApp } from "../../client/whatsapp.ts";
import type { Filter } from "../filter.ts";
import { filters } from "./index.ts";

const wa = {} as unknown as WhatsApp;
const check = (f: Filter<never>, u: unknown) => f.check(wa, u as never);

const status = (s: string, fields: Record<string, unknown> = {}) => ({
  kind: "messageStatus",
  id: "wamid.S",
  status: s,
  textFields: [],
  ...fields,
});

describe("messageStatus", () => {
  it("matches statuses only", () => {
    expect(check(filters.messageStatus, status("sent"))).toBe(true);
    expect(check(filters.messageStatus, { kind: "message", type: "text" })).toBe(false);
  });
});

describe("status values", () => {
  const all = ["sent", "delivered", "read", "failed", "played"] as const;
  for (const name of all) {
    it(name, () => {
      expect(check(filters[name], status(name))).toBe(true);
      for (const other of all) if (other !== name) expect(check(filters[name], status(other))).toBe(false);
    });
  }
  it("a call status with the same word is not a message status", () => {
    expect(check(filters.failed, { kind: "callTerminate", status: "FAILED" })).toBe(false);
  });
});

describe("failedWith", () => {
  const reEngagement = status("failed", { error: { code: 131047, message: "Re-engagement message" } });
  it("numeric codes", () => {
    expect(check(filters.failedWith(131047), reEngagement)).toBe(true);
    expect(check(filters.failedWith(131026, 131051), reEngagement)).toBe(false);
  });
  it("error-like values with code / codes (future error classes)", () => {
    class ReEngagementMessage extends Error {
      static readonly code = 131047;
    }
    class UnsupportedType extends Error {
      static readonly codes = [131051, 131052] as const;
    }
    expect(check(filters.failedWith(ReEngagementMessage), reEngagement)).toBe(true);
    expect(check(filters.failedWith(UnsupportedType), reEngagement)).toBe(false);
    expect(check(filters.failedWith({ codes: [1, 131047] }), reEngagement)).toBe(true);
  });
  it("looks through errors[] too", () => {
    const two = status("failed", { error: { code: 1 }, errors: [{ code: 1 }, { code: 131026 }] });
    expect(check(filters.failedWith(131026), two)).toBe(true);
  });
  it("only failed statuses", () => {
    expect(check(filters.failedWith(131047), status("sent", { error: { code: 131047 } }))).toBe(false);
    expect(check(filters.failedWith(131047), status("failed"))).toBe(false);
  });
});

describe("withTracker", () => {
  it("matches when a tracker is present", () => {
    expect(check(filters.withTracker, status("read", { tracker: "campaign-1" }))).toBe(true);
    expect(check(filters.withTracker, { kind: "callStatus", status: "RINGING", tracker: "call-1" })).toBe(true);
    expect(check(filters.withTracker, status("read"))).toBe(false);
    expect(check(filters.withTracker, status("read", { tracker: null }))).toBe(false);
  });
});
