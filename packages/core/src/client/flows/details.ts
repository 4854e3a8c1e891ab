/**
 * A flow as `getFlow` / `getFlows` read it (pywa's `FlowDetails`), with pywa's
 * shortcuts (`publish()`, `delete()`, …) that call the client for this flow.
 * Unlike pywa's, the object is not mutated by them: fetch it again to see the
 * new status.
 */
import type { CallOptions } from "../../graph/request.ts";
import type { Page, PageOptions } from "../../graph/pagination.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { getFlowAssets } from "./assets.ts";
import { graphDate } from "./dates.ts";
import type { FlowJsonInput } from "./json-input.ts";
import { deleteFlow, deprecateFlow, publishFlow } from "./lifecycle.ts";
import type { FlowAsset, FlowCategory, FlowStatus } from "./types.ts";
import { updateFlowJson, updateFlowMetadata, type FlowJSONUpdateResult, type UpdateFlowMetadataOptions } from "./update.ts";
import { validationErrors, type FlowValidationError, type FlowValidationErrorWire } from "./validation.ts";

/** The fields `getFlow` asks for (pywa's, in pywa's order). */
export function flowFields(invalidatePreview: boolean | undefined, phoneNumberId: string | undefined): string {
  return [
    "id",
    "name",
    "status",
    "json_version",
    "data_api_version",
    "categories",
    "validation_errors",
    "endpoint_uri",
    invalidatePreview === undefined ? "preview" : `preview.invalidate(${invalidatePreview})`,
    "whatsapp_business_account",
    "application",
    "updated_at",
    phoneNumberId === undefined ? "health_status" : `health_status.phone_number(${phoneNumberId})`,
  ].join(",");
}

/** A flow as Meta sends it. */
export interface FlowDetailsWire {
  id: string;
  name?: string;
  status?: string;
  categories?: string[];
  validation_errors?: FlowValidationErrorWire[];
  json_version?: string;
  data_api_version?: string;
  endpoint_uri?: string;
  /** The name of `endpoint_uri` before Graph v19.0. */
  data_channel_uri?: string;
  preview?: { preview_url?: string; expires_at?: string };
  whatsapp_business_account?: { id?: string; name?: string; [key: string]: unknown };
  application?: { id?: string; name?: string; link?: string };
  updated_at?: string;
  health_status?: HealthStatusWire;
}

interface HealthStatusWire {
  can_send_message?: string;
  entities?: {
    entity_type?: string;
    id?: string;
    can_send_message?: string;
    errors?: { error_code?: number; error_description?: string; possible_solution?: string }[];
    additional_info?: string[];
  }[];
}

/** Whether the flow can be sent, and why not (`health_status`). */
export interface FlowHealthStatus {
  /** `AVAILABLE`, `LIMITED` or `BLOCKED`. */
  canSendMessage: string | undefined;
  entities: {
    /** `FLOW`, `WABA`, `BUSINESS`, `APP` or `PHONE_NUMBER`. */
    entityType: string | undefined;
    id: string | undefined;
    canSendMessage: string | undefined;
    errors: { errorCode: number | undefined; errorDescription: string | undefined; possibleSolution: string | undefined }[];
    additionalInfo: string[];
  }[];
  raw: Readonly<Record<string, unknown>>;
}

export interface FlowPreviewParams {
  /** Run the preview interactively (default false). */
  interactive?: boolean;
  /** Sent with each request; required for flows with an endpoint. */
  flowToken?: string;
  /** The first action: `data_exchange` asks the endpoint, `navigate` needs `flowActionPayload`. */
  flowAction?: "navigate" | "data_exchange";
  /** The first screen's data, for `navigate`. */
  flowActionPayload?: Readonly<Record<string, unknown>>;
  /** The phone number whose public key encrypts requests; required for flows with an endpoint. */
  phoneNumber?: string;
  /** Show the actions in a side panel. */
  debug?: boolean;
}

/** The web preview of a flow (pywa's `FlowPreview`). */
export class FlowPreview {
  readonly url: string;
  readonly expiresAt: Date | undefined;

  constructor(url: string, expiresAt: Date | undefined) {
    this.url = url;
    this.expiresAt = expiresAt;
  }

