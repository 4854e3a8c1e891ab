import { describe, expect, it } from "vitest";
import { onlyUpdate } from "../../../../test/fixtures/updates/classify-fixture.ts";

describe("CallbackButton", () => {
  it("reads an interactive reply button click", () => {
    const b = onlyUpdate("callback-button", "button_reply", "callbackButton");
    expect(b.type).toBe("interactive");
    expect(b.data).toBe("change-button");
    expect(b.title).toBe("Change");
    expect(b.isQuickReply).toBe(false);
    expect(b.replyToMessage?.messageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJCVVRUT05TTUVTU0FHRTAwMQA=");
    expect(b.textFields).toEqual(["change-button"]);
    expect(b.from.waId).toBe("16505551234");
    expect(b.messageIdToReply).toBe(b.id);
    expect(b.dedupeKey).toBe(`callbackButton:${b.id}`);
  });

  it("reads a template quick reply, with and without context", () => {
    const q = onlyUpdate("callback-button", "quick_reply", "callbackButton");
    expect(q.type).toBe("button");
    expect(q.data).toBe("unsubscribe-promo");
    expect(q.title).toBe("Stop promotions");
    expect(q.isQuickReply).toBe(true);
    expect(q.replyToMessage?.messageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJURU1QTEFURU1TRzAwMDAwMQA=");

    const bare = onlyUpdate("callback-button", "quick_reply_without_context", "callbackButton");
    expect(bare.data).toBe("yes");
    expect(bare.replyToMessage).toBeUndefined();
  });
});

describe("CallbackSelection", () => {
  it("reads a list row", () => {
    const s = onlyUpdate("callback-selection", "list_reply", "callbackSelection");
    expect(s.data).toBe("priority-express");
    expect(s.title).toBe("Express Shipping");
    expect(s.description).toBe("Next Day to 2 Days");
    expect(s.replyToMessage?.messageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJMSVNUTUVTU0FHRTAwMDAxQQA=");
    expect(s.textFields).toEqual(["priority-express"]);
    expect(onlyUpdate("callback-selection", "list_reply_without_description", "callbackSelection").description).toBeUndefined();
  });
});

describe("ChatOpened", () => {
  it("is its own update, not a Message", () => {
    const c = onlyUpdate("chat-opened", "request_welcome", "chatOpened");
    expect(c.id).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUJXRUxDT01FMDAwMDAwMQA=");
    expect(c.type).toBe("request_welcome");
    expect(c.timestamp).toEqual(new Date(1750002000 * 1000));
    expect(c.from.name).toBe("Pablo Morales");
    expect(c.chat.type).toBe("private");
    expect(c.dedupeKey).toBe(`chatOpened:${c.id}`);
  });
});

describe("FlowCompletion", () => {
  it("takes the flow token out of the response", () => {
    const f = onlyUpdate("flow-completion", "completion", "flowCompletion");
    expect(f.token).toBe("AQAAAAACS5FpgQ_cAAAAAD0QI3s.");
    expect(f.response).toEqual({ comment_text: "Fast delivery", delivery_rating: "4", purchase_rating: "2", recommend: true });
    expect(f.body).toBe("Sent");
    expect(f.replyToMessage?.messageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJGTE9XTUVTU0FHRTAwMDAwMQA=");
    expect(f.textFields).toEqual(["AQAAAAACS5FpgQ_cAAAAAD0QI3s.", "Sent"]);
  });

  it("has no token when the client sent none", () => {
    const f = onlyUpdate("flow-completion", "without_flow_token", "flowCompletion");
    expect(f.token).toBeUndefined();
    expect(f.response).toEqual({ comment_text: "Sent from iOS" });
  });
});

describe("CallPermissionUpdate", () => {
  it("reads an accepted permission and its expiry", () => {
    const p = onlyUpdate("call-permission-update", "accept", "callPermissionUpdate");
    expect(p.response).toBe("accept");
    expect(p.isAccepted).toBe(true);
    expect(p.responseSource).toBe("user_action");
    expect(p.expirationTimestamp).toEqual(new Date(1750613000 * 1000));
    // 2025-06-22: long gone by the time this test runs.
    expect(p.isExpired).toBe(true);
    expect(p.replyToMessage?.messageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJQRVJNSVNTSU9OUkVRMDAxQQA=");
  });

  it("reads a rejection", () => {
    const p = onlyUpdate("call-permission-update", "reject", "callPermissionUpdate");
    expect(p.isAccepted).toBe(false);
    expect(p.responseSource).toBe("automatic");
    expect(p.expirationTimestamp).toBeUndefined();
    expect(p.isExpired).toBe(false);
  });
});
