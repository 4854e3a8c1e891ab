import type { CallOptions } from "../../graph/request.ts";
import { serializeDegreesOfFreedom } from "../../templates/serialize.ts";
import type { DegreesOfFreedomSpec } from "../../templates/types.ts";
import { isObj } from "../../updates/json.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { ack } from "./ack.ts";
import { wabaSegment } from "./ids.ts";

export interface UpdateBusinessAccountSettingsOptions extends CallOptions {
  /** `true`: marketing templates can no longer be sent through the Cloud API's `/messages`. */
  disableMarketingMessagesOnCloudApi?: boolean;
  /**
   * Automatic creative optimizations for the whole WABA, the same model a template
   * takes: `{ creativeFeaturesSpec: { image_touchups: true, add_text_overlay: false } }`
   * (`true` → `OPT_IN`, `false` → `OPT_OUT`).
   */
  degreesOfFreedomSpec?: DegreesOfFreedomSpec;
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/**
 * pywa's `update_business_account_settings`: `POST /{waba-id}` with
 * `disable_marketing_messages_on_cloud_api` and/or
 * `degrees_of_freedom_spec: { creative_features_spec: { <feature>: { enroll_status } } }`.
 */
export async function updateBusinessAccountSettings(wa: WhatsApp, options: UpdateBusinessAccountSettingsOptions): Promise<SuccessResult> {
  const method = "updateBusinessAccountSettings";
  const waba = wabaSegment(wa, options.wabaId, method);
  const { disableMarketingMessagesOnCloudApi: disable, degreesOfFreedomSpec: spec } = options;
  if (disable === undefined && spec === undefined) {
    throw new TypeError(`${method}: give disableMarketingMessagesOnCloudApi and/or degreesOfFreedomSpec`);
  }
  if (disable !== undefined && typeof disable !== "boolean") {
    throw new TypeError(`${method}: disableMarketingMessagesOnCloudApi must be true or false`);
  }
  if (spec !== undefined) checkSpec(spec, method);
  const json = {
    ...(disable !== undefined ? { disable_marketing_messages_on_cloud_api: disable } : {}),
    ...(spec !== undefined ? { degrees_of_freedom_spec: serializeDegreesOfFreedom(spec) } : {}),
  };
  return ack(wa, { method: "POST", path: `/${waba}`, json }, options);
}

function checkSpec(spec: DegreesOfFreedomSpec, method: string): void {
  const features = isObj(spec) ? spec.creativeFeaturesSpec : undefined;
  const entries = isObj(features) ? Object.entries(features).filter(([, on]) => on !== undefined) : [];
  if (entries.length === 0) {
    throw new TypeError(`${method}: degreesOfFreedomSpec.creativeFeaturesSpec needs at least one feature, e.g. { image_touchups: true }`);
  }
  for (const [feature, on] of entries) {
    if (typeof on !== "boolean") {
      throw new TypeError(`${method}: creativeFeaturesSpec.${feature} must be true (OPT_IN) or false (OPT_OUT)`);
    }
  }
}
