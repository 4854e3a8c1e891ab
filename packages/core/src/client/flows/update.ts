import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment } from "../business/ids.ts";
import { flowJsonText, type FlowJsonInput } from "./json-input.ts";
import type { FlowCategory } from "./types.ts";
import { validationErrors, type FlowValidationError, type FlowValidationErrorWire } from "./validation.ts";

export interface UpdateFlowMetadataOptions extends CallOptions {
  flowId: string;
  name?: string;
  categories?: readonly FlowCategory[];
  /** The data endpoint (Flow JSON 3.0+). */
  endpointUri?: string;
  /** The Meta app connected to the flow (flows with an endpoint need one). */
  applicationId?: string;
}

/** pywa's `update_flow_metadata`: `POST /{flow-id}` with the fields given (at least one). */
export async function updateFlowMetadata(wa: WhatsApp, options: UpdateFlowMetadataOptions): Promise<SuccessResult> {
  const flowId = segment(options.flowId, "flowId", "updateFlowMetadata");
  const { name, categories, endpointUri, applicationId } = options;
  if (name === undefined && categories === undefined && endpointUri === undefined && applicationId === undefined) {
    throw new TypeError("updateFlowMetadata: give at least one of name, categories, endpointUri, applicationId");
  }
  const response = await wa.api.request<{ success?: unknown }>({
    method: "POST",
    path: `/${flowId}`,
    json: {
      name,
      endpoint_uri: endpointUri,
      categories: categories === undefined ? undefined : [...categories],
      application_id: applicationId,
    },
    ...callOptions(options),
  });
  return { success: response.success === true };
}

export interface UpdateFlowJsonOptions extends CallOptions {
  flowId: string;
  flowJson: FlowJsonInput;
}

/** pywa's `FlowJSONUpdateResult`. */
export interface FlowJSONUpdateResult {
  success: boolean;
  /** Empty when the JSON is valid; each located in the uploaded text (`excerpt`). */
  validationErrors: FlowValidationError[];
}

/**
 * pywa's `update_flow_json`: `POST /{flow-id}/assets`, multipart with the file
 * `flow.json` (application/json), `name=flow.json`, `asset_type=FLOW_JSON`,
 * `messaging_product=whatsapp`. Meta accepts invalid JSON and reports what is
 * wrong in `validation_errors`; a published flow cannot be updated
 * (`FlowUpdatingError`).
 */
export async function updateFlowJson(wa: WhatsApp, options: UpdateFlowJsonOptions): Promise<FlowJSONUpdateResult> {
  const flowId = segment(options.flowId, "flowId", "updateFlowJson");
  const text = await flowJsonText(options.flowJson, "updateFlowJson");
  const form = new FormData();
  form.append("file", new Blob([text], { type: "application/json" }), "flow.json");
  form.append("name", "flow.json");
  form.append("asset_type", "FLOW_JSON");
  form.append("messaging_product", "whatsapp");
  const response = await wa.api.request<{ success?: unknown; validation_errors?: FlowValidationErrorWire[] }>({
    method: "POST",
    path: `/${flowId}/assets`,
    body: form,
    ...callOptions(options),
  });
  return { success: response.success === true, validationErrors: validationErrors(response.validation_errors, text) };
}
