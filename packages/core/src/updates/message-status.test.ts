import { describe, expect, it } from "vitest";
import { onlyUpdate } from "../../../../test/fixtures/updates/classify-fixture.ts";

const SENT_ID = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI0RkFCNEJGMjM3RTc0NkQ3QjQA";
const status = (name: string) => onlyUpdate("message-status", name, "messageStatus");

describe("MessageStatus", () => {
  it("reads sent, delivered, read and played, each with its own dedupe key", () => {
    const sent = status("sent");
    expect(sent.id).toBe(SENT_ID);
    expect(sent.status).toBe("sent");
    expect(sent.timestamp).toEqual(new Date(1750006000 * 1000));
    expect(sent.from.waId).toBe("16505551234");
    expect(sent.from.bsuid).toBe("US.13491208655302741918");
    expect(sent.from.name).toBe("Pablo Morales");
    expect(sent.chat).toEqual({ id: "US.13491208655302741918", type: "private" });
    expect(sent.recipientType).toBe("individual");
    expect(sent.pricing).toEqual({ billable: true, model: "PMP", type: "regular", category: "marketing" });
    expect(sent.conversation).toBeUndefined();
    expect(sent.isUserAction).toBe(false);
    expect(sent.dedupeKey).toBe(`messageStatus:${SENT_ID}:sent`);

    expect(status("delivered").dedupeKey).toBe(`messageStatus:${SENT_ID}:delivered`);
    const read = status("read");
    expect(read.status).toBe("read");
    expect(read.pricing).toBeUndefined();
    expect(read.dedupeKey).toBe(`messageStatus:${SENT_ID}:read`);
    expect(status("played").status).toBe("played");
  });

  it("reads a failure and its error, with no contacts", () => {
    const failed = status("failed");
    expect(failed.status).toBe("failed");
    expect(failed.from.waId).toBe("447700900123");
    expect(failed.from.name).toBeUndefined();
    expect(failed.error).toEqual({
      code: 131047,
      title: "Re-engagement message",
      message: "Re-engagement message",
      details:
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
      href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    });
    expect(failed.errors).toHaveLength(1);
  });

  it("reads a conversation and infers billable from the pricing type", () => {
    const cbp = status("with_conversation_cbp");
    expect(cbp.conversation).toEqual({
      id: "7270432eae37498234f4444b35ffc5",
      category: "service",
      expiration: new Date(1698339900 * 1000),
    });
    expect(cbp.pricing).toEqual({ billable: false, model: "CBP", type: undefined, category: "service" });

    const free = status("free_entry_point");
    expect(free.conversation?.category).toBe("referral_conversion");
    expect(free.conversation?.expiration).toBeUndefined();
    expect(free.pricing).toEqual({ billable: false, model: "PMP", type: "free_entry_point", category: "marketing" });
  });

  it("reads the tracker", () => {
    const s = status("with_tracker");
    expect(s.tracker).toBe("order~1042~§");
    expect(s.textFields).toEqual(["order~1042~§"]);
  });

  it("reads a status for a user known only by BSUID", () => {
    const s = status("bsuid_only");
    expect(s.from.bsuid).toBe("IN.55512398712398712345");
    expect(s.from.waId).toBeUndefined();
    expect(s.from.username).toBe("@ravik");
  });
});

describe("GroupMessageStatuses", () => {
  it("groups a change's group statuses, each with its participant", () => {
    const g = onlyUpdate("group-message-statuses", "group_read", "groupMessageStatuses");
    const msgId = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJHUk9VUE1TRzAwMDAwMDFBQQA=";
    expect(g.groupId).toBe("120363025246125486@g.us");
    expect(g.id).toBe("102290129340398");
    expect(g.timestamp).toEqual(new Date(1750007000 * 1000));
    expect(g.length).toBe(2);
    expect([...g].map((s) => [s.id, s.status, s.from.name])).toEqual([
      [msgId, "read", "Pablo Morales"],
      [msgId, "delivered", "Sheena Nelson"],
    ]);
    expect(g.at(1)?.from.bsuid).toBe("GB.20394857612039485761");
    expect(g.statuses.every((s) => s.chat.type === "group" && s.chat.id === g.groupId)).toBe(true);
    // Every participant reads the same message: the participant keeps the keys apart.
    expect(g.at(0)?.dedupeKey).toBe(`messageStatus:${msgId}:read:US.13491208655302741918`);
    expect(g.dedupeKey).toBe(
      `groupMessageStatuses:${msgId}:read:US.13491208655302741918,${msgId}:delivered:GB.20394857612039485761`,
    );
  });
});
