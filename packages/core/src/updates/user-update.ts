// Client-side things are imported as types only: the shortcuts call them through
// `this.client`, so the updates never import the client at runtime (no cycle).
import type { RequestContactInfoOptions, SendContactOptions } from "../client/send/contact.ts";
import type { SendCatalogOptions, SendProductOptions, SendProductsOptions } from "../client/send/catalog.ts";
import type { SendCarouselOptions } from "../client/send/carousel.ts";
import type { RequestLocationOptions, SendLocationOptions } from "../client/send/location.ts";
import type {
  SendAudioOptions,
  SendDocumentOptions,
  SendImageOptions,
  SendStickerOptions,
  SendVideoOptions,
  SendVoiceOptions,
} from "../client/send/media.ts";
import type { RemoveReactionOptions, SendReactionOptions } from "../client/send/reaction.ts";
import type { ReadReceiptOptions, SuccessResult } from "../client/send/read.ts";
import type { SendTemplateOptions } from "../client/send/template.ts";
import type { SendMessageOptions } from "../client/send/text.ts";
import type { SentMessage } from "../client/sent-message.ts";
import { BaseUpdate, type UpdateSource } from "./base.ts";
import type { Chat, Metadata, User } from "./user.ts";

/** Who and where a user-scoped update is about. */
export interface UserContext {
  metadata: Metadata;
  from: User;
  chat: Chat;
}

const NO_TEXT: readonly (string | undefined)[] = Object.freeze([]);

// ── Shortcut option types ──────────────────────────────────────────────────────
// Each is the matching send's options, minus what the shortcut fills in itself and
// what it takes as its first argument(s), plus `quote` / `private`: derived, so
// that a new send option is a new shortcut option too.

/** What every reply shortcut fills in: the recipient, the sending number, the quote. */
type Filled = "to" | "sender" | "replyToMessageId";

/** What every reply shortcut adds to the send's own options. */
export interface ReplyOptions {
  /** Quote the update's message (`context.message_id = messageIdToReply`). Default false. */
  quote?: boolean;
  /** In a group, answer the user in a private chat instead of in the group. Default false. */
  private?: boolean;
}

/** A send's options `O` without what the shortcut fills in and its `Content` arguments, plus `quote` / `private`. */
export type ShortcutOptions<O, Content extends keyof O = never> = Omit<O, Filled | Content> & ReplyOptions;

export type ReplyTextOptions = ShortcutOptions<SendMessageOptions, "text">;
export type ReplyImageOptions = ShortcutOptions<SendImageOptions, "image">;
export type ReplyVideoOptions = ShortcutOptions<SendVideoOptions, "video">;
export type ReplyDocumentOptions = ShortcutOptions<SendDocumentOptions, "document">;
export type ReplyAudioOptions = ShortcutOptions<SendAudioOptions, "audio">;
export type ReplyVoiceOptions = ShortcutOptions<SendVoiceOptions, "voice">;
export type ReplyStickerOptions = ShortcutOptions<SendStickerOptions, "sticker">;

/** The first argument of `replyLocation`. */
export type LocationContent = Pick<SendLocationOptions, "latitude" | "longitude" | "name" | "address">;
export type ReplyLocationOptions = ShortcutOptions<SendLocationOptions, keyof LocationContent>;
export type ReplyLocationRequestOptions = ShortcutOptions<RequestLocationOptions, "text">;
export type ReplyContactOptions = ShortcutOptions<SendContactOptions, "contact">;
export type ReplyContactInfoRequestOptions = ShortcutOptions<RequestContactInfoOptions, "text">;

/** The first argument of `replyTemplate`. */
export type TemplateContent = Pick<SendTemplateOptions, "name" | "language" | "components">;
export type ReplyTemplateOptions = ShortcutOptions<SendTemplateOptions, keyof TemplateContent>;

export type ReplyCatalogOptions = ShortcutOptions<SendCatalogOptions, "body">;
/** The first argument of `replyProduct`. */
export type ProductContent = Pick<SendProductOptions, "catalogId" | "sku" | "body" | "footer">;
export type ReplyProductOptions = ShortcutOptions<SendProductOptions, keyof ProductContent>;
/** The first argument of `replyProducts`. */
export type ProductsContent = Pick<SendProductsOptions, "catalogId" | "productSections" | "title" | "body" | "footer">;
export type ReplyProductsOptions = ShortcutOptions<SendProductsOptions, keyof ProductsContent>;
/** The first argument of `replyCarousel`. */
export type CarouselContent = Pick<SendCarouselOptions, "body" | "cards">;
export type ReplyCarouselOptions = ShortcutOptions<SendCarouselOptions, keyof CarouselContent>;