  /** The preview URL configured (pywa's `with_params`). */
  withParams(params: FlowPreviewParams): string {
    const url = new URL(this.url);
    const set = (key: string, value: string | undefined) => value !== undefined && url.searchParams.set(key, value);
    set("flow_token", params.flowToken);
    set("interactive", params.interactive === undefined ? undefined : String(params.interactive));
    set("flow_action", params.flowAction);
    set("flow_action_payload", params.flowActionPayload === undefined ? undefined : JSON.stringify(params.flowActionPayload));
    set("phone_number", params.phoneNumber);
    set("debug", params.debug === undefined ? undefined : String(params.debug));
    return url.toString();
  }
}

export class FlowDetails {
  readonly id: string;
  /** Not shown to users. */
  readonly name: string;
  readonly status: FlowStatus;
  readonly categories: FlowCategory[];
  /** Must be empty to publish; located in the flow's current JSON. */
  readonly validationErrors: FlowValidationError[];
  /** The `version` of the uploaded Flow JSON. */
  readonly jsonVersion: string | undefined;
  /** Its `data_api_version` (flows with an endpoint). */
  readonly dataApiVersion: string | undefined;
  readonly endpointUri: string | undefined;
  readonly preview: FlowPreview | undefined;
  readonly whatsappBusinessAccount: { id: string; name: string | undefined } | undefined;
  readonly application: { id: string; name: string | undefined; link: string | undefined } | undefined;
  readonly updatedAt: Date | undefined;
  readonly healthStatus: FlowHealthStatus | undefined;
  /** The flow as Meta sent it. */
  readonly raw: Readonly<FlowDetailsWire>;
  readonly #wa: WhatsApp;

  constructor(wa: WhatsApp, wire: FlowDetailsWire) {
    this.#wa = wa;
    this.raw = wire;
    this.id = String(wire.id);
    this.name = wire.name ?? "";
    this.status = wire.status ?? "";
    this.categories = Array.isArray(wire.categories) ? [...wire.categories] : [];
    this.validationErrors = validationErrors(wire.validation_errors);
    this.jsonVersion = wire.json_version;
    this.dataApiVersion = wire.data_api_version;
    this.endpointUri = wire.endpoint_uri ?? wire.data_channel_uri;
    this.preview = wire.preview?.preview_url ? new FlowPreview(wire.preview.preview_url, graphDate(wire.preview.expires_at)) : undefined;
    const waba = wire.whatsapp_business_account;
    this.whatsappBusinessAccount = waba?.id === undefined ? undefined : { id: String(waba.id), name: waba.name };
    const app = wire.application;
    this.application = app?.id === undefined ? undefined : { id: String(app.id), name: app.name, link: app.link };
    this.updatedAt = graphDate(wire.updated_at);
    this.healthStatus = wire.health_status === undefined ? undefined : healthStatus(wire.health_status);
  }

  /** Publishes this flow (irreversible). */
  publish(options: CallOptions = {}): Promise<SuccessResult> {
    return publishFlow(this.#wa, { ...options, flowId: this.id });
  }

  /** Deletes this flow (drafts only). */
  delete(options: CallOptions = {}): Promise<SuccessResult> {
    return deleteFlow(this.#wa, { ...options, flowId: this.id });
  }

  /** Deprecates this flow (published ones only). */
  deprecate(options: CallOptions = {}): Promise<SuccessResult> {
    return deprecateFlow(this.#wa, { ...options, flowId: this.id });
  }

  /** This flow's assets. */
  getAssets(options: PageOptions & CallOptions = {}): Promise<Page<FlowAsset>> {
    return getFlowAssets(this.#wa, { ...options, flowId: this.id });
  }

  /** Changes this flow's name, categories, endpoint or app. */
  updateMetadata(options: Omit<UpdateFlowMetadataOptions, "flowId">): Promise<SuccessResult> {
    return updateFlowMetadata(this.#wa, { ...options, flowId: this.id });
  }

  /** Uploads a new Flow JSON for this flow (drafts only). */
  updateJson(flowJson: FlowJsonInput, options: CallOptions = {}): Promise<FlowJSONUpdateResult> {
    return updateFlowJson(this.#wa, { ...options, flowId: this.id, flowJson });
  }
}

function healthStatus(wire: HealthStatusWire): FlowHealthStatus {
  return {
    canSendMessage: wire.can_send_message,
    entities: (wire.entities ?? []).map((e) => ({
      entityType: e.entity_type,
      id: e.id === undefined ? undefined : String(e.id),
      canSendMessage: e.can_send_message,
      errors: (e.errors ?? []).map((x) => ({ errorCode: x.error_code, errorDescription: x.error_description, possibleSolution: x.possible_solution })),
      additionalInfo: e.additional_info ?? [],
    })),
    raw: wire as Record<string, unknown>,
  };
}
