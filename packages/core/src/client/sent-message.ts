import type { WhatsApp } from "./whatsapp.ts";
import { contactInfoShared, currentLocation, location } from "../handlers/filters/message-types.ts";
import { incomingCall } from "../handlers/filters/calls.ts";
import type { AnyUpdate, UpdateKinds } from "../updates/kinds.ts";
import { REPLY_TARGET, type ReplyTarget, withReplyShortcuts } from "../updates/reply-shortcuts.ts";
import { allOf, anyOf, userActed, ofKind, replyingTo, statusOf, waitFor, type WaitOptions } from "../listen/wait.ts";
import { resolveRecipient } from "./send/recipient.ts";

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
 *
 * It has the reply shortcuts of updates (pywa's `_ClientShortcuts`): `reply`,
 * `replyImage`, …, `react`, `call` go to the message's recipient (`to`), from the
 * number that sent it (`fromPhoneId`), and `quote: true` quotes the message itself.
 *
 * pywa has one class per kind of message sent (`SentLocationRequest`,
 * `SentVoiceMessage`, …), each with its own waits; here one class tells the kinds
 * apart by `type` / `interactiveType`, and a wait refuses (TypeError) a message of
 * a kind that cannot get what it waits for.
 */
export class SentMessage extends withReplyShortcuts(Object) {
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
  /** An audio sent as a voice note (`sendVoice`, `isVoice: true`): pywa's `SentVoiceMessage`. */
  readonly isVoice: boolean;
  readonly #client: WhatsApp;
  readonly #messageIdToReply: string | undefined;

  /**
   * `messageIdToReply`: what `quote`, `react` and read receipts point at when that is
   * not the message itself (a sent reaction: the message it reacted to).
   */
  constructor(
    client: WhatsApp,
    init: {
      response: SendResponse;
      to: string;
      fromPhoneId: string;
      type: string;
      interactiveType?: string | undefined;
      messageIdToReply?: string | undefined;
      isVoice?: boolean | undefined;
    },
  ) {
    super();
    this.#client = client;
    this.#messageIdToReply = init.messageIdToReply;
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
    this.isVoice = init.isVoice === true;
  }

  /** The client that sent it. */
  protected get client(): WhatsApp {
    return this.#client;
  }

  /** pywa's name for `id`. */
  get messageId(): string {
    return this.id;
  }

  /** What `quote: true`, `react` and `markAsRead` point at: the message itself (a reaction: the message it reacted to). */
  override get messageIdToReply(): string {
    if (this.#messageIdToReply !== undefined) return this.#messageIdToReply;
    if (this.type === "reaction") throw new TypeError("a sent reaction has no message to reply to here: use the reacted message's id");
    return this.id;
  }

  /** @internal The shortcuts' target: the recipient, from the number that sent the message. */
  override [REPLY_TARGET](privately: boolean): ReplyTarget {
    if (privately && resolveRecipient(this.to).recipient_type === "group") {
      throw new TypeError("this message went to a group: there is no one user to answer privately or to call");
    }
    return { client: this.client, to: this.to, sender: this.fromPhoneId };
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

  /**
   * The user's location, after a location request (pywa's `SentLocationRequest.wait_for_location`).
   * It need not quote the request. By default only the user's current location
   * counts (`forceCurrentLocation`); `false` takes any shared place.
   */
  async waitForLocation(options: WaitOptions & { forceCurrentLocation?: boolean } = {}): Promise<UpdateKinds["message"]> {
    this.#expect("waitForLocation", "location_request_message");
    const where = options.forceCurrentLocation ?? true ? currentLocation : location;
    return (await this.#wait("waitForLocation", options, ofKind("message"), where)) as UpdateKinds["message"];
  }

  /**
   * The contact card the user shares through a contact info request (pywa's
   * `SentContactInfoRequest.wait_for_contact_info`): a `contacts` message whose
   * origin is `contact_request`.
   */
  async waitForContactInfo(options: WaitOptions = {}): Promise<UpdateKinds["message"]> {
    this.#expect("waitForContactInfo", "request_contact_info");
    return (await this.#wait("waitForContactInfo", options, ofKind("message"), contactInfoShared)) as UpdateKinds["message"];
  }

  /** The user's answer to this call permission request (`interactive.call_permission_request`). */
  async waitForCallPermission(options: WaitOptions = {}): Promise<UpdateKinds["callPermissionUpdate"]> {
    this.#expect("waitForCallPermission", "call_permission_request");
    return (await this.#wait("waitForCallPermission", options, ofKind("callPermissionUpdate"), replyingTo(this.id))) as UpdateKinds["callPermissionUpdate"];
  }

  /** The user calling the business, after this voice call button (`interactive.voice_call`). */
  async waitForIncomingVoiceCall(options: WaitOptions = {}): Promise<UpdateKinds["callConnect"]> {
    this.#expect("waitForIncomingVoiceCall", "voice_call");
    return (await this.#wait("waitForIncomingVoiceCall", options, ofKind("callConnect"), incomingCall)) as UpdateKinds["callConnect"];
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

  /** This voice note's `played` status (pywa's `SentVoiceMessage.wait_until_played`). */
  async waitUntilPlayed(options: Omit<WaitOptions, "ignoreUpdates"> = {}): Promise<UpdateKinds["messageStatus"]> {
    if (!this.isVoice) this.#refuse("waitUntilPlayed", "is not a voice note (sendVoice / replyVoice)");
    return this.#waitStatus("waitUntilPlayed", options, ["played"]);
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

  /** Refuses a wait on a message of the wrong kind, before anything waits. */
  #expect(what: string, interactiveType: keyof typeof WAITED_ON): void {
    if (this.interactiveType !== interactiveType) this.#refuse(what, WAITED_ON[interactiveType]);
  }

  #refuse(what: string, why: string): never {
    throw new TypeError(`${what}: this message ${why}; it was sent as "${this.interactiveType ?? this.type}"`);
  }
}

/** Why a kind-bound wait refuses a message of another kind, by the `interactiveType` it needs. */
const WAITED_ON = {
  button: "has no reply buttons",
  list: "is not a list message",
  flow: "is not a flow message",
  location_request_message: "is not a location request (requestLocation / replyLocationRequest)",
  request_contact_info: "is not a contact info request (requestContactInfo / replyContactInfoRequest)",
  call_permission_request: 'has no call permission request button (buttons: { type: "callPermissionRequest" })',
  voice_call: 'has no voice call button (buttons: { type: "voiceCall", … })',
} as const;