/** A reaction points at `messageIdToReply` by itself: there is nothing to quote. */
export type ReactOptions = Omit<ShortcutOptions<SendReactionOptions, "emoji" | "messageId">, "quote">;
export type UnreactOptions = Omit<ShortcutOptions<RemoveReactionOptions, "messageId">, "quote">;
/** Read receipts go to the message itself, from the number it came to. */
export type ReadReceiptShortcutOptions = Omit<ReadReceiptOptions, "messageId" | "sender">;

/** What `#common` fills in for every send shortcut. */
interface Target {
  to: string;
  sender: string;
  replyToMessageId: string | undefined;
}

/**
 * Every update that concerns one WhatsApp user on one business phone number:
 * messages, clicks, statuses, calls, preferences (pywa's `BaseUserUpdate`).
 *
 * The reply shortcuts (pywa's `_ClientShortcuts`) answer the update: they send to
 * its chat (the group for a group message, unless `private: true`; the user
 * otherwise), from the business number it came to (`metadata.phoneNumberId`), and
 * with `quote: true` quote `messageIdToReply`.
 */
export abstract class BaseUserUpdate extends BaseUpdate {
  /** `value.metadata`: the business phone number the update came to. */
  readonly metadata: Metadata;
  /** The user the update is about (pywa's `from_user`). */
  readonly from: User;
  readonly chat: Chat;

  constructor(source: UpdateSource, context: UserContext) {
    super(source);
    this.metadata = context.metadata;
    this.from = context.from;
    this.chat = context.chat;
  }

  /** pywa's name for `from`. */
  get fromUser(): User {
    return this.from;
  }

  /**
   * Whether the user did something (wrote, clicked, called). Statuses and system
   * notices are not user actions: a pending `waitForReply` lets them through.
   */
  get isUserAction(): boolean {
    return true;
  }

  /** The message a reply, reaction or read receipt should point at. */
  get messageIdToReply(): string {
    return this.id;
  }

  /** The texts that text filters (`filters.matches`, `startsWith`, …) look at. */
  get textFields(): readonly (string | undefined)[] {
    return NO_TEXT;
  }

  // ── Reply shortcuts ──────────────────────────────────────────────────────────
  // `async`, so that a bad argument (or `quote` on an update with no message to
  // quote) rejects the returned promise rather than throwing synchronously.

  /** Answers with a text; with `buttons`, an interactive message (pywa's `reply`). */
  reply(text: string, options?: ReplyTextOptions): Promise<SentMessage> {
    return this.replyText(text, options);
  }

