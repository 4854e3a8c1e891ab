import type { TemplateButton } from "./buttons.ts";
import type { TemplateMediaHeader, TemplateProductHeader } from "./header.ts";
import type { TemplateBodyText } from "./text.ts";

/**
 * A limited-time offer (marketing only, no footer): `text` is the offer (16
 * characters); with `hasExpiration`, the expiry is given at send time and a
 * countdown is shown.
 */
export interface TemplateLimitedTimeOffer {
  readonly type: "limited_time_offer";
  readonly text: string;
  readonly hasExpiration?: boolean;
}

/**
 * One card of a carousel: a media (image or video) or product header, an
 * optional body and its buttons. Every card of a template has the same
 * components; the header media is chosen per card at send time.
 */
export interface TemplateCarouselCard {
  readonly type: "card";
  readonly header: TemplateMediaHeader<"image" | "video"> | TemplateProductHeader;
  readonly body?: TemplateBodyText | string;
  readonly buttons?: readonly TemplateButton[];
}

/** pywa's `LimitedTimeOffer`. */
export function limitedTimeOffer<const E extends boolean | undefined = undefined>(
  text: string,
  options: { hasExpiration?: E } = {},
): TemplateLimitedTimeOffer & { readonly hasExpiration?: E } {
  return options.hasExpiration === undefined ? { type: "limited_time_offer", text } : { type: "limited_time_offer", text, hasExpiration: options.hasExpiration };
}

/** pywa's `CarouselCard`. */
export function carouselCard<const C extends Omit<TemplateCarouselCard, "type">>(card: C): C & { readonly type: "card" } {
  return { ...card, type: "card" };
}
