import { Page, type PageOptions } from "../../graph/pagination.ts";
import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { FlowDetails, flowFields, type FlowDetailsWire } from "./details.ts";
import { segment, wabaSegment } from "../business/ids.ts";

interface FlowFieldOptions {
  /** Ask for a fresh preview URL (`preview.invalidate(true)`, pywa's default). `false` keeps the current one. */
  invalidatePreview?: boolean;
  /** Health status as seen from this phone number (`health_status.phone_number(id)`). */
  phoneNumberId?: string;
}

export interface GetFlowOptions extends CallOptions, FlowFieldOptions {
  flowId: string;
}

/** pywa's `get_flow`: `GET /{flow-id}?fields=id,name,status,…,preview.invalidate(true),…,health_status`. */
export async function getFlow(wa: WhatsApp, options: GetFlowOptions): Promise<FlowDetails> {
  const flowId = segment(options.flowId, "flowId", "getFlow");
  const wire = await wa.api.request<FlowDetailsWire>({
    method: "GET",
    path: `/${flowId}`,
    query: { fields: flowFields(options.invalidatePreview ?? true, options.phoneNumberId) },
    ...callOptions(options),
  });
  return new FlowDetails(wa, wire);
}

export interface GetFlowsOptions extends CallOptions, PageOptions, FlowFieldOptions {
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/** pywa's `get_flows`: `GET /{waba-id}/flows` with the fields of getFlow, page by page. */
export async function getFlows(wa: WhatsApp, options: GetFlowsOptions = {}): Promise<Page<FlowDetails>> {
  const wabaId = wabaSegment(wa, options.wabaId, "getFlows");
  return Page.fetch(
    wa.api,
    {
      method: "GET",
      path: `/${wabaId}/flows`,
      query: { fields: flowFields(options.invalidatePreview ?? true, options.phoneNumberId) },
      ...callOptions(options),
    },
    (wire: FlowDetailsWire) => new FlowDetails(wa, wire),
    { limit: options.limit, after: options.after, before: options.before },
  );
}
