import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment, wabaSegment } from "../business/ids.ts";

export interface MigrateFlowsOptions extends CallOptions {
  /** The WABA the flows are copied from. */
  sourceWabaId: string;
  /** Which flows, by name (up to 100). */
  sourceFlowNames: readonly string[];
  /** Default: the client's `wabaId`. */
  destinationWabaId?: string;
}

/** A flow copied to the destination WABA. */
export interface MigratedFlow {
  sourceId: string;
  sourceName: string;
  /** Its id in the destination WABA. */
  migratedId: string;
}

/** A flow that could not be copied (pywa's `MigratedFlowError`: an Error there too). */
export class MigratedFlowError extends Error {
  readonly sourceName: string;
  readonly errorCode: string;
  readonly errorMessage: string;

  constructor(sourceName: string, errorCode: string, errorMessage: string) {
    super(`Flow ${JSON.stringify(sourceName)} was not migrated: ${errorMessage} (${errorCode})`);
    this.name = "MigratedFlowError";
    this.sourceName = sourceName;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }
}

/** pywa's `MigrateFlowsResponse`: what was copied and what failed, per flow. */
export interface MigrateFlowsResponse {
  migratedFlows: MigratedFlow[];
  failedFlows: MigratedFlowError[];
}

interface MigrateWire {
  migrated_flows?: { source_id?: string; source_name?: string; migrated_id?: string }[];
  failed_flows?: { source_name?: string; error_code?: string | number; error_message?: string }[];
}

const MAX_FLOWS = 100;

/**
 * pywa's `migrate_flows`: `POST /{destination-waba-id}/migrate_flows?source_waba_id=…&source_flow_names=a,b`.
 * Copies flows between WABAs of the same business; each flow succeeds or fails on its own.
 */
export async function migrateFlows(wa: WhatsApp, options: MigrateFlowsOptions): Promise<MigrateFlowsResponse> {
  const destination = wabaSegment(wa, options.destinationWabaId, "migrateFlows");
  segment(options.sourceWabaId, "sourceWabaId", "migrateFlows");
  const names = [...options.sourceFlowNames];
  if (names.length === 0 || names.length > MAX_FLOWS) {
    throw new RangeError(`migrateFlows: give 1 to ${MAX_FLOWS} flow names, got ${names.length}`);
  }
  const response = await wa.api.request<MigrateWire>({
    method: "POST",
    path: `/${destination}/migrate_flows`,
    query: { source_waba_id: String(options.sourceWabaId), source_flow_names: names },
    ...callOptions(options),
  });
  return {
    migratedFlows: (response.migrated_flows ?? []).map((f) => ({
      sourceId: String(f.source_id ?? ""),
      sourceName: f.source_name ?? "",
      migratedId: String(f.migrated_id ?? ""),
    })),
    failedFlows: (response.failed_flows ?? []).map(
      (f) => new MigratedFlowError(f.source_name ?? "", String(f.error_code ?? ""), f.error_message ?? ""),
    ),
  };
}
