/**
 * Run-time side of `TemplateValues`: the values of one send → the `components`
 * `sendTemplate` takes (client/send/template-params.ts). Everything missing or
 * unexpected is reported at once, before any request.
 */
import type { MediaInput } from "../client/media/types.ts";
import type {
  TemplateBodyParam,
  TemplateButtonParams,
  TemplateCardComponentParams,
  TemplateComponentParams,
  TemplateHeaderParam,
  TemplateHeaderParams,
} from "../client/send/template-params.ts";
import type { TemplateButton } from "./components/buttons.ts";
import type { TemplateHeader } from "./components/header.ts";
import type { TemplateBodyText } from "./components/text.ts";
import { isPositionalName, orderedValues, placeholdersOf } from "./placeholders.ts";
import type { TemplateComponents } from "./spec.ts";
import type { TemplateFlowValue, TemplateLimitedTimeOfferValue, TemplateLocationValue, TemplateMpmValue, TemplateProductValue } from "./values.ts";

type Values = Readonly<Record<string, unknown>>;

const KEYS = new Set(["header", "limitedTimeOffer", "body", "otp", "buttons", "carousel", "extra"]);

/** Builds the send components of a template from the values of one message. */
export function buildParams(name: string, c: TemplateComponents, values: Values = {}): TemplateComponentParams[] {
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new TypeError(`Template "${name}": params takes an object ({ header, body, buttons, … })`);
  }
  const problems: string[] = [];
  for (const key of Object.keys(values)) {
    if (!KEYS.has(key)) problems.push(`unknown key "${key}"`);
  }
  const out: TemplateComponentParams[] = [];

  const header = headerParams(c.header, values.header, "header", problems);
  if (header) out.push(header);

  if (c.limitedTimeOffer) {
    const lto = values.limitedTimeOffer as TemplateLimitedTimeOfferValue | undefined;
    if (lto !== undefined) {
      const at = lto.expirationTime instanceof Date ? lto.expirationTime.getTime() : lto.expirationTime;
      if (typeof at !== "number" || !Number.isFinite(at)) problems.push("limitedTimeOffer.expirationTime must be a Date or epoch milliseconds");
      // Milliseconds, as the key says (pywa sends seconds here).
      else out.push({ type: "limited_time_offer", parameters: [{ type: "limited_time_offer", limitedTimeOffer: { expirationTimeMs: at } }] });
    } else if (c.limitedTimeOffer.hasExpiration) {
      problems.push("missing limitedTimeOffer (the offer has an expiration)");
    }
  } else if (values.limitedTimeOffer !== undefined) {
    problems.push("limitedTimeOffer given, but the template has no limited-time offer");
  }

  const otpButtons = (c.buttons ?? []).flatMap((b, index) => (b.type === "otp" ? [index] : []));
  const wantsOtp = c.body?.type === "authentication_body" || otpButtons.length > 0;
  const otp = values.otp;
  if (wantsOtp && typeof otp !== "string") problems.push("missing otp (the one-time code)");
  if (!wantsOtp && otp !== undefined) problems.push("otp given, but this is not an authentication template");

  if (c.body?.type === "authentication_body") {
    if (typeof otp === "string") out.push({ type: "body", parameters: [{ type: "text", text: otp }] });
    if (values.body !== undefined) problems.push("body given, but an authentication body takes only otp");
  } else {
    const body = bodyParams(c.body, values.body, "body", problems);
    if (body) out.push({ type: "body", parameters: body });
  }

  out.push(...buttonParams(c.buttons, values.buttons, "buttons", problems));
  // An authentication template's code button is sent as a URL button carrying the code.
  if (typeof otp === "string") {
    for (const index of otpButtons) out.push({ type: "button", subType: "url", index, parameters: [{ type: "text", text: otp }] });
  }

  if (c.carousel) {
    const cards = values.carousel;
    if (!Array.isArray(cards)) problems.push(`missing carousel (values for its ${c.carousel.length} cards)`);
    else {
      if (cards.length !== c.carousel.length) problems.push(`carousel has ${c.carousel.length} cards, got values for ${cards.length}`);
      const built = c.carousel.map((card, cardIndex) => {
        const v = (cards[cardIndex] ?? {}) as Values;
        const where = `carousel[${cardIndex}]`;
        for (const key of Object.keys(v)) if (!["header", "body", "buttons"].includes(key)) problems.push(`${where}: unknown key "${key}"`);
        const components: TemplateCardComponentParams[] = [];
        const h = headerParams(card.header, v.header, `${where}.header`, problems);
        if (h) components.push(h);
        const b = bodyParams(card.body, v.body, `${where}.body`, problems);
        if (b) components.push({ type: "body", parameters: b });
        components.push(...buttonParams(card.buttons, v.buttons, `${where}.buttons`, problems));
        return { cardIndex, components };
      });
      out.push({ type: "carousel", cards: built });
    }
  } else if (values.carousel !== undefined) {
    problems.push("carousel given, but the template has no carousel");
  }

  if (values.extra !== undefined) {
    if (!Array.isArray(values.extra)) problems.push("extra must be an array of components");
    else out.push(...(values.extra as TemplateComponentParams[]));
  }

  if (problems.length > 0) throw new TypeError(`Template "${name}": ${problems.join("; ")}`);
  return out;
}

