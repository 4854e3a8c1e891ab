import { describe, expect, it } from "vitest";
import { onlyUpdate } from "../../../../test/fixtures/updates/classify-fixture.ts";

describe("EditedMessage / DeletedMessage", () => {
  it("reads an edit: the new content is a message with the original id", () => {
    const e = onlyUpdate("edited-message", "edit_text", "editedMessage");
    expect(e.id).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUJFRElUMDAwMDAwMDAxQQA=");
    expect(e.originalMessageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUJPUklHSU5BTDAwMDAwMQA=");
    expect(e.type).toBe("text");
    expect(e.message.kind).toBe("message");
    expect(e.message.id).toBe(e.originalMessageId);
    expect(e.message.text).toBe("Meet at 6pm, not 5pm");
    expect(e.message.from).toBe(e.from);
    expect(e.messageIdToReply).toBe(e.originalMessageId);
    expect(e.textFields).toEqual(["Meet at 6pm, not 5pm", undefined]);
    expect(e.dedupeKey).toBe(`editedMessage:${e.id}`);

    const caption = onlyUpdate("edited-message", "edit_caption", "editedMessage");
    expect(caption.type).toBe("image");
    expect(caption.message.caption).toBe("The lamp, fixed");
    expect(caption.message.image?.id).toBe("1479537139650999");
  });

  it("reads a deletion", () => {
    const d = onlyUpdate("deleted-message", "revoke", "deletedMessage");
    expect(d.id).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUJSRVZPS0UwMDAwMDAxQQA=");
    expect(d.type).toBe("revoke");
    expect(d.originalMessageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUJPUklHSU5BTDAwMDAwMwA=");
    expect(d.messageIdToReply).toBe(d.originalMessageId);
    expect(d.from.waId).toBe("16505551234");
  });
});

describe("outgoing echoes", () => {
  it("reads a message the business sent from the app; from and to are the user", () => {
    const o = onlyUpdate("outgoing-message", "text", "outgoingMessage");
    expect(o.id).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJFQ0hPVEVYVDAwMDAwMUFBQQA=");
    expect(o.text).toBe("Your order is ready for pickup");
    expect(o.to).toBe(o.from);
    expect(o.to.waId).toBe("16505551234");
    expect(o.to.bsuid).toBe("US.13491208655302741918");
    expect(o.to.name).toBe("Pablo Morales");
    expect(o.timestamp).toEqual(new Date(1750016000 * 1000));
    expect(o.dedupeKey).toBe(`outgoingMessage:${o.id}`);

    const image = onlyUpdate("outgoing-message", "image", "outgoingMessage");
    expect(image.image?.id).toBe("2233445566778899");
    expect(image.caption).toBe("Here it is");
  });

  it("reads echoed edits and deletions", () => {
    const e = onlyUpdate("outgoing-edited-message", "edit_text", "outgoingEditedMessage");
    expect(e.originalMessageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJFQ0hPVEVYVDAwMDAwMUFBQQA=");
    expect(e.message.kind).toBe("outgoingMessage");
    expect(e.message.text).toBe("Your order is ready for pickup at 5pm");
    expect(e.to.waId).toBe("16505551234");

    const d = onlyUpdate("outgoing-deleted-message", "revoke", "outgoingDeletedMessage");
    expect(d.originalMessageId).toBe("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJFQ0hPVEVYVDAwMDAwMUFBQQA=");
    expect(d.to.bsuid).toBe("US.13491208655302741918");
  });
});
