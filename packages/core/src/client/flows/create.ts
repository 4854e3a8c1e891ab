import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { wabaSegment } from "../business/ids.ts";
import { flowJsonText, type FlowJsonInput } from "./json-input.ts";
import type { FlowCategory } from "./types.ts";
import { validationErrors, type FlowValidationError, type FlowValidationErrorWire } from "./validation.ts";

export interface CreateFlowOptions extends CallOptions {
  /** Not shown to users. */
  name: string;
  categories: readonly FlowCategory[];
  /** Start from a copy of this flow (the way to "edit" a published flow). */
  cloneFlowId?: string;
  /** The data endpoint (Flow JSON 3.0+). */
  endpointUri?: string;
  /** The flow's JSON, uploaded with it (pywa: FlowJSON, dict, JSON text, bytes). */
  flowJson?: FlowJsonInput;
  /** Publish right away (needs `flowJson` without validation errors). */
  publish?: boolean;
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/** `POST /{waba-id}/flows` as Meta answers it. */
interface CreatedFlowWire {
  id: string;
  success?: boolean;
  validation_errors?: FlowValidationErrorWire[];
}

/** pywa's `CreatedFlow`. */
export interface CreatedFlow {
  id: string;
  /** False when the Flow JSON has errors (the flow is still created, as a draft). */
  success: boolean;
  /** Empty when the JSON is valid or none was sent; located in the uploaded text. */
  validationErrors: FlowValidationError[];
  raw: Readonly<Record<string, unknown>>;
}

/**
 * pywa's `create_flow`: `POST /{waba-id}/flows` with `{ name, categories,
 * clone_flow_id?, endpoint_uri?, flow_json?, publish? }`; the Flow JSON goes as a
 * string, as Meta wants it.
 */
export async function createFlow(wa: WhatsApp, options: CreateFlowOptions): Promise<CreatedFlow> {
  const wabaId = wabaSegment(wa, options.wabaId, "createFlow");
  if (!options.name) throw new TypeError("createFlow: name is required");
  if (options.categories.length === 0) throw new TypeError("createFlow: give at least one category");
  if (options.publish && options.flowJson === undefined) throw new TypeError("createFlow: publish needs flowJson");
  const flowJson = options.flowJson === undefined ? undefined : await flowJsonText(options.flowJson, "createFlow");
  const response = await wa.api.request<CreatedFlowWire>({
    method: "POST",
    path: `/${wabaId}/flows`,
    json: {
      name: options.name,
      categories: [...options.categories],
      clone_flow_id: options.cloneFlowId,
      endpoint_uri: options.endpointUri,
      flow_json: flowJson,
      publish: options.publish,
    },
    ...callOptions(options),
  });
  return {
    id: String(response.id),
    success: response.success ?? true,
    validationErrors: validationErrors(response.validation_errors, flowJson),
    raw: response as unknown as Record<string, unknown>,
  };
}