// ── Header and body ───────────────────────────────────────────────────────────

function headerParams(h: TemplateHeader | undefined, value: unknown, where: string, problems: string[]): TemplateHeaderParams | undefined {
  if (!h) {
    if (value !== undefined) problems.push(`${where} given, but the template has no header`);
    return undefined;
  }
  if (h.format === "text") {
    const params = textParams(h.text, value, where, problems, (type) => type === "string" || type === "number");
    return params ? { type: "header", parameters: params as TemplateHeaderParam[] } : undefined;
  }
  if (value === undefined || value === null) {
    problems.push(`missing ${where} (the ${h.format} to show)`);
    return undefined;
  }
  switch (h.format) {
    case "location": {
      const v = value as TemplateLocationValue;
      return { type: "header", parameters: [{ type: "location", location: { latitude: v.latitude, longitude: v.longitude, name: v.name, address: v.address } }] };
    }
    case "product": {
      const v = value as TemplateProductValue;
      return { type: "header", parameters: [{ type: "product", product: { catalogId: v.catalogId, productRetailerId: v.productRetailerId } }] };
    }
    default: {
      const { media, mimeType, filename } = mediaValue(value);
      const common = mimeType !== undefined ? { mimeType } : {};
      const param: TemplateHeaderParam =
        h.format === "image"
          ? { type: "image", image: media, ...common }
          : h.format === "video"
            ? { type: "video", video: media, ...common }
            : h.format === "gif"
              ? { type: "gif", gif: media, ...common }
              : { type: "document", document: media, ...common, ...(filename !== undefined ? { filename } : {}) };
      return { type: "header", parameters: [param] };
    }
  }
}

/** `{ media, mimeType?, filename? }`, or the media itself. */
function mediaValue(value: unknown): { media: MediaInput; mimeType?: string; filename?: string } {
  if (typeof value === "object" && value !== null && "media" in value) {
    return value as { media: MediaInput; mimeType?: string; filename?: string };
  }
  return { media: value as MediaInput };
}

function bodyParams(b: TemplateBodyText | undefined, value: unknown, where: string, problems: string[]): TemplateBodyParam[] | undefined {
  if (!b) {
    if (value !== undefined) problems.push(`${where} given, but the template has no body`);
    return undefined;
  }
  return textParams(b.text, value, where, problems, (type) => type === "string" || type === "number" || type === "object");
}