  /** Same as `reply` (pywa's `reply_text`). */
  async replyText(text: string, options?: ReplyTextOptions): Promise<SentMessage> {
    return this.client.sendMessage({ ...this.#common(options), text });
  }

  async replyImage(image: SendImageOptions["image"], options?: ReplyImageOptions): Promise<SentMessage> {
    return this.client.sendImage({ ...this.#common(options), image });
  }

  async replyVideo(video: SendVideoOptions["video"], options?: ReplyVideoOptions): Promise<SentMessage> {
    return this.client.sendVideo({ ...this.#common(options), video });
  }

  async replyDocument(document: SendDocumentOptions["document"], options?: ReplyDocumentOptions): Promise<SentMessage> {
    return this.client.sendDocument({ ...this.#common(options), document });
  }

  async replyAudio(audio: SendAudioOptions["audio"], options?: ReplyAudioOptions): Promise<SentMessage> {
    return this.client.sendAudio({ ...this.#common(options), audio });
  }

  /** A voice note (an audio sent with `voice: true`). */
  async replyVoice(voice: SendVoiceOptions["voice"], options?: ReplyVoiceOptions): Promise<SentMessage> {
    return this.client.sendVoice({ ...this.#common(options), voice });
  }

  async replySticker(sticker: SendStickerOptions["sticker"], options?: ReplyStickerOptions): Promise<SentMessage> {
    return this.client.sendSticker({ ...this.#common(options), sticker });
  }

  async replyLocation(location: LocationContent, options?: ReplyLocationOptions): Promise<SentMessage> {
    return this.client.sendLocation({ ...this.#common(options), ...pick(location, "latitude", "longitude", "name", "address") });
  }

  /** Asks the user to share their location: `text` and a "Send location" button. */
  async replyLocationRequest(text: string, options?: ReplyLocationRequestOptions): Promise<SentMessage> {
    return this.client.requestLocation({ ...this.#common(options), text });
  }

  async replyContact(contact: SendContactOptions["contact"], options?: ReplyContactOptions): Promise<SentMessage> {
    return this.client.sendContact({ ...this.#common(options), contact });
  }

  /** Asks the user to share their contact details: `text` and a button. */
  async replyContactInfoRequest(text: string, options?: ReplyContactInfoRequestOptions): Promise<SentMessage> {
    return this.client.requestContactInfo({ ...this.#common(options), text });
  }

  async replyTemplate(template: TemplateContent, options?: ReplyTemplateOptions): Promise<SentMessage> {
    return this.client.sendTemplate({ ...this.#common(options), ...pick(template, "name", "language", "components") });
  }

  /** The business's catalog, with `body` as its text. */
  async replyCatalog(body: string, options?: ReplyCatalogOptions): Promise<SentMessage> {
    return this.client.sendCatalog({ ...this.#common(options), body });
  }

  async replyProduct(product: ProductContent, options?: ReplyProductOptions): Promise<SentMessage> {
    return this.client.sendProduct({ ...this.#common(options), ...pick(product, "catalogId", "sku", "body", "footer") });
  }

  async replyProducts(products: ProductsContent, options?: ReplyProductsOptions): Promise<SentMessage> {
    return this.client.sendProducts({
      ...this.#common(options),
      ...pick(products, "catalogId", "productSections", "title", "body", "footer"),
    });
  }

  /** A carousel of image or video cards under `body` (pywa's `reply_carousel`). */
  async replyCarousel(carousel: CarouselContent, options?: ReplyCarouselOptions): Promise<SentMessage> {
    return this.client.sendCarousel({ ...this.#common(options), ...pick(carousel, "body", "cards") });
  }

  /** Reacts with `emoji` to `messageIdToReply` (for a reaction: the message it reacted to). */
  async react(emoji: string, options?: ReactOptions): Promise<SentMessage> {
    return this.client.sendReaction({ ...this.#common(options), emoji, messageId: this.messageIdToReply });
  }

  /** Removes the business's reaction from `messageIdToReply`. */
  async unreact(options?: UnreactOptions): Promise<SentMessage> {
    return this.client.removeReaction({ ...this.#common(options), messageId: this.messageIdToReply });
  }

  /** Marks `messageIdToReply` as read (blue ticks). */
  async markAsRead(options?: ReadReceiptShortcutOptions): Promise<SuccessResult> {
    return this.client.markMessageAsRead({ ...options, messageId: this.messageIdToReply, sender: this.metadata.phoneNumberId });
  }

  /** Marks `messageIdToReply` as read and shows "typing…" for up to 25 s, or until the next message. */
  async indicateTyping(options?: ReadReceiptShortcutOptions): Promise<SuccessResult> {
    return this.client.indicateTyping({ ...options, messageId: this.messageIdToReply, sender: this.metadata.phoneNumberId });
  }

  /**
   * The part every send shortcut shares: the caller's options without `quote` and
   * `private`, then the recipient, the sending number and the quote, which the
   * options cannot override.
   */
  #common<O extends ReplyOptions>(options: O | undefined): Omit<O, keyof ReplyOptions> & Target {
    const { quote, private: privately, ...rest } = options ?? ({} as O);
    const to = this.chat.type === "group" && !privately ? this.chat.id : this.from.preferredId;
    // Set even when not quoting, so that a `replyToMessageId` slipped in from JavaScript is cleared.
    const target: Target = { to, sender: this.metadata.phoneNumberId, replyToMessageId: quote ? this.messageIdToReply : undefined };
    return { ...rest, ...target };
  }
}

/** Whether an update is about one user on one business number (a message, click, status, call…). */
export function isUserUpdate(update: unknown): update is BaseUserUpdate {
  return update instanceof BaseUserUpdate;
}

/** Whether the user did something (wrote, clicked, called); statuses and system notices are not actions. */
export function isUserAction(update: unknown): boolean {
  return update instanceof BaseUserUpdate && update.isUserAction;
}

/**
 * Only the named keys of a content argument: a stray `to` or `sender` on it (from
 * JavaScript, or an object with extra fields) never reaches the send.
 */
function pick<T extends object, K extends keyof T>(object: T, ...keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
}
