import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { TopBlockReason } from "../../templates/types.ts";
import { objects, str } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment } from "../business/ids.ts";

export interface CompareTemplatesOptions extends CallOptions {
  /** The template compared. */
  templateId: string;
  /** The template(s) it is compared with (Meta compares two at a time). */
  templateIds: readonly string[];
  /** The period's start and end: Dates or Unix seconds. Lookbacks of 7, 30, 60 or 90 days. */
  start: Date | number;
  end: Date | number;
}

/** pywa's `TemplatesCompareResult`. */
export interface TemplatesCompareResult {
  /** Template ids, lowest ratio of blocks to sends first. */
  readonly blockRate: readonly string[] | undefined;
  /** Sends per template id. */
  readonly timesSent: Readonly<Record<string, number>> | undefined;
  /** The most given block reason per template id. */
  readonly topBlockReason: Readonly<Record<string, TopBlockReason>> | undefined;
  readonly raw: Record<string, unknown>;
}

/**
 * pywa's `compare_templates`: `GET /{template-id}/compare?template_ids=…&start=…&end=…`
 * (ids comma-joined, times in Unix seconds).
 */
export async function compareTemplates(wa: WhatsApp, o: CompareTemplatesOptions): Promise<TemplatesCompareResult> {
  if (o.templateIds.length === 0) throw new TypeError("compareTemplates: give at least one other template id in templateIds");
  const raw = await wa.api.request<Record<string, unknown>>({
    method: "GET",
    path: `/${segment(o.templateId, "templateId", "compareTemplates")}/compare`,
    query: { template_ids: o.templateIds, start: unixSeconds(o.start), end: unixSeconds(o.end) },
    ...callOptions(o),
  });
  let blockRate: string[] | undefined;
  let timesSent: Record<string, number> | undefined;
  let topBlockReason: Record<string, string> | undefined;
  for (const metric of objects(raw.data)) {
    switch (metric.metric) {
      case "BLOCK_RATE":
        blockRate = Array.isArray(metric.order_by_relative_metric) ? metric.order_by_relative_metric.map(String) : [];
        break;
      case "MESSAGE_SENDS":
        timesSent = {};
        for (const item of objects(metric.number_values)) timesSent[String(item.key)] = Number(item.value);
        break;
      case "TOP_BLOCK_REASON":
        topBlockReason = {};
        for (const item of objects(metric.string_values)) topBlockReason[String(item.key)] = str(item.value) ?? "UNKNOWN";
        break;
    }
  }
  return { blockRate, timesSent, topBlockReason, raw };
}

function unixSeconds(t: Date | number): number {
  return t instanceof Date ? Math.floor(t.getTime() / 1000) : t;
}
