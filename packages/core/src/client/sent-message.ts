import type { WhatsApp } from "./whatsapp.ts";
import type { AnyUpdate, UpdateKinds } from "../updates/kinds.ts";
import { allOf, anyOf, userActed, ofKind, replyingTo, statusOf, waitFor, type WaitOptions } from "../listen/wait.ts";

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

  // ── Waiting for the user (inside a named handler; see README "Listening") ──

  /** The user's next message (a reply to this one with `forceQuote`). */
  async waitForReply(options: WaitOptions & { forceQuote?: boolean } = {}): Promise<UpdateKinds["message"]> {
    return (await this.#wait("waitForReply", options, ofKind("message"), options.forceQuote ? replyingTo(this.id) : undefined)) as UpdateKinds["message"];
  }

  /** A click on one of this message's reply buttons. */
  async waitForClick(options: WaitOptions = {}): Promise<UpdateKinds["callbackButton"]> {
    this.#expect("waitForClick", "button");
    return (await this.#wait("waitForClick", options, ofKind("callbackButton"), replyingTo(this.id))) as UpdateKinds["callbackButton"];
  }

  /** A pick from this list message. */
  async waitForSelection(options: WaitOptions = {}): Promise<UpdateKinds["callbackSelection"]> {
    this.#expect("waitForSelection", "list");
    return (await this.#wait("waitForSelection", options, ofKind("callbackSelection"), replyingTo(this.id))) as UpdateKinds["callbackSelection"];
  }

  /** The completion of the flow this message opened. */
  async waitForCompletion(options: WaitOptions = {}): Promise<UpdateKinds["flowCompletion"]> {
    this.#expect("waitForCompletion", "flow");
    return (await this.#wait("waitForCompletion", options, ofKind("flowCompletion"), replyingTo(this.id))) as UpdateKinds["flowCompletion"];
  }

  /** This message's `delivered` (or `read`) status; a `failed` one cancels, unless `cancelIfFailed: false`. */
  async waitUntilDelivered(options: Omit<WaitOptions, "ignoreUpdates"> & { cancelIfFailed?: boolean } = {}): Promise<UpdateKinds["messageStatus"]> {
    return this.#waitStatus("waitUntilDelivered", options, ["delivered", "read"], options.cancelIfFailed ?? true ? statusOf(this.id, "failed") : undefined);
  }

  /** This message's `read` status; `failed` cancels (`cancelIfFailed`), and so may the user's next action (`cancelOnNewUpdate`). */
  async waitUntilRead(
    options: Omit<WaitOptions, "ignoreUpdates"> & { cancelIfFailed?: boolean; cancelOnNewUpdate?: boolean } = {},
  ): Promise<UpdateKinds["messageStatus"]> {
    return this.#waitStatus(
      "waitUntilRead",
      options,
      ["read"],
      options.cancelIfFailed ?? true ? statusOf(this.id, "failed") : undefined,
      options.cancelOnNewUpdate ? userActed : undefined,
    );
  }

  /** This message's `failed` status; `delivered` cancels, unless `cancelIfDelivered: false`. */
  async waitUntilFailed(options: Omit<WaitOptions, "ignoreUpdates"> & { cancelIfDelivered?: boolean } = {}): Promise<UpdateKinds["messageStatus"]> {
    return this.#waitStatus("waitUntilFailed", options, ["failed"], options.cancelIfDelivered ?? true ? statusOf(this.id, "delivered", "read") : undefined);
  }

  #wait(what: string, options: WaitOptions, ...conditions: (WaitOptions["filters"] | undefined)[]): Promise<AnyUpdate> {
    return waitFor(this.client, what, {
      phoneId: this.fromPhoneId,
      user: this.to,
      filter: allOf(...conditions, options.filters),
      canceler: anyOf(options.cancelers),
      timeout: options.timeout,
      ignoreUpdates: options.ignoreUpdates ?? true,
    });
  }

  async #waitStatus(
    what: string,
    options: Omit<WaitOptions, "ignoreUpdates">,
    statuses: string[],
    ...cancelers: (WaitOptions["cancelers"] | undefined)[]
  ): Promise<UpdateKinds["messageStatus"]> {
    return (await waitFor(this.client, what, {
      phoneId: this.fromPhoneId,
      user: this.to,
      filter: allOf(statusOf(this.id, ...statuses), options.filters),
      canceler: anyOf(...cancelers, options.cancelers),
      timeout: options.timeout,
      ignoreUpdates: false,
    })) as UpdateKinds["messageStatus"];
  }

  #expect(what: string, interactiveType: string): void {
    if (this.interactiveType !== interactiveType) {
      throw new TypeError(`${what}: this message has no ${interactiveType === "button" ? "reply buttons" : interactiveType} (it is ${this.interactiveType ?? this.type})`);
    }
  }
}
