import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment } from "../business/ids.ts";

export interface FlowIdOptions extends CallOptions {
  flowId: string;
}

async function ack(wa: WhatsApp, method: "POST" | "DELETE", path: string, options: CallOptions): Promise<SuccessResult> {
  const response = await wa.api.request<{ success?: unknown }>({ method, path, ...callOptions(options) });
  return { success: response.success === true };
}

/**
 * pywa's `publish_flow`: `POST /{flow-id}/publish`. Irreversible: a published
 * flow is immutable (clone it with `createFlow({ cloneFlowId })` to change it).
 * A flow with validation errors gives `FlowPublishingError`.
 */
export async function publishFlow(wa: WhatsApp, options: FlowIdOptions): Promise<SuccessResult> {
  return ack(wa, "POST", `/${segment(options.flowId, "flowId", "publishFlow")}/publish`, options);
}

/** pywa's `delete_flow`: `DELETE /{flow-id}`, drafts only (else `FlowDeletingError`). */
export async function deleteFlow(wa: WhatsApp, options: FlowIdOptions): Promise<SuccessResult> {
  return ack(wa, "DELETE", `/${segment(options.flowId, "flowId", "deleteFlow")}`, options);
}

/** pywa's `deprecate_flow`: `POST /{flow-id}/deprecate`, published flows only (else `FlowDeprecatingError`). */
export async function deprecateFlow(wa: WhatsApp, options: FlowIdOptions): Promise<SuccessResult> {
  return ack(wa, "POST", `/${segment(options.flowId, "flowId", "deprecateFlow")}/deprecate`, options);
}
