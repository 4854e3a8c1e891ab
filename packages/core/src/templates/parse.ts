/**
 * Meta's template JSON (as `GET /{template-id}` returns it) → the template model,
 * so a template read back can be inspected, sent with `params()` or edited.
 * Components the model does not know are kept untouched in `unknown`.
 */
import { type Json, bool, idStr, isObj, num, objects, str } from "../updates/json.ts";
import type { TemplateButton, TemplateOtpSupportedApp } from "./components/buttons.ts";
import type { TemplateCarouselCard, TemplateLimitedTimeOffer } from "./components/extras.ts";
import type { TemplateHeader, TemplateMediaFormat } from "./components/header.ts";
import type { NormalizedCard, TemplateComponents } from "./spec.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function parseComponents(wire: unknown): TemplateComponents {
  const out: Mutable<TemplateComponents> = {};
  const unknown: Json[] = [];
  for (const c of objects(wire)) {
    const type = upper(c.type);
    switch (type) {
      case "HEADER": {
        const header = parseHeader(c);
        if (header) out.header = header;
        else unknown.push(c);
        break;
      }
      case "BODY":
        if ("add_security_recommendation" in c || str(c.text) === undefined) {
          out.body = { type: "authentication_body", ...opt("addSecurityRecommendation", bool(c.add_security_recommendation)) };
        } else {
          out.body = { type: "body", text: str(c.text)!, ...opt("example", textExample(c.example, "body")) };
        }
        break;
      case "FOOTER":
        if ("code_expiration_minutes" in c || str(c.text) === undefined) {
          out.footer = { type: "authentication_footer", ...opt("codeExpirationMinutes", num(c.code_expiration_minutes)) };
        } else {
          out.footer = { type: "footer", text: str(c.text)! };
        }
        break;
      case "BUTTONS": {
        const buttons = objects(c.buttons).map(parseButton);
        // A button the model does not know would shift the indexes of the others: keep the component whole.
        if (buttons.every((b) => b !== undefined)) out.buttons = buttons;
        else unknown.push(c);
        break;
      }
      case "LIMITED_TIME_OFFER": {
        const lto = isObj(c.limited_time_offer) ? c.limited_time_offer : {};
        const offer: TemplateLimitedTimeOffer = { type: "limited_time_offer", text: str(lto.text) ?? "", ...opt("hasExpiration", bool(lto.has_expiration)) };
        out.limitedTimeOffer = offer;
        break;
      }
      case "CALL_PERMISSION_REQUEST":
        out.callPermissionRequest = true;
        break;
      case "CAROUSEL": {
        const cards = objects(c.cards).map(parseCard);
        if (cards.every((card) => card !== undefined)) out.carousel = cards;
        else unknown.push(c);
        break;
      }
      default:
        unknown.push(c);
    }
  }
  if (unknown.length > 0) out.unknown = unknown;
  return out;
}

function parseHeader(c: Json): TemplateHeader | undefined {
  const format = upper(c.format);
  switch (format) {
    case "TEXT":
      return { type: "header", format: "text", text: str(c.text) ?? "", ...opt("example", textExample(c.example, "header")) };
    case "LOCATION":
      return { type: "header", format: "location" };
    case "PRODUCT":
      return { type: "header", format: "product" };
    case "IMAGE":
    case "VIDEO":
    case "GIF":
    case "DOCUMENT": {
      const handles = isObj(c.example) && Array.isArray(c.example.header_handle) ? c.example.header_handle : [];
      return { type: "header", format: format.toLowerCase() as TemplateMediaFormat, ...opt("example", str(handles[0])) };
    }
    default:
      return undefined;
  }
}

/** `header_text: ["x"]`, `body_text: [["a", "b"]]`, or `…_named_params: [{ param_name, example }]`. */
function textExample(example: unknown, kind: "header" | "body"): readonly string[] | Record<string, string> | undefined {
  if (!isObj(example)) return undefined;
  const named = example[`${kind}_text_named_params`];
  if (Array.isArray(named)) {
    const out: Record<string, string> = {};
    for (const p of objects(named)) {
      const name = str(p.param_name);
      if (name !== undefined) out[name] = String(p.example ?? "");
    }
    return out;
  }
  const positional = example[`${kind}_text`];
  if (!Array.isArray(positional)) return undefined;
  const row = Array.isArray(positional[0]) ? positional[0] : positional;
  return (row as unknown[]).map((v) => String(v));
}

function parseButton(b: Json): TemplateButton | undefined {
  const text = str(b.text) ?? "";
  switch (upper(b.type)) {
    case "QUICK_REPLY":
      return { type: "quick_reply", text };
    case "URL": {
      const example = Array.isArray(b.example) ? str(b.example[0]) : str(b.example);
      return { type: "url", text, url: str(b.url) ?? "", ...opt("example", example) };
    }
    case "PHONE_NUMBER":
      return { type: "phone_number", text, phoneNumber: str(b.phone_number) ?? "" };
    case "VOICE_CALL":
      return { type: "voice_call", text };
    case "COPY_CODE":
      return { type: "copy_code", example: (Array.isArray(b.example) ? str(b.example[0]) : str(b.example)) ?? "" };
    case "OTP":
      return {
        type: "otp",
        otpType: upper(b.otp_type) ?? "COPY_CODE",
        ...opt("text", str(b.text)),
        ...opt("autofillText", str(b.autofill_text)),
        ...opt("zeroTapTermsAccepted", bool(b.zero_tap_terms_accepted)),
        ...opt(
          "supportedApps",
          Array.isArray(b.supported_apps)
            ? objects(b.supported_apps).map((a): TemplateOtpSupportedApp => ({ packageName: str(a.package_name) ?? "", signatureHash: str(a.signature_hash) ?? "" }))
            : undefined,
        ),
      };
    case "FLOW": {
      const action = str(b.flow_action);
      const flowAction: "navigate" | "data_exchange" | undefined = action === "navigate" || action === "data_exchange" ? action : undefined;
      return {
        type: "flow",
        text,
        ...opt("flowId", idStr(b.flow_id)),
        ...opt("flowName", str(b.flow_name)),
        ...opt("flowJson", str(b.flow_json)),
        ...opt("flowAction", flowAction),
        ...opt("navigateScreen", str(b.navigate_screen)),
        ...opt("icon", str(b.icon)),
      };
    }
    case "CATALOG":
      return { type: "catalog", text };
    case "MPM":
      return { type: "mpm", text };
    case "SPM":
      return { type: "spm", text };
    default:
      return undefined;
  }
}

function parseCard(card: Json): NormalizedCard | undefined {
  const inner = parseComponents(card.components);
  const header = inner.header;
  if (!header || header.format === "text" || header.format === "location" || header.format === "gif" || header.format === "document") return undefined;
  if (inner.unknown) return undefined;
  return {
    type: "card",
    header: header as TemplateCarouselCard["header"],
    ...(inner.body?.type === "body" ? { body: inner.body } : {}),
    ...(inner.buttons ? { buttons: inner.buttons } : {}),
  };
}

function upper(v: unknown): string | undefined {
  return typeof v === "string" ? v.toUpperCase() : undefined;
}

/** `{ [key]: value }` when the value is defined, else nothing: optional keys stay absent. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
