import { resolveMediaParam } from "../media/resolve.ts";
import type { MediaType } from "../media/types.ts";
import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { checkSendOptions, compact, sendEnvelope, type SendOptions } from "./envelope.ts";
import { inferFilename } from "./media.ts";
import type {
  TemplateBodyParam,
  TemplateButtonParams,
  TemplateComponentParams,
  TemplateHeaderParam,
  TemplateMediaParam,
} from "./template-params.ts";

export interface SendTemplateOptions extends SendOptions {
  /** The approved template's name. */
  name: string;
  /** Its language code, e.g. `"en_US"`. */
  language: string;
  /** Values for its variables, media headers, buttons, cards… Omitted when the template has none. */
  components?: TemplateComponentParams[];
  /** Send through the Marketing Messages Lite API (`POST /{sender}/marketing_messages`). Marketing templates only. */
  useMmLiteApi?: boolean;
  /** Marketing Messages Lite only: share message activity (reads, clicks) with Meta for optimisation. */
  messageActivitySharing?: boolean;
}

/**
 * A template message (pywa's `send_template` with `name` + `language` + params).
 * Media parameters that are not a link or an id are uploaded first, in parallel.
 */
export async function sendTemplate(wa: WhatsApp, o: SendTemplateOptions): Promise<SentMessage> {
  const sender = checkSendOptions(wa, o);
  if (!o.name) throw new TypeError("sendTemplate: name is empty");
  if (!o.language) throw new TypeError('sendTemplate: language is empty (a code such as "en_US")');
  if (o.messageActivitySharing !== undefined && !o.useMmLiteApi) {
    // Only the marketing_messages endpoint knows this field; dropping it silently would hide a mistake.
    throw new TypeError("sendTemplate: messageActivitySharing applies only with useMmLiteApi: true");
  }
  const media: MediaContext = { wa, sender, signal: o.signal };
  const template = {
    name: o.name,
    language: { code: o.language },
    ...(o.components !== undefined ? { components: await Promise.all(o.components.map((c) => toApiComponent(c, media))) } : {}),
  };
  return o.useMmLiteApi
    ? sendEnvelope(wa, o, "template", template, {
        endpoint: "marketing_messages",
        fields: { message_activity_sharing: o.messageActivitySharing },
      })
    : sendEnvelope(wa, o, "template", template);
}

// ── camelCase params → the API's snake_case components ────────────────────────

interface MediaContext {
  wa: WhatsApp;
  sender: string;
  signal: AbortSignal | undefined;
}

async function toApiComponent(c: TemplateComponentParams, ctx: MediaContext): Promise<Record<string, unknown>> {
  switch (c.type) {
    case "header":
      return { type: "header", parameters: await Promise.all(c.parameters.map((p) => headerParam(p, ctx))) };
    case "body":
      return { type: "body", parameters: c.parameters.map(bodyParam) };
    case "button":
      return buttonComponent(c);
    case "carousel":
      return {
        type: "carousel",
        cards: await Promise.all(
          c.cards.map(async (card) => ({
            card_index: card.cardIndex,
            components: await Promise.all(card.components.map((cc) => toApiComponent(cc, ctx))),
          })),
        ),
      };
    case "limited_time_offer":
      return {
        type: "limited_time_offer",
        parameters: c.parameters.map((p) => ({
          type: "limited_time_offer",
          limited_time_offer: { expiration_time_ms: p.limitedTimeOffer.expirationTimeMs },
        })),
      };
    case "tap_target_configuration":
      return {
        type: "tap_target_configuration",
        parameters: c.parameters.map((p) => ({
          type: "tap_target_configuration",
          tap_target_configuration: p.tapTargetConfiguration.map((t) => ({ url: t.url, title: t.title })),
        })),
      };
    default:
      throw new TypeError(`sendTemplate: unknown component type ${JSON.stringify((c as { type?: unknown }).type)}`);
  }
}

