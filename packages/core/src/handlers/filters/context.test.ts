import { describe, expect, it } from "vitest";
import type { WhatsApp } from "../../client/whatsapp.ts";
import type { Message } from "../../updates/message.ts";
import type { Filter } from "../filter.ts";
import { filters } from "./index.ts";

const wa = {} as unknown as WhatsApp;
const check = (f: Filter<never>, u: unknown) => f.check(wa, u as never);

const msg = (fields: Record<string, unknown> = {}): Message =>
  ({ kind: "message", id: "wamid.A", type: "text", text: "hi", textFields: ["hi"], ...fields }) as unknown as Message;

describe("forwarded", () => {
  it("forwarded", () => {
    expect(check(filters.forwarded, msg({ forwarded: true }))).toBe(true);
    expect(check(filters.forwarded, msg({ forwarded: false }))).toBe(false);
  });
  it("forwardedManyTimes", () => {
    expect(check(filters.forwardedManyTimes, msg({ forwarded: true, forwardedManyTimes: true }))).toBe(true);
    expect(check(filters.forwardedManyTimes, msg({ forwarded: true, forwardedManyTimes: false }))).toBe(false);
  });
});

describe("replies", () => {
  const answer = msg({ replyToMessage: { messageId: "wamid.Q", fromUserId: "16315551234" } });
  const click = { kind: "callbackButton", data: "yes", replyToMessage: { messageId: "wamid.Q" } };
  it("reply", () => {
    expect(check(filters.reply, answer)).toBe(true);
    expect(check(filters.reply, click)).toBe(true);
    expect(check(filters.reply, msg())).toBe(false);
    expect(check(filters.reply, msg({ replyToMessage: null }))).toBe(false);
  });
  it("replyTo", () => {
    expect(check(filters.replyTo("wamid.X", "wamid.Q"), answer)).toBe(true);
    expect(check(filters.replyTo("wamid.Q"), click)).toBe(true);
    expect(check(filters.replyTo("wamid.X"), answer)).toBe(false);
    expect(check(filters.replyTo("wamid.Q"), msg())).toBe(false);
  });
  it("hasReferredProduct", () => {
    const ask = msg({ replyToMessage: { messageId: "wamid.Q", referredProduct: { catalogId: "C", sku: "S" } } });
    expect(check(filters.hasReferredProduct, ask)).toBe(true);
    expect(check(filters.hasReferredProduct, answer)).toBe(false);
    expect(check(filters.hasReferredProduct, msg())).toBe(false);
  });
});
