/**
 * The template model → the JSON Meta's Message Templates API takes (creation,
 * edits, upserts). Enum-like values are sent in the API's upper case; keys whose
 * value is undefined are left out.
 */
import type { TemplateButton } from "./components/buttons.ts";
import type { TemplateHeader, TemplateMediaHeader } from "./components/header.ts";
import type { TemplateBodyText } from "./components/text.ts";
import { isPositionalName, orderedValues, placeholdersOf } from "./placeholders.ts";
import type { TemplateComponents, TemplateSpec } from "./spec.ts";
import type { DegreesOfFreedomSpec, ParameterFormat } from "./types.ts";

export type WireComponent = Record<string, unknown>;

/** The file handle of a media header's sample (after the resumable upload). */
export type HandleOf = (header: TemplateMediaHeader) => string;

/** A sample that is already a resumable-upload handle (`"4::aW1h…"`): sent as is. */
export function isFileHandle(example: unknown): example is string {
  return typeof example === "string" && /^\d+:/.test(example);
}

/** Uses handles already in the model; anything else has to be uploaded first. */
export const handlesInModel: HandleOf = (header) => {
  if (isFileHandle(header.example)) return header.example;
  throw new TypeError(
    `The ${header.format} header's example is not uploaded yet: createTemplate / updateTemplate upload it ` +
      '(with the app id), or give a file handle ("4::…") from a resumable upload.',
  );
};

/** The `components` array, in Meta's documented order. */
export function serializeComponents(c: TemplateComponents, handleOf: HandleOf): WireComponent[] {
  const out: WireComponent[] = [];
  if (c.header) out.push(serializeHeader(c.header, handleOf));
  if (c.limitedTimeOffer) {
    out.push({
      type: "LIMITED_TIME_OFFER",
      limited_time_offer: compact({ text: c.limitedTimeOffer.text, has_expiration: c.limitedTimeOffer.hasExpiration }),
    });
  }
  if (c.body) {
    out.push(
      c.body.type === "authentication_body"
        ? compact({ type: "BODY", add_security_recommendation: c.body.addSecurityRecommendation })
        : serializeText("BODY", c.body),
    );
  }
  if (c.footer) {
    out.push(
      c.footer.type === "authentication_footer"
        ? compact({ type: "FOOTER", code_expiration_minutes: c.footer.codeExpirationMinutes })
        : { type: "FOOTER", text: c.footer.text },
    );
  }
  if (c.buttons && c.buttons.length > 0) out.push({ type: "BUTTONS", buttons: c.buttons.map(serializeButton) });
  if (c.callPermissionRequest) out.push({ type: "CALL_PERMISSION_REQUEST" });
  if (c.carousel) {
    out.push({
      type: "CAROUSEL",
      cards: c.carousel.map((card) => ({
        components: serializeComponents(
          { header: card.header, ...(card.body ? { body: card.body } : {}), ...(card.buttons ? { buttons: card.buttons } : {}) },
          handleOf,
        ),
      })),
    });
  }
  if (c.unknown) out.push(...c.unknown);
  return out;
}

/** The body of `POST /{waba-id}/message_templates`. */
export function serializeTemplate(spec: TemplateSpec, c: TemplateComponents, format: ParameterFormat | undefined, handleOf: HandleOf): Record<string, unknown> {
  return compact({
    name: spec.name,
    language: spec.language,
    category: spec.category,
    parameter_format: format,
    message_send_ttl_seconds: spec.messageSendTtlSeconds,
    sub_category: spec.subCategory,
    cta_url_link_tracking_opted_out: spec.ctaUrlLinkTrackingOptedOut,
    degrees_of_freedom_spec: spec.degreesOfFreedomSpec ? serializeDegreesOfFreedom(spec.degreesOfFreedomSpec) : undefined,
    components: serializeComponents(c, handleOf),
  });
}

export function serializeDegreesOfFreedom(spec: DegreesOfFreedomSpec): Record<string, unknown> {
  const features: Record<string, unknown> = {};
  for (const [feature, on] of Object.entries(spec.creativeFeaturesSpec)) {
    if (on !== undefined) features[feature] = { enroll_status: on ? "OPT_IN" : "OPT_OUT" };
  }
  return { creative_features_spec: features };
}

