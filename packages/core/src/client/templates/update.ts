import { callOptions, type CallOptions } from "../../graph/request.ts";
import { isTemplateDefinition, type AnyTemplateDefinition } from "../../templates/define.ts";
import { inferParameterFormat, serializeComponents } from "../../templates/serialize.ts";
import { normalizeComponents, type TemplateComponentsSpec } from "../../templates/spec.ts";
import type { ParameterFormat } from "../../templates/types.ts";
import { creationProblems } from "../../templates/validate.ts";
import type { TemplateCategory } from "../../updates/templates.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment } from "../business/ids.ts";
import { uploadMediaExamples } from "./upload.ts";

export interface UpdateTemplateOptions extends CallOptions {
  templateId: string;
  /** Not for approved templates. */
  newCategory?: TemplateCategory;
  /** The new components: slots as in `defineTemplate`, or a definition (its components are taken). */
  newComponents?: TemplateComponentsSpec | AnyTemplateDefinition;
  newMessageSendTtlSeconds?: number;
  /** Default with `newComponents`: `NAMED` when a variable is named. */
  newParameterFormat?: ParameterFormat;
  /** The Meta app that receives media samples. Default: the client's `appId`. */
  appId?: string;
}

/** pywa's `UpdatedTemplate`. */
export interface UpdatedTemplate {
  readonly id: string;
  readonly success: boolean;
  readonly name: string | undefined;
  readonly category: TemplateCategory | undefined;
  readonly raw: Record<string, unknown>;
}

/**
 * pywa's `update_template`: `POST /{template-id}` with the changed fields
 * (`category`, `components`, `message_send_ttl_seconds`, `parameter_format`).
 * New media samples are uploaded first, as on creation.
 */
export async function updateTemplate(wa: WhatsApp, o: UpdateTemplateOptions): Promise<UpdatedTemplate> {
  const path = `/${segment(o.templateId, "templateId", "updateTemplate")}`;
  const json: Record<string, unknown> = {};
  if (o.newCategory !== undefined) json.category = o.newCategory;
  let format = o.newParameterFormat;
  if (o.newComponents !== undefined) {
    const c = isTemplateDefinition(o.newComponents) ? o.newComponents.components : normalizeComponents(o.newComponents);
    // Category is not changed here: only the component checks apply.
    const problems = creationProblems(c, { category: "-" });
    if (problems.length > 0) throw new TypeError(`updateTemplate(${o.templateId}): ${problems.join("; ")}`);
    const handleOf = await uploadMediaExamples(wa, c, { ...callOptions(o), ...(o.appId !== undefined ? { appId: o.appId } : {}) });
    json.components = serializeComponents(c, handleOf);
    format ??= inferParameterFormat(c) === "NAMED" ? "NAMED" : undefined;
  }
  if (o.newMessageSendTtlSeconds !== undefined) json.message_send_ttl_seconds = o.newMessageSendTtlSeconds;
  if (format !== undefined) json.parameter_format = format;
  if (Object.keys(json).length === 0) throw new TypeError("updateTemplate: nothing to change (newCategory, newComponents, newMessageSendTtlSeconds, newParameterFormat)");
  const raw = await wa.api.request<Record<string, unknown>>({ method: "POST", path, json, ...callOptions(o) });
  return {
    id: raw.id !== undefined ? String(raw.id) : o.templateId,
    success: raw.success === true,
    name: typeof raw.name === "string" ? raw.name : undefined,
    category: typeof raw.category === "string" ? raw.category : o.newCategory,
    raw,
  };
}
