/**
 * Public and internal types of the local Graph API server (tests and playground).
 *
 * Public: `RecordedRequest`, `GraphServer`, `GraphServerOptions` and the argument
 * shapes of `respondOnce` / `respondWithError` / `media`. Internal: what a route
 * handler receives (`RouteContext`) and returns (`Reply`), so that later routes
 * (templates, flows, business profile, QR codes, calls…) plug into the same table.
 */

export interface RecordedRequest {
  method: string;
  /** URL path without query, e.g. "/v25.0/1234567890/messages". */
  path: string;
  /** Parsed query (the last value wins when a name repeats). */
  query: Record<string, string>;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON when the content-type is JSON (`application/json`, `*+json`), else undefined. */
  body: unknown;
  /** The JSON the server answered with (set once it answers; undefined for non-JSON answers). */
  response?: unknown;
  /** multipart/form-data (or application/x-www-form-urlencoded, with no files), parsed. */
  form?: {
    fields: Record<string, string>;
    files: Record<string, { filename: string; type: string; size: number; sha256: string }>;
  };
  /** Bytes received in the request body. */
  rawSize: number;
}

export interface RequestMatch {
  /** Case-insensitive; any method when omitted. */
  method?: string;
  /**
   * A string path matches exactly; when it has no `/vNN.N` prefix it matches any
   * version (and unversioned paths). A RegExp is tested against the full path and
   * against the path with its version prefix removed.
   */
  path: string | RegExp;
}

export interface OnceAnswer {
  status: number;
  /** Sent as JSON (`application/json; charset=UTF-8`). Wins over `text`. */
  json?: unknown;
  /** Sent as is (`text/plain` unless `headers` sets a content-type). */
  text?: string;
  /** Extra or overriding response headers, e.g. `{ "Retry-After": "2" }`. */
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface GraphErrorSpec {
  status: number;
  code: number;
  subcode?: number;
  message?: string;
  details?: string;
  type?: string;
}

export interface MediaInfo {
  mimeType: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  bytes?: Uint8Array;
}

export interface GraphServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** Everything received, in order. */
  requests: RecordedRequest[];
  /** Forgets the recorded requests and any one-shot answers not used yet (media is kept). */
  clear(): void;
  /** Queue a one-shot answer for the next request matching method + path. */
  respondOnce(match: RequestMatch, answer: OnceAnswer): void;
  /** Queue a one-shot Graph error envelope for the next request matching method + path. */
  respondWithError(match: RequestMatch, error: GraphErrorSpec): void;
  /** Registers media held by the server (bytes kept as given, not copied) and returns its id. */
  addMedia(bytes: Uint8Array, mimeType: string): string;
  /** What the server holds for a media id. Uploads keep their bytes only under 1 MiB. */
  media(id: string): MediaInfo | undefined;
  close(): Promise<void>;
}

export interface GraphServerOptions {
  /** When set, API requests without `Authorization: Bearer <token>` get HTTP 401, Graph error 190. */
  token?: string;
  /**
   * When set ("25.0", "v25.0" or "25"), requests under another `/vNN.N/` prefix get a
   * Graph error (400, code 2635). Unversioned paths are always accepted.
   */
  apiVersion?: string;
  /** Listen on this port of 127.0.0.1. Default: a free one. */
  port?: number;
  /** Uploads keep their bytes (for `media(id).bytes` and downloads) only under this size. Default 1 MiB. */
  keepBytesUnder?: number;
  /** Keep only the last N recorded requests (a long-running server). Default: all. */
  maxRecorded?: number;
  /** Called with each request once it has been answered (`response` set). */
  onRequest?: (request: RecordedRequest) => void;
}

// ---------------------------------------------------------------------------------
// Internal: the route table

/** What a handler answers. `bytes` is streamed in chunks (downloads). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  bytes?: Uint8Array;
}

/** A file part of a multipart body, as the parser saw it. */
export interface ReceivedFile {
  filename: string;
  type: string;
  size: number;
  sha256: string;
  /** Kept only when the part is under the keep limit (1 MiB). */
  bytes?: Uint8Array;
}

/** A body that is neither JSON nor a form (e.g. raw binary for resumable uploads). */
export interface ReceivedRaw {
  contentType: string;
  size: number;
  sha256: string;
  /** Kept only when under the keep limit (1 MiB). */
  bytes?: Uint8Array;
}

export interface StoredMedia extends MediaInfo {
  id: string;
  filename?: string;
}

export interface MediaStoreApi {
  add(entry: Omit<StoredMedia, "id">): string;
  get(id: string): StoredMedia | undefined;
  delete(id: string): boolean;
  /** The signature-like `hash` query of a media download URL. */
  urlHash(id: string): string;
}

export interface RouteContext {
  request: RecordedRequest;
  /** Named path parameters (`/:phoneId/messages` → `{ phoneId }`), URI-decoded. */
  params: Record<string, string>;
  /** "25.0" when the path had a `/v25.0` prefix. */
  version: string | undefined;
  /** The path without its version prefix. */
  path: string;
  /** Echoed in every error body and in the `x-fb-trace-id` header. */
  fbtraceId: string;
  /** "http://127.0.0.1:PORT" */
  baseUrl: string;
  options: GraphServerOptions;
  media: MediaStoreApi;
  /** File parts of a multipart body, with bytes when small. */
  files: Record<string, ReceivedFile>;
  raw: ReceivedRaw | undefined;
}

export interface RouteDef {
  method: string;
  /** Segments, `:name` for a parameter, e.g. "/:phoneId/messages". */
  path: string;
  /** Default true: the path may carry a `/vNN.N` prefix (matched after removing it). */
  versioned?: boolean;
  /** "graph" (default): the token check applies; "self": the handler checks auth itself. */
  auth?: "graph" | "self";
  /** Return undefined to let the next matching route (or the 404) answer. */
  handle(ctx: RouteContext): Reply | undefined | Promise<Reply | undefined>;
}
