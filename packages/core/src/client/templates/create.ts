import { callOptions, type CallOptions } from "../../graph/request.ts";
import { isTemplateDefinition, type AnyTemplateDefinition } from "../../templates/define.ts";
import { isLibraryTemplate, serializeLibraryTemplate, type LibraryTemplate } from "../../templates/library.ts";
import { creationProblems } from "../../templates/validate.ts";
import type { TemplateCategory, TemplateStatus } from "../../updates/templates.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { wabaSegment } from "../business/ids.ts";
import { uploadMediaExamples } from "./upload.ts";

export interface CreateTemplateOptions extends CallOptions {
  /** A `defineTemplate(…)` definition (with a category and samples), or a Template Library template. */
  template: AnyTemplateDefinition | LibraryTemplate;
  /** Default: the client's `wabaId`. */
  wabaId?: string;
  /** The Meta app that receives media samples (resumable upload). Default: the client's `appId`. */
  appId?: string;
}

/** pywa's `CreatedTemplate`: the new template's id, its review status and category. */
export interface CreatedTemplate {
  readonly id: string;
  /** Usually `PENDING`; some templates are `APPROVED` at once. */
  readonly status: TemplateStatus;
  readonly category: TemplateCategory;
  readonly raw: Record<string, unknown>;
}

/**
 * pywa's `create_template`: `POST /{waba-id}/message_templates`. The definition
 * is checked first (samples for every variable, a category…: a TypeError lists
 * every problem) and media samples that are not file handles are uploaded
 * through the resumable upload API. Meta then reviews it: follow the outcome with
 * `wa.onTemplateStatusUpdate(…)` or `getTemplate`.
 */
export async function createTemplate(wa: WhatsApp, o: CreateTemplateOptions): Promise<CreatedTemplate> {
  const waba = wabaSegment(wa, o.wabaId, "createTemplate");
  let json: Record<string, unknown>;
  if (isTemplateDefinition(o.template)) {
    const def = o.template;
    const problems = creationProblems(def.components, def.spec);
    if (problems.length > 0) throw new TypeError(`createTemplate("${def.name}"): ${problems.join("; ")}`);
    const handleOf = await uploadMediaExamples(wa, def.components, { ...callOptions(o), ...(o.appId !== undefined ? { appId: o.appId } : {}) });
    json = def.toJSON(handleOf);
  } else if (isLibraryTemplate(o.template)) {
    json = serializeLibraryTemplate(o.template);
  } else {
    throw new TypeError("createTemplate: template must be a defineTemplate(…) definition or a library template");
  }
  const raw = await wa.api.request<Record<string, unknown>>({
    method: "POST",
    path: `/${waba}/message_templates`,
    json,
    ...callOptions(o),
  });
  return createdTemplate(raw, json.category as string | undefined);
}

/** A `{ id, status, category }` answer (create and upsert). */
export function createdTemplate(raw: Record<string, unknown>, fallbackCategory?: string): CreatedTemplate {
  return {
    id: String(raw.id ?? ""),
    status: typeof raw.status === "string" ? raw.status : "PENDING",
    category: typeof raw.category === "string" ? raw.category : (fallbackCategory ?? ""),
    raw,
  };
}