/** The parameters of a text's variables, named (`parameterName`) or in `{{1}}`… order. */
function textParams(
  text: string,
  value: unknown,
  where: string,
  problems: string[],
  /** Which `typeof` of a value the component takes (a header: text only). */
  accepts: (type: string) => boolean,
): TemplateBodyParam[] | undefined {
  const names = placeholdersOf(text);
  if (names.length === 0) {
    if (value !== undefined) problems.push(`${where} given, but its text has no variables`);
    return undefined;
  }
  if (value === undefined || value === null || typeof value !== "object") {
    problems.push(`missing ${where} (${names.map((n) => `{{${n}}}`).join(", ")})`);
    return undefined;
  }
  const { values, missing, extra } = orderedValues(names, value as Readonly<Record<string, unknown>> | readonly unknown[]);
  for (const n of missing) problems.push(`missing ${where} value for {{${n}}}`);
  for (const n of extra) problems.push(`unexpected ${where} value ${n}`);
  return values.flatMap(([name, v]) => {
    if (!accepts(typeof v)) {
      problems.push(`${where} value for {{${name}}} must be text`);
      return [];
    }
    const named = isPositionalName(name) ? {} : { parameterName: name };
    if (typeof v === "object" && v !== null) {
      const special = v as { type?: unknown };
      if (special.type !== "currency" && special.type !== "date_time") {
        problems.push(`${where} value for {{${name}}} must be text, a currency or a date_time`);
        return [];
      }
      return [{ ...(v as TemplateBodyParam), ...named }];
    }
    return [{ type: "text" as const, text: String(v), ...named }];
  });
}

// ── Buttons ───────────────────────────────────────────────────────────────────

function buttonParams(buttons: readonly TemplateButton[] | undefined, value: unknown, where: string, problems: string[]): TemplateButtonParams[] {
  const given = (value ?? {}) as Readonly<Record<string, unknown>>;
  if (typeof given !== "object") {
    problems.push(`${where} must be an object keyed by button index`);
    return [];
  }
  const list = buttons ?? [];
  for (const key of Object.keys(given)) {
    const index = Number(key);
    const button = Number.isInteger(index) ? list[index] : undefined;
    if (!button || !takesValue(button)) problems.push(`${where}[${key}] given, but ${button ? `that ${button.type} button takes no value` : "there is no such button"}`);
  }
  const out: TemplateButtonParams[] = [];
  list.forEach((button, index) => {
    const v = given[index];
    const at = `${where}[${index}]`;
    switch (button.type) {
      case "quick_reply":
        if (v !== undefined) out.push({ type: "button", subType: "quick_reply", index, parameters: [{ type: "payload", payload: String(v) }] });
        break;
      case "url":
        if (placeholdersOf(button.url).length === 0) break;
        if (v === undefined) problems.push(`missing ${at} (the URL suffix of "${button.text}")`);
        else out.push({ type: "button", subType: "url", index, parameters: [{ type: "text", text: String(v) }] });
        break;
      case "copy_code":
        if (v === undefined) problems.push(`missing ${at} (the code to copy)`);
        else out.push({ type: "button", subType: "copy_code", index, parameters: [{ type: "coupon_code", couponCode: String(v) }] });
        break;
      case "flow":
        if (v !== undefined) {
          const f = v as TemplateFlowValue;
          out.push({ type: "button", subType: "flow", index, parameters: [{ type: "action", action: { flowToken: f.flowToken, flowActionData: f.flowActionData } }] });
        }
        break;
      case "catalog":
        // The component is sent either way; the thumbnail product is optional.
        out.push(
          v === undefined
            ? { type: "button", subType: "catalog", index }
            : { type: "button", subType: "catalog", index, parameters: [{ type: "action", action: { thumbnailProductRetailerId: String(v) } }] },
        );
        break;
      case "mpm":
        if (v === undefined) problems.push(`missing ${at} (the products of "${button.text}")`);
        else out.push({ type: "button", subType: "mpm", index, parameters: [{ type: "action", action: v as TemplateMpmValue }] });
        break;
      default:
        break;
    }
  });
  return out;
}

function takesValue(button: TemplateButton): boolean {
  switch (button.type) {
    case "url":
      return placeholdersOf(button.url).length > 0;
    case "quick_reply":
    case "copy_code":
    case "flow":
    case "catalog":
    case "mpm":
      return true;
    default:
      return false;
  }
}
