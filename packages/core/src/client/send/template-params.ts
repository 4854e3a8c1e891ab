/**
 * The parameters of a template being sent: a typed, camelCased mirror of the
 * Cloud API's `template.components` (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages#template-object).
 * Each object has the API's shape and `type`/`subType` values; only the keys are
 * camelCase (`parameterName` → `parameter_name`), and media are any `MediaInput`
 * (uploaded or linked at send time). Builders from template definitions come later
 * and produce these.
 */
import type { MediaInput } from "../media/types.ts";

export type TemplateComponentParams =
  | TemplateHeaderParams
  | TemplateBodyParams
  | TemplateButtonParams
  | TemplateCarouselParams
  | TemplateLimitedTimeOfferParams
  | TemplateTapTargetParams;

// ── Parameters ────────────────────────────────────────────────────────────────

/** `{{1}}` (positional) or, with `parameterName`, `{{name}}` (named templates). */
export interface TemplateTextParam {
  type: "text";
  text: string;
  parameterName?: string;
}

export interface TemplateCurrencyParam {
  type: "currency";
  currency: {
    /** Shown when the client cannot localise the amount. */
    fallbackValue: string;
    /** ISO 4217, e.g. `USD`. */
    code: string;
    /** The amount × 1000 (`12.99` → `12990`). */
    amount1000: number;
  };
  parameterName?: string;
}

export interface TemplateDateTimeParam {
  type: "date_time";
  dateTime: { fallbackValue: string };
  parameterName?: string;
}

interface MediaParamCommon {
  /** The MIME type, if the media is uploaded and it cannot be guessed. */
  mimeType?: string;
}

export interface TemplateImageParam extends MediaParamCommon {
  type: "image";
  image: MediaInput;
}

export interface TemplateVideoParam extends MediaParamCommon {
  type: "video";
  video: MediaInput;
}

/** An animated header (an MP4 without sound). */
export interface TemplateGifParam extends MediaParamCommon {
  type: "gif";
  gif: MediaInput;
}

export interface TemplateDocumentParam extends MediaParamCommon {
  type: "document";
  document: MediaInput;
  /** Default: the URL's last path segment, or the uploaded file's name when known. */
  filename?: string;
}

export interface TemplateLocationParam {
  type: "location";
  location: { latitude: number; longitude: number; name?: string; address?: string };
}

export interface TemplateProductParam {
  type: "product";
  product: { catalogId: string; productRetailerId: string };
}

export type TemplateMediaParam = TemplateImageParam | TemplateVideoParam | TemplateGifParam | TemplateDocumentParam;

export type TemplateHeaderParam = TemplateTextParam | TemplateMediaParam | TemplateLocationParam | TemplateProductParam;

export type TemplateBodyParam = TemplateTextParam | TemplateCurrencyParam | TemplateDateTimeParam;

// ── Components ────────────────────────────────────────────────────────────────

export interface TemplateHeaderParams {
  type: "header";
  parameters: TemplateHeaderParam[];
}

export interface TemplateBodyParams {
  type: "body";
  parameters: TemplateBodyParam[];
}

/** Quick-reply button: `payload` comes back in the button's callback. */
export interface TemplateQuickReplyButtonParams {
  type: "button";
  subType: "quick_reply";
  /** The button's position in the template, from 0. */
  index: number;
  parameters: { type: "payload"; payload: string }[];
}

/**
 * URL button: `text` is the suffix filling the URL's `{{1}}`. An authentication
 * template's OTP button (copy code, one-tap, zero-tap) is sent this way too, with
 * the code as `text`.
 */
export interface TemplateUrlButtonParams {
  type: "button";
  subType: "url";
  index: number;
  parameters: { type: "text"; text: string }[];
}

export interface TemplateCopyCodeButtonParams {
  type: "button";
  subType: "copy_code";
  index: number;
  parameters: { type: "coupon_code"; couponCode: string }[];
}

export interface TemplateFlowButtonParams {
  type: "button";
  subType: "flow";
  index: number;
  parameters: {
    type: "action";
    action: {
      /** Echoed back in the flow's completion and data-exchange requests. */
      flowToken?: string;
      /** The first screen's data (sent as is). */
      flowActionData?: Record<string, unknown>;
    };
  }[];
}

export interface TemplateCatalogButtonParams {
  type: "button";
  subType: "catalog";
  index: number;
  parameters?: { type: "action"; action: { thumbnailProductRetailerId?: string } }[];
}

/** Multi-product message button. */
export interface TemplateMpmButtonParams {
  type: "button";
  subType: "mpm";
  index: number;
  parameters: {
    type: "action";
    action: {
      thumbnailProductRetailerId: string;
      sections: { title: string; productItems: { productRetailerId: string }[] }[];
    };
  }[];
}

export type TemplateButtonParams =
  | TemplateQuickReplyButtonParams
  | TemplateUrlButtonParams
  | TemplateCopyCodeButtonParams
  | TemplateFlowButtonParams
  | TemplateCatalogButtonParams
  | TemplateMpmButtonParams;

/** What a carousel card may carry: its header media, body variables and buttons. */
export type TemplateCardComponentParams = TemplateHeaderParams | TemplateBodyParams | TemplateButtonParams;

export interface TemplateCarouselParams {
  type: "carousel";
  cards: { cardIndex: number; components: TemplateCardComponentParams[] }[];
}

export interface TemplateLimitedTimeOfferParams {
  type: "limited_time_offer";
  parameters: {
    type: "limited_time_offer";
    /** Milliseconds since the epoch (`Date.getTime()`), as the key says. */
    limitedTimeOffer: { expirationTimeMs: number };
  }[];
}

export interface TemplateTapTargetParams {
  type: "tap_target_configuration";
  parameters: {
    type: "tap_target_configuration";
    tapTargetConfiguration: { url: string; title: string }[];
  }[];
}
