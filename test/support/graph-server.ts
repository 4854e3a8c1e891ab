/**
 * The local Graph API server the tests use. It lives in the playground package
 * (packages/playground/src/graph/: index.ts is the pipeline, routes/ the route
 * table), which runs the same server behind its browser chat.
 */
export { startGraphServer } from "../../packages/playground/src/graph/index.ts";
export type {
  GraphErrorSpec,
  GraphServer,
  GraphServerOptions,
  MediaInfo,
  OnceAnswer,
  RecordedRequest,
  RequestMatch,
} from "../../packages/playground/src/graph/index.ts";