function bodyParam(p: TemplateBodyParam): Record<string, unknown> {
  const named = p.parameterName !== undefined ? { parameter_name: p.parameterName } : {};
  switch (p.type) {
    case "text":
      return { type: "text", text: p.text, ...named };
    case "currency":
      return {
        type: "currency",
        currency: { fallback_value: p.currency.fallbackValue, code: p.currency.code, amount_1000: p.currency.amount1000 },
        ...named,
      };
    case "date_time":
      return { type: "date_time", date_time: { fallback_value: p.dateTime.fallbackValue }, ...named };
    default:
      throw new TypeError(`sendTemplate: unknown body parameter type ${JSON.stringify((p as { type?: unknown }).type)}`);
  }
}

async function headerParam(p: TemplateHeaderParam, ctx: MediaContext): Promise<Record<string, unknown>> {
  switch (p.type) {
    case "text":
      return bodyParam(p);
    case "location":
      return { type: "location", location: compact({ ...p.location }) };
    case "product":
      return {
        type: "product",
        product: { catalog_id: p.product.catalogId, product_retailer_id: p.product.productRetailerId },
      };
    case "image":
    case "video":
    case "gif":
    case "document":
      return mediaParam(p, ctx);
    default:
      throw new TypeError(`sendTemplate: unknown header parameter type ${JSON.stringify((p as { type?: unknown }).type)}`);
  }
}

/** A media header: linked or by id as given, else uploaded to the sender first. */
async function mediaParam(p: TemplateMediaParam, ctx: MediaContext): Promise<Record<string, unknown>> {
  const input = p.type === "image" ? p.image : p.type === "video" ? p.video : p.type === "gif" ? p.gif : p.document;
  const filename = p.type === "document" ? p.filename : undefined;
  // A GIF header is an MP4 without sound: uploaded as a video.
  const uploadAs: MediaType = p.type === "gif" ? "video" : p.type;
  const resolved = await resolveMediaParam(ctx.wa, input, {
    type: uploadAs,
    mimeType: p.mimeType,
    filename,
    sender: ctx.sender,
    signal: ctx.signal,
  });
  const media = p.type === "document" ? compact({ ...resolved, filename: filename ?? inferFilename(input, resolved) }) : resolved;
  return { type: p.type, [p.type]: media };
}

function buttonComponent(c: TemplateButtonParams): Record<string, unknown> {
  const head = { type: "button", sub_type: c.subType, index: c.index };
  switch (c.subType) {
    case "quick_reply":
      return { ...head, parameters: c.parameters.map((p) => ({ type: "payload", payload: p.payload })) };
    case "url":
      return { ...head, parameters: c.parameters.map((p) => ({ type: "text", text: p.text })) };
    case "copy_code":
      return { ...head, parameters: c.parameters.map((p) => ({ type: "coupon_code", coupon_code: p.couponCode })) };
    case "flow":
      return {
        ...head,
        parameters: c.parameters.map((p) => ({
          type: "action",
          action: compact({ flow_token: p.action.flowToken, flow_action_data: p.action.flowActionData }),
        })),
      };
    case "catalog":
      return c.parameters === undefined
        ? head
        : {
            ...head,
            parameters: c.parameters.map((p) => ({
              type: "action",
              action: compact({ thumbnail_product_retailer_id: p.action.thumbnailProductRetailerId }),
            })),
          };
    case "mpm":
      return {
        ...head,
        parameters: c.parameters.map((p) => ({
          type: "action",
          action: {
            thumbnail_product_retailer_id: p.action.thumbnailProductRetailerId,
            sections: p.action.sections.map((s) => ({
              title: s.title,
              product_items: s.productItems.map((i) => ({ product_retailer_id: i.productRetailerId })),
            })),
          },
        })),
      };
    default:
      throw new TypeError(`sendTemplate: unknown button subType ${JSON.stringify((c as { subType?: unknown }).subType)}`);
  }
}
