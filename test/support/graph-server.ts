/**
 * A local Graph API server for tests: see graph-server/index.ts (pipeline) and
 * graph-server/routes/ (the route table).
 */
export { startGraphServer } from "./graph-server/index.ts";
export type {
  GraphErrorSpec,
  GraphServer,
  GraphServerOptions,
  MediaInfo,
  OnceAnswer,
  RecordedRequest,
  RequestMatch,
} from "./graph-server/index.ts";
