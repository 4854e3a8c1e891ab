// Flows management (pywa's "Flows" methods): create, update, publish, deprecate,
// delete, read, list, metrics, assets, migrate. The Flow JSON builder itself is in
// flows/json/.
export { createFlow, type CreateFlowOptions, type CreatedFlow } from "./create.ts";
export {
  updateFlowMetadata,
  updateFlowJson,
  type UpdateFlowMetadataOptions,
  type UpdateFlowJsonOptions,
  type FlowJSONUpdateResult,
} from "./update.ts";
export { publishFlow, deleteFlow, deprecateFlow, type FlowIdOptions } from "./lifecycle.ts";
export { getFlow, getFlows, type GetFlowOptions, type GetFlowsOptions } from "./get.ts";
export {
  FlowDetails,
  FlowPreview,
  type FlowDetailsWire,
  type FlowHealthStatus,
  type FlowPreviewParams,
} from "./details.ts";
export { getFlowMetrics, type GetFlowMetricsOptions, type FlowMetric } from "./metrics.ts";
export { getFlowAssets, type GetFlowAssetsOptions } from "./assets.ts";
export { migrateFlows, MigratedFlowError, type MigrateFlowsOptions, type MigrateFlowsResponse, type MigratedFlow } from "./migrate.ts";
export {
  FlowValidationError,
  type FlowValidationPointer,
  type FlowValidationErrorWire,
  type FlowValidationPointerWire,
} from "./validation.ts";
export type { FlowJsonInput } from "./json-input.ts";
export { FlowCategory, FlowStatus, FlowMetricName, FlowMetricGranularity, type FlowAsset } from "./types.ts";
