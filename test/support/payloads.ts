/**
 * Webhook payloads of one user talking to one business number, as Meta sends them,
 * for conversation tests: texts, stickers, button clicks and statuses.
 */
export const PHONE_ID = "1234567890";
export const USER = "15551234567";

let counter = 0;
const nextId = () => `wamid.IN${Date.now().toString(36)}${(++counter).toString(36)}`;

function envelope(value: object) {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: "102290129340398", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550001111", phone_number_id: PHONE_ID },
      contacts: [{ profile: { name: "Dana" }, wa_id: USER }],
      ...value,
    } }] }],
  };
}

const ts = () => String(Math.floor(Date.now() / 1000));

export function text(body: string, id = nextId()) {
  return envelope({ messages: [{ from: USER, id, timestamp: ts(), type: "text", text: { body } }] });
}

export function sticker(id = nextId()) {
  return envelope({ messages: [{ from: USER, id, timestamp: ts(), type: "sticker", sticker: { id: "777", mime_type: "image/webp", sha256: "x", animated: false } }] });
}

/** A click on a reply button of the message `to` (its wamid). */
export function click(to: string, data: string, title = data, id = nextId()) {
  return envelope({ messages: [{
    context: { from: "15550001111", id: to }, from: USER, id, timestamp: ts(), type: "interactive",
    interactive: { type: "button_reply", button_reply: { id: data, title } },
  }] });
}

export function status(messageId: string, status: "sent" | "delivered" | "read" | "failed") {
  return envelope({ statuses: [{
    id: messageId, status, timestamp: ts(), recipient_id: USER,
    ...(status === "failed" ? { errors: [{ code: 131047, title: "Re-engagement message" }] } : {}),
  }] });
}

/** A pick of the row `data` from the list message `to` (its wamid): an `interactive.list_reply`. */
export function selection(to: string, data: string, title = data, { description, id = nextId() }: { description?: string; id?: string } = {}) {
  return envelope({ messages: [{
    context: { from: "15550001111", id: to }, from: USER, id, timestamp: ts(), type: "interactive",
    interactive: { type: "list_reply", list_reply: { id: data, title, ...(description !== undefined ? { description } : {}) } },
  }] });
}

/**
 * The completion of the flow message `to` (its wamid): an `interactive.nfm_reply`
 * whose `response_json` is `response` plus the flow's `flow_token`, as Meta sends it.
 */
export function flowCompletion(to: string, response: Record<string, unknown>, { token, id = nextId() }: { token?: string; id?: string } = {}) {
  return envelope({ messages: [{
    context: { from: "15550001111", id: to }, from: USER, id, timestamp: ts(), type: "interactive",
    interactive: { type: "nfm_reply", nfm_reply: {
      response_json: JSON.stringify(token === undefined ? response : { ...response, flow_token: token }), body: "Sent", name: "flow",
    } },
  }] });
}
