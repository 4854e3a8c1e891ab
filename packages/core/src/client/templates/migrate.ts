import { callOptions, type CallOptions } from "../../graph/request.ts";
import { isObj, objects, str } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { wabaSegment } from "../business/ids.ts";

export interface MigrateTemplatesOptions extends CallOptions {
  /** The WABA the templates are copied from (same business). */
  sourceWabaId: string;
  /** Which batch of 500 templates, from 0. */
  pageNumber?: number;
  /** The batch size (at most 500), if 500 times out. */
  count?: number;
  /** Only these templates. */
  templateIds?: readonly string[];
  /** Default: the client's `wabaId`. */
  destinationWabaId?: string;
}

/** pywa's `MigrateTemplatesResult`: what was copied, and what was not and why. */
export interface MigrateTemplatesResult {
  readonly migrated: readonly { readonly id: string }[];
  readonly failed: readonly { readonly id: string; readonly reason: string }[];
  readonly raw: Record<string, unknown>;
}

/**
 * pywa's `migrate_templates`: `POST /{destination-waba-id}/migrate_message_templates`
 * with `source_waba_id` (and `page_number`, `count`, `template_ids`) in the query.
 * Only APPROVED templates of GREEN or UNKNOWN quality are eligible; every other
 * one is reported in `failed` with Meta's reason.
 */
export async function migrateTemplates(wa: WhatsApp, o: MigrateTemplatesOptions): Promise<MigrateTemplatesResult> {
  const destination = wabaSegment(wa, o.destinationWabaId, "migrateTemplates");
  if (!o.sourceWabaId) throw new TypeError("migrateTemplates: sourceWabaId is empty");
  const raw = await wa.api.request<Record<string, unknown>>({
    method: "POST",
    path: `/${destination}/migrate_message_templates`,
    query: { source_waba_id: o.sourceWabaId, page_number: o.pageNumber, count: o.count, template_ids: o.templateIds },
    ...callOptions(o),
  });
  const migrated = (Array.isArray(raw.migrated_templates) ? raw.migrated_templates : []).map((id) => ({ id: String(id) }));
  // Failures come as [{ id, reason }] or as { "<id>": "<reason>" }: both are read.
  const failedWire = raw.failed_templates;
  const failed = Array.isArray(failedWire)
    ? objects(failedWire).map((f) => ({ id: String(f.id ?? ""), reason: str(f.reason) ?? "" }))
    : isObj(failedWire)
      ? Object.entries(failedWire).map(([id, reason]) => ({ id, reason: String(reason) }))
      : [];
  return { migrated, failed, raw };
}
