import { Page, type PageOptions } from "../../graph/pagination.ts";
import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment } from "../business/ids.ts";
import type { FlowAsset } from "./types.ts";

export interface GetFlowAssetsOptions extends CallOptions, PageOptions {
  flowId: string;
}

/**
 * pywa's `get_flow_assets`: `GET /{flow-id}/assets?fields=name,asset_type,download_url`
 * (pywa means to ask for these fields but loses them; here they are sent).
 */
export async function getFlowAssets(wa: WhatsApp, options: GetFlowAssetsOptions): Promise<Page<FlowAsset>> {
  const flowId = segment(options.flowId, "flowId", "getFlowAssets");
  return Page.fetch(
    wa.api,
    { method: "GET", path: `/${flowId}/assets`, query: { fields: "name,asset_type,download_url" }, ...callOptions(options) },
    (w: { name?: string; asset_type?: string; download_url?: string }): FlowAsset => ({
      name: w.name ?? "",
      type: w.asset_type ?? "",
      url: w.download_url ?? "",
    }),
    { limit: options.limit, after: options.after, before: options.before },
  );
}
