import type { QualityScore, TemplateCategory, TemplateStatus } from "../updates/templates.ts";
import { type Json, bool, date, idStr, isObj, num, objects, str } from "../updates/json.ts";
import { TemplateDefinition } from "./define.ts";
import { parseComponents } from "./parse.ts";
import type { TemplateComponents, TemplateSpec } from "./spec.ts";
import type { DegreesOfFreedomSpec, ParameterFormat, TemplateLanguage, TemplateRejectionReason } from "./types.ts";

/** The fields `getTemplate` / `getTemplates` ask for (pywa's list). */
export const TEMPLATE_FIELDS = [
  "id", "name", "language", "category", "status", "components", "parameter_format", "message_send_ttl_seconds",
  "correct_category", "previous_category", "rejected_reason", "library_template_name", "quality_score",
  "cta_url_link_tracking_opted_out", "sub_category", "degrees_of_freedom_spec",
] as const;

/** pywa's `TemplateDetails`: an existing template as the API describes it. */
export interface TemplateDetails {
  readonly id: string;
  readonly name: string;
  readonly language: TemplateLanguage;
  readonly category: TemplateCategory;
  readonly status: TemplateStatus;
  /** The components in the same model `defineTemplate` uses (see `templateFromDetails`). */
  readonly components: TemplateComponents;
  readonly parameterFormat: ParameterFormat | undefined;
  readonly messageSendTtlSeconds: number | undefined;
  /** The category Meta will move the template to. */
  readonly correctCategory: TemplateCategory | undefined;
  readonly previousCategory: TemplateCategory | undefined;
  readonly rejectedReason: TemplateRejectionReason | undefined;
  /** The Template Library template it was made from. */
  readonly libraryTemplateName: string | undefined;
  readonly qualityScore: { readonly score: QualityScore; readonly date: Date | undefined } | undefined;
  readonly ctaUrlLinkTrackingOptedOut: boolean;
  readonly subCategory: string | undefined;
  readonly degreesOfFreedomSpec: DegreesOfFreedomSpec | undefined;
  /** The template as received. */
  readonly raw: Json;
}

export function parseTemplateDetails(wire: Json): TemplateDetails {
  const quality = isObj(wire.quality_score) ? wire.quality_score : undefined;
  const ttl = num(wire.message_send_ttl_seconds);
  return {
    id: idStr(wire.id) ?? "",
    name: str(wire.name) ?? "",
    language: str(wire.language) ?? "",
    category: str(wire.category) ?? "",
    status: str(wire.status) ?? "",
    components: parseComponents(wire.components),
    parameterFormat: str(wire.parameter_format),
    messageSendTtlSeconds: ttl,
    correctCategory: str(wire.correct_category),
    previousCategory: str(wire.previous_category),
    rejectedReason: str(wire.rejected_reason),
    libraryTemplateName: str(wire.library_template_name),
    qualityScore: quality && { score: str(quality.score) ?? "UNKNOWN", date: date(quality.date) },
    ctaUrlLinkTrackingOptedOut: bool(wire.cta_url_link_tracking_opted_out) ?? false,
    subCategory: str(wire.sub_category),
    degreesOfFreedomSpec: parseDegreesOfFreedom(wire.degrees_of_freedom_spec),
    raw: wire,
  };
}

/** `{ creative_features_spec: [{ key: "IMAGE_TOUCHUPS", value: { enroll_status: "OPT_IN" } }] }` (or the object form sent on creation). */
function parseDegreesOfFreedom(v: unknown): DegreesOfFreedomSpec | undefined {
  if (!isObj(v)) return undefined;
  const spec = v.creative_features_spec;
  const features: Record<string, boolean> = {};
  const status = (x: unknown) => (isObj(x) ? str(x.enroll_status) : undefined);
  if (Array.isArray(spec)) {
    for (const item of objects(spec)) {
      const key = str(item.key);
      const s = status(item.value);
      if (key && s) features[key.toLowerCase()] = s === "OPT_IN";
    }
  } else if (isObj(spec)) {
    for (const [key, value] of Object.entries(spec)) {
      const s = status(value);
      if (s) features[key.toLowerCase()] = s === "OPT_IN";
    }
  }
  return { creativeFeaturesSpec: features };
}

/**
 * A definition of an existing template, to send it with run-time checked values
 * (`templateFromDetails(t).params({ … })`) or to create a copy (pywa's
 * `TemplateDetails.duplicate`). Its values are not typed: the texts are only
 * known at run time.
 */
export function templateFromDetails(details: TemplateDetails, overrides: Partial<TemplateSpec> = {}): TemplateDefinition<TemplateSpec> {
  const spec: TemplateSpec = {
    name: details.name,
    language: details.language,
    category: details.category,
    ...(details.parameterFormat !== undefined ? { parameterFormat: details.parameterFormat } : {}),
    ...(details.messageSendTtlSeconds !== undefined ? { messageSendTtlSeconds: details.messageSendTtlSeconds } : {}),
    ...(details.degreesOfFreedomSpec !== undefined ? { degreesOfFreedomSpec: details.degreesOfFreedomSpec } : {}),
    ...details.components,
    ...overrides,
  };
  const hasNewComponents = ["header", "body", "footer", "buttons", "carousel", "limitedTimeOffer", "callPermissionRequest"].some((k) => k in overrides);
  return hasNewComponents ? new TemplateDefinition(spec) : new TemplateDefinition(spec, details.components);
}
