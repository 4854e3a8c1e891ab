import { resolveMediaParam } from "../media/resolve.ts";
import type { MediaInput } from "../media/types.ts";
import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import type { ReplyButton, UrlButton } from "./buttons.ts";
import { checkSendOptions, sendEnvelope, type SendOptions } from "./envelope.ts";
import { interactivePayload } from "./interactive.ts";

/**
 * One card of a media carousel: an image or a video header, an optional text, and
 * either one URL button or quick-reply buttons. Clicks on quick replies come back
 * as `CallbackButton` updates with the button's `callbackData`, like reply buttons.
 */
export type CarouselCard = (
  | { image: MediaInput; video?: never }
  | { video: MediaInput; image?: never }
) & {
  /** The card's text (≤ 160 characters). */
  body?: string;
  buttons: UrlButton | ReplyButton[];
};

export interface SendCarouselOptions extends SendOptions {
  /** The message's text above the cards (required by the Cloud API, ≤ 1024 characters). */
  body: string;
  /** 2 to 10 cards, all with the same header type and the same kind and number of buttons. */
  cards: CarouselCard[];
}

const MIN_CARDS = 2;
const MAX_CARDS = 10;
const MAX_BODY = 1024;
const MAX_CARD_BODY = 160;

/**
 * A horizontally scrolling carousel of media cards (pywa's `send_carousel`):
 * `interactive.type = "carousel"`. Card media may be URLs or media ids, as in
 * pywa, and also bytes, Blobs or streams, which are uploaded first (pywa only
 * takes URLs).
 */
export async function sendCarousel(wa: WhatsApp, o: SendCarouselOptions): Promise<SentMessage> {
  const sender = checkSendOptions(wa, o);
  if (typeof o.body !== "string" || o.body === "") throw new TypeError("sendCarousel: body is required (the text above the cards)");
  if (o.body.length > MAX_BODY) throw new RangeError(`sendCarousel: body is ${o.body.length} characters; the Cloud API allows ${MAX_BODY}`);
  checkCards(o.cards);
  // Every check above runs before the first upload, so a bad card costs no upload.
  const cards = await Promise.all(o.cards.map((card, index) => toWireCard(wa, card, index, sender, o.signal)));
  return sendEnvelope(wa, o, "interactive", interactivePayload("carousel", { cards }, { body: o.body }));
}

/** The Cloud API's rules for a carousel, checked here so the mistake names the card. */
function checkCards(cards: CarouselCard[]): void {
  if (!Array.isArray(cards) || cards.length < MIN_CARDS || cards.length > MAX_CARDS) {
    throw new RangeError(`sendCarousel: give ${MIN_CARDS} to ${MAX_CARDS} cards, got ${Array.isArray(cards) ? cards.length : typeof cards}`);
  }
  const shape = (card: CarouselCard) => `${headerType(card)} header, ${buttonsShape(card.buttons)}`;
  const first = shape(cards[0]!);
  cards.forEach((card, index) => {
    if (card.body !== undefined && card.body.length > MAX_CARD_BODY) {
      throw new RangeError(`sendCarousel: card ${index}'s body is ${card.body.length} characters; the Cloud API allows ${MAX_CARD_BODY}`);
    }
    const own = shape(card);
    if (own !== first) {
      throw new TypeError(`sendCarousel: every card needs the same header type and buttons (card 0: ${first}; card ${index}: ${own})`);
    }
  });
}

function headerType(card: CarouselCard): "image" | "video" {
  const hasImage = card.image !== undefined;
  const hasVideo = card.video !== undefined;
  if (hasImage === hasVideo) throw new TypeError("sendCarousel: each card needs exactly one of image and video");
  return hasImage ? "image" : "video";
}

function buttonsShape(buttons: CarouselCard["buttons"]): string {
  if (Array.isArray(buttons)) {
    if (buttons.length === 0) throw new RangeError("sendCarousel: a card's quick-reply buttons cannot be empty");
    return `${buttons.length} quick-reply button(s)`;
  }
  if (buttons?.type !== "url") throw new TypeError("sendCarousel: a card's buttons are one URL button or an array of quick-reply buttons");
  return "a URL button";
}

async function toWireCard(wa: WhatsApp, card: CarouselCard, index: number, sender: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const type = headerType(card);
  const media = await resolveMediaParam(wa, (card.image ?? card.video)!, { type, sender, signal });
  const buttons = card.buttons;
  return {
    card_index: index,
    // Meta's card type names the button kind; pywa sends "cta_url" for both kinds.
    type: Array.isArray(buttons) ? "button" : "cta_url",
    header: { type, [type]: media },
    ...(card.body !== undefined ? { body: { text: card.body } } : {}),
    action: Array.isArray(buttons)
      ? { buttons: buttons.map((b) => ({ type: "quick_reply", quick_reply: { id: b.callbackData, title: b.title } })) }
      : { name: "cta_url", parameters: { display_text: buttons.title, url: buttons.url } },
  };
}
