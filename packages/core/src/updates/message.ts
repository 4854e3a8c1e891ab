import type { DownloadMediaOptions } from "../client/media/download.ts";
import type { SentMessage } from "../client/sent-message.ts";
import type { CallOptions } from "../graph/request.ts";
import { type UpdateSource, toDate } from "./base.ts";
import { type Json, bool, need, nonEmpty, num, obj, str } from "./json.ts";
import { Location } from "./location.ts";
import { type Audio, type Document, type Image, type Media, type Sticker, type Video, parseMedia } from "./media.ts";
import { type Order, parseOrder } from "./order.ts";
import { type Reaction, parseReaction } from "./reaction.ts";
import { type Referral, parseReferral } from "./referral.ts";
import { type ReplyToMessage, parseReplyTo } from "./reply-context.ts";
import { copyMessage, type CopyOptions } from "./copy.ts";
import { messageContext } from "./sender.ts";
import { type ContactList, parseContacts } from "./shared-contacts.ts";
import { BaseUserUpdate, type UserContext } from "./user-update.ts";
import { type WebhookError, parseWebhookErrors } from "./webhook-error.ts";

export { Location } from "./location.ts";
export type { Audio, Document, Image, Media, MediaType, Sticker, Video } from "./media.ts";
export type { Order, Product } from "./order.ts";
export type { Reaction } from "./reaction.ts";
export type { Referral, ReferralMediaType, ReferralSourceType } from "./referral.ts";
export type { ReferredProduct, ReplyToMessage } from "./reply-context.ts";
export type {
  Contact,
  ContactAddress,
  ContactEmail,
  ContactList,
  ContactName,
  ContactOrg,
  ContactOrigin,
  ContactPhone,
  ContactUrl,
} from "./shared-contacts.ts";
export type { WebhookError } from "./webhook-error.ts";

/** `messages[].type`, as sent (unknown future types keep their wire string). */
export type MessageType =
  | "text"
  | "image"
  | "video"
  | "document"
  | "audio"
  | "sticker"
  | "reaction"
  | "location"
  | "contacts"
  | "order"
  | "system"
  | "unknown"
  | "unsupported"
  | "interactive"
  | "button"
  | "request_welcome"
  | "edit"
  | "revoke"
  | (string & {});

/** `messages[].unsupported`: what WhatsApp could not deliver (a poll, a view-once…). */
export interface Unsupported {
  readonly type: string | undefined;
}

/**
 * The content shared by incoming messages and the business's own echoed ones
 * (`Message`, `OutgoingMessage`). Only the object that `type` names is read, as
 * pywa does: a stray `image` on a text message is ignored.
 */
export abstract class MessageBase extends BaseUserUpdate {
  readonly id: string;
  readonly timestamp: Date;
  readonly type: MessageType;
  readonly text: string | undefined;
  readonly image: Image | undefined;
  readonly video: Video | undefined;
  readonly sticker: Sticker | undefined;
  readonly document: Document | undefined;
  readonly audio: Audio | undefined;
  readonly reaction: Reaction | undefined;
  readonly location: Location | undefined;
  readonly contacts: ContactList | undefined;
  readonly order: Order | undefined;
  readonly referral: Referral | undefined;
  readonly unsupported: Unsupported | undefined;
  /** The message this one answers, when it quotes one (`context.id`). */
  readonly replyToMessage: ReplyToMessage | undefined;
  readonly forwarded: boolean;
  /** Forwarded more than five times (then `forwarded` is true too). */
  readonly forwardedManyTimes: boolean;
  /** The first of `errors`. */
  readonly error: WebhookError | undefined;
  /** `messages[].errors` then `value.errors` (e.g. a type WhatsApp does not support). */
  readonly errors: readonly WebhookError[];

