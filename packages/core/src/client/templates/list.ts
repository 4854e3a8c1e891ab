import { Page, type PageOptions } from "../../graph/pagination.ts";
import { callOptions, type CallOptions } from "../../graph/request.ts";
import { parseTemplateDetails, TEMPLATE_FIELDS, type TemplateDetails } from "../../templates/details.ts";
import type { TemplateLanguage } from "../../templates/types.ts";
import type { Json } from "../../updates/json.ts";
import type { QualityScore, TemplateCategory, TemplateStatus } from "../../updates/templates.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment, wabaSegment } from "../business/ids.ts";

const SUMMARY_FIELDS = ["total_count", "message_template_count", "message_template_limit", "are_translations_complete"];

export interface GetTemplatesOptions extends CallOptions, PageOptions {
  statuses?: readonly TemplateStatus[];
  categories?: readonly TemplateCategory[];
  languages?: readonly TemplateLanguage[];
  /** Templates whose name contains this. */
  name?: string;
  /** Templates whose content contains this. */
  content?: string;
  /** Templates whose name or content contains this. */
  nameOrContent?: string;
  qualityScores?: readonly QualityScore[];
  wabaId?: string;
}

/**
 * pywa's `get_templates`: `GET /{waba-id}/message_templates` with pywa's field
 * list and the account's summary. Returns the first page; `for await (const t of
 * page)` walks every template, fetching pages as needed. `templatesSummary(page)`
 * reads the counters.
 */
export function getTemplates(wa: WhatsApp, o: GetTemplatesOptions = {}): Promise<Page<TemplateDetails>> {
  const waba = wabaSegment(wa, o.wabaId, "getTemplates");
  return Page.fetch<Json, TemplateDetails>(
    wa.api,
    {
      method: "GET",
      path: `/${waba}/message_templates`,
      query: {
        fields: TEMPLATE_FIELDS,
        summary: SUMMARY_FIELDS,
        status: o.statuses,
        category: o.categories,
        language: o.languages,
        name: o.name,
        content: o.content,
        name_or_content: o.nameOrContent,
        quality_score: o.qualityScores,
      },
      ...callOptions(o),
    },
    parseTemplateDetails,
    { limit: o.limit, after: o.after, before: o.before },
  );
}

export interface GetTemplateOptions extends CallOptions {
  templateId: string;
}

/** pywa's `get_template`: `GET /{template-id}?fields=…`. */
export async function getTemplate(wa: WhatsApp, o: GetTemplateOptions): Promise<TemplateDetails> {
  const raw = await wa.api.request<Json>({
    method: "GET",
    path: `/${segment(o.templateId, "templateId", "getTemplate")}`,
    query: { fields: TEMPLATE_FIELDS },
    ...callOptions(o),
  });
  return parseTemplateDetails(raw);
}

/** The account's template counters that come with `getTemplates` (pywa's `TemplatesResult` fields). */
export interface TemplatesSummary {
  readonly totalCount: number | undefined;
  readonly messageTemplateCount: number | undefined;
  readonly messageTemplateLimit: number | undefined;
  readonly areTranslationsComplete: boolean | undefined;
}

export function templatesSummary(page: Page<TemplateDetails>): TemplatesSummary {
  const s = page.summary ?? {};
  const n = (v: unknown) => (typeof v === "number" ? v : undefined);
  return {
    totalCount: n(s.total_count),
    messageTemplateCount: n(s.message_template_count),
    messageTemplateLimit: n(s.message_template_limit),
    areTranslationsComplete: typeof s.are_translations_complete === "boolean" ? s.are_translations_complete : undefined,
  };
}
