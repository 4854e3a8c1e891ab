/**
 * Webhook bodies as Meta posts them for one business number and one user: the
 * user's messages (field `messages`, `value.messages`) and the statuses of what
 * the business sent (`value.statuses`).
 */

/** The business number the bot serves, and the user of the chat. */
export interface Parties {
  wabaId: string;
  phoneId: string;
  displayPhoneNumber: string;
  user: { waId: string; name: string };
}

/** The part of a message that depends on its type, e.g. `{ type: "text", text: { body } }`. */
export interface MessageContent {
  type: string;
  context?: { from: string; id: string };
  [key: string]: unknown;
}

export type StatusName = "sent" | "delivered" | "read" | "failed";

const seconds = (ms: number) => String(Math.floor(ms / 1000));

function envelope(parties: Parties, value: Record<string, unknown>) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: parties.wabaId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: parties.displayPhoneNumber, phone_number_id: parties.phoneId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** A message from the user, with its wamid. */
export function messagePayload(parties: Parties, id: string, content: MessageContent, at = Date.now()) {
  const { user } = parties;
  return envelope(parties, {
    contacts: [{ profile: { name: user.name }, wa_id: user.waId }],
    messages: [{ from: user.waId, id, timestamp: seconds(at), ...content }],
  });
}

/**
 * A status of a message the business sent. Per-message pricing: a free service
 * message inside the customer service window, a billable template otherwise.
 * `read` carries no pricing, as Meta's don't.
 */
export function statusPayload(parties: Parties, o: { messageId: string; status: StatusName; template?: boolean; tracker?: string; at?: number }) {
  const pricing =
    o.status === "read" || o.status === "failed"
      ? undefined
      : o.template
        ? { billable: true, pricing_model: "PMP", category: "utility", type: "regular" }
        : { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" };
  return envelope(parties, {
    statuses: [
      {
        id: o.messageId,
        status: o.status,
        timestamp: seconds(o.at ?? Date.now()),
        recipient_id: parties.user.waId,
        ...(o.tracker !== undefined ? { biz_opaque_callback_data: o.tracker } : {}),
        ...(pricing ? { pricing } : {}),
      },
    ],
  });
}

/** The contents of what the page can send, as Meta words them. */
export const content = {
  text: (body: string): MessageContent => ({ type: "text", text: { body } }),

  image: (media: { id: string; mimeType: string; sha256: string; caption?: string }): MessageContent => ({
    type: "image",
    image: { id: media.id, mime_type: media.mimeType, sha256: media.sha256, ...(media.caption ? { caption: media.caption } : {}) },
  }),

  location: (l: { latitude: number; longitude: number; name?: string; address?: string }): MessageContent => ({
    type: "location",
    location: { latitude: l.latitude, longitude: l.longitude, ...(l.name ? { name: l.name } : {}), ...(l.address ? { address: l.address } : {}) },
  }),

  buttonReply: (id: string, title: string): MessageContent => ({ type: "interactive", interactive: { type: "button_reply", button_reply: { id, title } } }),

  /** A template's quick-reply button. */
  quickReply: (payload: string, text: string): MessageContent => ({ type: "button", button: { payload, text } }),

  listReply: (row: { id: string; title: string; description?: string }): MessageContent => ({
    type: "interactive",
    interactive: { type: "list_reply", list_reply: { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) } },
  }),

  /** The message a completed flow leaves in the chat. */
  flowReply: (response: Record<string, unknown>): MessageContent => ({
    type: "interactive",
    interactive: { type: "nfm_reply", nfm_reply: { name: "flow", body: "Sent", response_json: JSON.stringify(response) } },
  }),

  reaction: (messageId: string, emoji: string): MessageContent => ({ type: "reaction", reaction: { message_id: messageId, emoji } }),
};