  /**
   * @param content the object holding `type` and the content: the item itself, or
   *   for an edit the new version (`edit.message`).
   * @param id the id to use instead of `item.id` (an edit's original message id).
   */
  constructor(source: UpdateSource, context: UserContext, value: Json, item: Json, content: Json = item, id?: string) {
    super(source, context);
    this.id = id ?? need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    const type = need(nonEmpty(content.type), "message type");
    this.type = type;
    const ctx = obj(content.context);
    this.replyToMessage = parseReplyTo(ctx);
    const manyTimes = bool(ctx?.frequently_forwarded) ?? false;
    this.forwardedManyTimes = manyTimes;
    this.forwarded = manyTimes || (bool(ctx?.forwarded) ?? false);
    this.referral = parseReferral(item.referral);
    this.errors = parseWebhookErrors(item.errors, value.errors);
    this.error = this.errors[0];

    this.text = type === "text" ? str(obj(content.text)?.body) : undefined;
    this.image = type === "image" ? parseMedia("image", content.image) : undefined;
    this.video = type === "video" ? parseMedia("video", content.video) : undefined;
    this.document = type === "document" ? parseMedia("document", content.document) : undefined;
    this.audio = type === "audio" ? parseMedia("audio", content.audio) : undefined;
    this.sticker = type === "sticker" ? parseMedia("sticker", content.sticker) : undefined;
    this.reaction = type === "reaction" ? parseReaction(content.reaction) : undefined;
    this.location = type === "location" ? Location.parse(content.location) : undefined;
    this.contacts = type === "contacts" ? parseContacts(content.contacts) : undefined;
    this.order = type === "order" ? parseOrder(content.order) : undefined;
    const unsupported = type === "unsupported" ? obj(content.unsupported) : undefined;
    this.unsupported = unsupported && { type: str(unsupported.type) };
  }

  /** pywa's name for `id`. */
  get messageId(): string {
    return this.id;
  }

  /** The image, video, sticker, document or audio of the message, whichever it has. */
  get media(): Media | undefined {
    return this.image ?? this.video ?? this.sticker ?? this.document ?? this.audio;
  }

  get hasMedia(): boolean {
    return this.media !== undefined;
  }

  /** The caption of an image, video or document. */
  get caption(): string | undefined {
    return (this.image ?? this.video ?? this.document)?.caption;
  }

  /** An audio message recorded as a voice note. */
  get voice(): boolean {
    return this.audio?.voice === true;
  }

  /**
   * pywa's `copy`: sends this message's content (text, media by id, location,
   * contacts) to `to`, from the number it came to unless `sender` is given. There
   * is no forwarding in the Cloud API: the copy is a new message from the business.
   */
  async copy(options: CopyOptions): Promise<SentMessage> {
    return copyMessage(this.client, this, this.metadata.phoneNumberId, options);
  }

  /** A reply quotes a message; a reaction counts too (it points at one). */
  get isReply(): boolean {
    return this.replyToMessage !== undefined || this.reaction !== undefined;
  }

  /** A reaction is answered on the message it reacted to. */
  override get messageIdToReply(): string {
    return this.reaction?.messageId ?? this.id;
  }

  override get textFields(): readonly (string | undefined)[] {
    return [this.text, this.caption];
  }

  // ── Media ────────────────────────────────────────────────────────────────────
  // By media id: `GET /{media-id}` for a fresh URL, then the download (with the
  // token, which only ever goes to Meta's hosts or the configured graphUrl).

  /** The media's bytes, in memory. Throws a TypeError if the message has no media. */
  async getMediaBytes(options?: MediaCallOptions): Promise<Uint8Array> {
    return this.client.getMediaBytes({ ...options, mediaId: this.#mediaId("getMediaBytes") });
  }

  /** The media as a stream of bytes, read as it arrives. Throws a TypeError if the message has no media. */
  async streamMedia(options?: MediaCallOptions): Promise<ReadableStream<Uint8Array>> {
    return this.client.streamMedia({ ...options, mediaId: this.#mediaId("streamMedia") });
  }

  /** Writes the media into `sink`. Throws a TypeError if the message has no media. */
  async downloadMedia(options: MessageDownloadOptions): Promise<void> {
    return this.client.downloadMedia({ ...options, mediaId: this.#mediaId("downloadMedia") });
  }

  #mediaId(method: string): string {
    const id = this.media?.id;
    if (id === undefined) {
      throw new TypeError(`${method}: this message (type "${this.type}") has no media; check hasMedia first`);
    }
    return id;
  }
}

/** What the media methods of a message take: the call options (`signal`, `timeoutMs`, `retry`). */
export type MediaCallOptions = CallOptions;
/** `downloadMedia`'s options on a message: where to write (`sink`) and the call options; the media is the message's. */
export type MessageDownloadOptions = Omit<DownloadMediaOptions, "mediaId" | "url">;

/** A message a user sent to the business (`messages` field). */
export class Message extends MessageBase {
  readonly kind = "message" as const;

  constructor(
    source: UpdateSource,
    value: Json,
    item: Json,
    content: Json = item,
    id?: string,
    context: UserContext = messageContext(value, item),
  ) {
    super(source, context, value, item, content, id);
  }
}
