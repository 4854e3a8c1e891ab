import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment } from "../business/ids.ts";
import { graphDate, graphDay } from "./dates.ts";
import type { FlowMetricGranularity, FlowMetricName } from "./types.ts";

export interface GetFlowMetricsOptions extends CallOptions {
  flowId: string;
  metricName: FlowMetricName;
  granularity: FlowMetricGranularity;
  /** First day (a Date is read in UTC, a string sent as is: `YYYY-MM-DD`). */
  since?: Date | string;
  /** Last day. */
  until?: Date | string;
}

interface MetricWire {
  name?: string;
  granularity?: string;
  data_points?: { timestamp?: string; data?: { key?: string; value?: number }[] }[];
}

/** A flow endpoint metric over time. */
export interface FlowMetric {
  name: string;
  granularity: string;
  dataPoints: { timestamp: Date | undefined; data: { key: string; value: number }[] }[];
  /** The `metric` object as Meta sent it (what pywa returns). */
  raw: Readonly<Record<string, unknown>>;
}

/**
 * pywa's `get_flow_metrics`: `GET /{flow-id}?fields=metric.name(N).granularity(G)[.since(D)][.until(D)]`.
 */
export async function getFlowMetrics(wa: WhatsApp, options: GetFlowMetricsOptions): Promise<FlowMetric> {
  const flowId = segment(options.flowId, "flowId", "getFlowMetrics");
  let field = `metric.name(${options.metricName}).granularity(${options.granularity})`;
  if (options.since !== undefined) field += `.since(${graphDay(options.since)})`;
  if (options.until !== undefined) field += `.until(${graphDay(options.until)})`;
  const response = await wa.api.request<{ metric?: MetricWire }>({
    method: "GET",
    path: `/${flowId}`,
    query: { fields: field },
    ...callOptions(options),
  });
  const metric = response.metric ?? {};
  return {
    name: metric.name ?? options.metricName,
    granularity: metric.granularity ?? options.granularity,
    dataPoints: (metric.data_points ?? []).map((p) => ({
      timestamp: graphDate(p.timestamp),
      data: (p.data ?? []).map((d) => ({ key: d.key ?? "", value: Number(d.value) })),
    })),
    raw: metric as Record<string, unknown>,
  };
}