function serializeHeader(h: TemplateHeader, handleOf: HandleOf): WireComponent {
  switch (h.format) {
    case "text":
      return { type: "HEADER", format: "TEXT", ...serializeText("HEADER", h) };
    case "location":
      return { type: "HEADER", format: "LOCATION" };
    case "product":
      return { type: "HEADER", format: "PRODUCT" };
    default:
      return { type: "HEADER", format: h.format.toUpperCase(), example: { header_handle: [handleOf(h)] } };
  }
}

/** A text component with its examples: `body_text: [[…]]` / `header_text: […]` or `…_named_params`. */
function serializeText(type: "HEADER" | "BODY", component: { text: string; example?: unknown }): WireComponent {
  const names = placeholdersOf(component.text);
  const out: WireComponent = { type, text: component.text };
  if (names.length === 0 || component.example === undefined) return out;
  const { values } = orderedValues(names, component.example as Readonly<Record<string, unknown>> | readonly unknown[]);
  const key = type.toLowerCase();
  out.example = names.every(isPositionalName)
    ? { [`${key}_text`]: type === "BODY" ? [values.map(([, v]) => String(v))] : values.map(([, v]) => String(v)) }
    : { [`${key}_text_named_params`]: values.map(([name, v]) => ({ param_name: name, example: String(v) })) };
  return out;
}

export function serializeButton(b: TemplateButton): WireComponent {
  switch (b.type) {
    case "quick_reply":
      return { type: "QUICK_REPLY", text: b.text };
    case "url":
      return compact({
        type: "URL",
        text: b.text,
        url: b.url,
        example: b.example !== undefined ? [b.example] : undefined,
        app_deep_link: b.appDeepLink
          ? compact({
              meta_app_id: b.appDeepLink.metaAppId,
              android_deep_link: b.appDeepLink.androidDeepLink,
              android_fallback_playstore_url: b.appDeepLink.androidFallbackPlaystoreUrl,
            })
          : undefined,
      });
    case "phone_number":
      return { type: "PHONE_NUMBER", text: b.text, phone_number: b.phoneNumber };
    case "voice_call":
      return { type: "VOICE_CALL", text: b.text };
    case "copy_code":
      return { type: "COPY_CODE", example: b.example };
    case "otp":
      return compact({
        type: "OTP",
        otp_type: b.otpType,
        text: b.text,
        autofill_text: b.autofillText,
        zero_tap_terms_accepted: b.zeroTapTermsAccepted,
        supported_apps: b.supportedApps?.map((a) => ({ package_name: a.packageName, signature_hash: a.signatureHash })),
      });
    case "flow":
      return compact({
        type: "FLOW",
        text: b.text,
        flow_id: b.flowId,
        flow_name: b.flowName,
        flow_json: b.flowJson === undefined || typeof b.flowJson === "string" ? b.flowJson : JSON.stringify(b.flowJson),
        flow_action: b.flowAction,
        navigate_screen: b.navigateScreen,
        icon: b.icon,
      });
    case "catalog":
      return { type: "CATALOG", text: b.text };
    case "mpm":
      return { type: "MPM", text: b.text };
    case "spm":
      return { type: "SPM", text: b.text };
    default:
      throw new TypeError(`Unknown template button type ${JSON.stringify((b as { type?: unknown }).type)}`);
  }
}

/** Every header/body text of the components (card bodies included), for the parameter format. */
export function textsOf(c: TemplateComponents): string[] {
  const texts: string[] = [];
  if (c.header?.format === "text") texts.push(c.header.text);
  if (c.body?.type === "body") texts.push(c.body.text);
  for (const card of c.carousel ?? []) if (card.body) texts.push((card.body as TemplateBodyText).text);
  return texts;
}

/** `NAMED` when any variable is named, `POSITIONAL` when all are numbers, undefined without variables. */
export function inferParameterFormat(c: TemplateComponents): "NAMED" | "POSITIONAL" | undefined {
  const names = textsOf(c).flatMap(placeholdersOf);
  if (names.length === 0) return undefined;
  return names.every(isPositionalName) ? "POSITIONAL" : "NAMED";
}

export function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
