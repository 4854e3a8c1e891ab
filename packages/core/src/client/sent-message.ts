import type { WhatsApp } from "./whatsapp.ts";

/** The Cloud API's answer to a send: `POST /{phone-id}/messages`. */
export interface SendResponse {
  messaging_product: "whatsapp";
  contacts?: { input: string; wa_id?: string; user_id?: string }[];
  messages: { id: string; message_status?: string }[];
}

/**
 * What a send returns (pywa's `SentMessage`): the new message's id, who it went
 * to, and from which business phone number. Listening (`waitForReply` & co.)
 * builds on it.
 */
export class SentMessage {
  /** The new message's `wamid.…`. */
  readonly id: string;
  /** The chat it went to: the recipient's WhatsApp id (or BSUID / group id). */
  readonly to: string;
  /** What the send was given as recipient (`contacts[0].input`). */
  readonly input: string;
  /** The business phone number id that sent it. */
  readonly fromPhoneId: string;
  /** The message type sent (`text`, `image`, `interactive`, `template`, …). */
  readonly type: string;
  /** For interactive messages: `button`, `list`, `cta_url`, `flow`, `location_request_message`, … */
  readonly interactiveType: string | undefined;
  /** For templates: `accepted` or `held_for_quality_assessment`. */
  readonly messageStatus: string | undefined;
  readonly #client: WhatsApp;

  constructor(client: WhatsApp, init: { response: SendResponse; to: string; fromPhoneId: string; type: string; interactiveType?: string }) {
    this.#client = client;
    const contact = init.response.contacts?.[0];
    const message = init.response.messages?.[0];
    if (!message?.id) throw new TypeError("The Cloud API answered a send without messages[0].id");
    this.id = message.id;
    this.messageStatus = message.message_status;
    this.input = contact?.input ?? init.to;
    this.to = contact?.wa_id || contact?.user_id || init.to;
    this.fromPhoneId = init.fromPhoneId;
    this.type = init.type;
    this.interactiveType = init.interactiveType;
  }

  /** The client that sent it. */
  protected get client(): WhatsApp {
    return this.#client;
  }

  /** pywa's name for `id`. */
  get messageId(): string {
    return this.id;
  }
}
