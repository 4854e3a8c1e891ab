// Client-side things are imported as types only: the shortcuts call them through
// the client their hook hands back, so neither updates nor sent messages import the
// client at runtime through this file (no cycle).
import type { InitiatedCall, InitiateCallOptions } from "../client/calls/initiate.ts";
import type { CallOptions } from "../graph/request.ts";
import type { SdpOffer } from "../client/calls/types.ts";
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
import type { WhatsApp } from "../client/whatsapp.ts";

/** What `pin` / `unpin` take: the call options (the chat, message and sending number are filled in). */
export type PinShortcutOptions = CallOptions;

// ── Shortcut option types ──────────────────────────────────────────────────────
// Each is the matching send's options, minus what the shortcut fills in itself and
// what it takes as its first argument(s), plus `quote` / `private`: derived, so
// that a new send option is a new shortcut option too.

/** What every reply shortcut fills in: the recipient, the sending number, the quote. */
type Filled = "to" | "sender" | "replyToMessageId";

/** What every reply shortcut adds to the send's own options. */
export interface ReplyOptions {
  /** Quote `messageIdToReply` (`context.message_id`): the update's message, or the sent message itself. Default false. */
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
/** `call`'s options: the call options and a `tracker` (the user, the offer and the number are filled in). */
export type CallShortcutOptions = Omit<InitiateCallOptions, "to" | "sdp" | "phoneId">;

// ── The hook ───────────────────────────────────────────────────────────────────

/** Where the shortcuts of an object send, and through which client. */
export interface ReplyTarget {
  /** The client the shortcuts call (a handler run's client, when bound to one). */
  client: WhatsApp;
  /** The chat a shortcut sends to. */
  to: string;
  /** The business phone number id it sends from. */
  sender: string;
}

/**
 * @internal The hook a class with reply shortcuts implements: `[REPLY_TARGET](privately)`
 * answers where they send (`privately`: the user rather than a group). A symbol, so it
 * is no public name of updates or sent messages.
 */
export const REPLY_TARGET: unique symbol = Symbol("edgewa.replyTarget");

/** What the fields every send shortcut fills in are. */
interface Filling {
  to: string;
  sender: string;
  replyToMessageId: string | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AbstractConstructor = abstract new (...args: any[]) => object;

/**
 * Adds pywa's `_ClientShortcuts` to `Base`: the reply shortcuts (`reply`, `replyImage`,
 * …, `react`, `markAsRead`, `call`), written once for incoming updates
 * (`BaseUserUpdate`) and sent messages (`SentMessage`). A class using it implements
 * two things: `messageIdToReply` (what `quote`, `react` and read receipts point at)
 * and `[REPLY_TARGET]` (where they send, and through which client).
 *
 * Every shortcut is `async`, so that a bad argument (or `quote` where there is no
 * message to quote) rejects the returned promise rather than throwing synchronously.
 */
export function withReplyShortcuts<TBase extends AbstractConstructor>(Base: TBase) {
  abstract class ReplyShortcuts extends Base {
    /** The message a reply, reaction or read receipt should point at. */
    abstract get messageIdToReply(): string;

    /** @internal Where the shortcuts send: see `REPLY_TARGET`. */
    abstract [REPLY_TARGET](privately: boolean): ReplyTarget;

    /** Answers with a text; with `buttons`, an interactive message (pywa's `reply`). */
    reply(text: string, options?: ReplyTextOptions): Promise<SentMessage> {
      return this.replyText(text, options);
    }

    /** Same as `reply` (pywa's `reply_text`). */
    async replyText(text: string, options?: ReplyTextOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendMessage({ ...fill, text });
    }

    async replyImage(image: SendImageOptions["image"], options?: ReplyImageOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendImage({ ...fill, image });
    }

    async replyVideo(video: SendVideoOptions["video"], options?: ReplyVideoOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendVideo({ ...fill, video });
    }

    async replyDocument(document: SendDocumentOptions["document"], options?: ReplyDocumentOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendDocument({ ...fill, document });
    }

    async replyAudio(audio: SendAudioOptions["audio"], options?: ReplyAudioOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendAudio({ ...fill, audio });
    }

    /** A voice note (an audio sent with `voice: true`). */
    async replyVoice(voice: SendVoiceOptions["voice"], options?: ReplyVoiceOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendVoice({ ...fill, voice });
    }

    async replySticker(sticker: SendStickerOptions["sticker"], options?: ReplyStickerOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendSticker({ ...fill, sticker });
    }

    async replyLocation(location: LocationContent, options?: ReplyLocationOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendLocation({ ...fill, ...pick(location, "latitude", "longitude", "name", "address") });
    }

    /** Asks the user to share their location: `text` and a "Send location" button. */
    async replyLocationRequest(text: string, options?: ReplyLocationRequestOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.requestLocation({ ...fill, text });
    }

    async replyContact(contact: SendContactOptions["contact"], options?: ReplyContactOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendContact({ ...fill, contact });
    }

    /** Asks the user to share their contact details: `text` and a button. */
    async replyContactInfoRequest(text: string, options?: ReplyContactInfoRequestOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.requestContactInfo({ ...fill, text });
    }

    async replyTemplate(template: TemplateContent, options?: ReplyTemplateOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendTemplate({ ...fill, ...pick(template, "name", "language", "components") });
    }

    /** The business's catalog, with `body` as its text. */
    async replyCatalog(body: string, options?: ReplyCatalogOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendCatalog({ ...fill, body });
    }

    async replyProduct(product: ProductContent, options?: ReplyProductOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendProduct({ ...fill, ...pick(product, "catalogId", "sku", "body", "footer") });
    }

    async replyProducts(products: ProductsContent, options?: ReplyProductsOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendProducts({ ...fill, ...pick(products, "catalogId", "productSections", "title", "body", "footer") });
    }

    /** A carousel of image or video cards under `body` (pywa's `reply_carousel`). */
    async replyCarousel(carousel: CarouselContent, options?: ReplyCarouselOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendCarousel({ ...fill, ...pick(carousel, "body", "cards") });
    }

    /** Reacts with `emoji` to `messageIdToReply` (for a reaction: the message it reacted to). */
    async react(emoji: string, options?: ReactOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.sendReaction({ ...fill, emoji, messageId: this.messageIdToReply });
    }

    /** Removes the business's reaction from `messageIdToReply`. */
    async unreact(options?: UnreactOptions): Promise<SentMessage> {
      const [client, fill] = route(this, options);
      return client.removeReaction({ ...fill, messageId: this.messageIdToReply });
    }

    /** Marks `messageIdToReply` as read (blue ticks). */
    async markAsRead(options?: ReadReceiptShortcutOptions): Promise<SuccessResult> {
      const { client, sender } = this[REPLY_TARGET](false);
      return client.markMessageAsRead({ ...options, messageId: this.messageIdToReply, sender });
    }

    /** Marks `messageIdToReply` as read and shows "typing…" for up to 25 s, or until the next message. */
    async indicateTyping(options?: ReadReceiptShortcutOptions): Promise<SuccessResult> {
      const { client, sender } = this[REPLY_TARGET](false);
      return client.indicateTyping({ ...options, messageId: this.messageIdToReply, sender });
    }

    /** Pins `messageIdToReply` in its chat for `expirationDays` (pywa's `pin`; a group feature). */
    async pin(expirationDays: number, options?: PinShortcutOptions): Promise<SentMessage> {
      const { client, to, sender } = this[REPLY_TARGET](false);
      return client.pinMessage({ ...options, chatId: to, messageId: this.messageIdToReply, expirationDays, sender });
    }

    /** Unpins `messageIdToReply` from its chat (pywa's `unpin`). */
    async unpin(options?: PinShortcutOptions): Promise<SentMessage> {
      const { client, to, sender } = this[REPLY_TARGET](false);
      return client.unpinMessage({ ...options, chatId: to, messageId: this.messageIdToReply, sender });
    }

    /**
     * Calls the user (pywa's `call`, `initiateCall`) from the business number, with
     * the business's SDP offer. The user must have given call permission.
     */
    async call(sdp: SdpOffer, options?: CallShortcutOptions): Promise<InitiatedCall> {
      const { client, to, sender } = this[REPLY_TARGET](true);
      return client.initiateCall({ ...options, to, sdp, phoneId: sender });
    }
  }
  return ReplyShortcuts;
}

/** What `withReplyShortcuts` adds, as a type: anything the shortcuts can run on. */
type HasReplyShortcuts = InstanceType<ReturnType<typeof withReplyShortcuts<AbstractConstructor>>>;

/**
 * The part every send shortcut shares: the caller's options without `quote` and
 * `private`, then the recipient, the sending number and the quote, which the
 * options cannot override; and the client to send through.
 */
function route<O extends ReplyOptions>(self: HasReplyShortcuts, options: O | undefined): [WhatsApp, Omit<O, keyof ReplyOptions> & Filling] {
  const { quote, private: privately, ...rest } = options ?? ({} as O);
  const { client, to, sender } = self[REPLY_TARGET](Boolean(privately));
  // Set even when not quoting, so that a `replyToMessageId` slipped in from JavaScript is cleared.
  const filling: Filling = { to, sender, replyToMessageId: quote ? self.messageIdToReply : undefined };
  return [client, { ...rest, ...filling }];
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
