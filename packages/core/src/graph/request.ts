import { redactKnown, tokenForms } from "./errors/redact.ts";
import {
  GraphNetworkError,
  GraphResponseError,
  GraphTimeoutError,
  WhatsAppError,
} from "./errors.ts";
import { DEFAULT_RETRY, backoffMs, retryAfterMs, sleep, type RetryOptions } from "./retry.ts";
import { isTrustedHost } from "./trusted-hosts.ts";

/** What every Graph API call accepts besides its own parameters. */
export interface CallOptions {
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal;
  /** Per attempt, in milliseconds. Default: the client's `timeoutMs` (30 s). */
  timeoutMs?: number;
  /** Retry policy for this call, or `false` for a single attempt. */
  retry?: RetryOptions | false;
}

/** Just the call options of a method's options object, to pass on to `wa.api`. */
export function callOptions({ signal, timeoutMs, retry }: CallOptions): CallOptions {
  return { signal, timeoutMs, retry };
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface GraphRequest extends CallOptions {
  method: "GET" | "POST" | "DELETE";
  /** `/…` under `{graphUrl}/{apiVersion}`, or an absolute URL (paging links, media downloads). */
  path: string;
  /**
   * `"api"`: the path goes to `https://api.facebook.com`, with no version segment
   * (template archiving is served only there). A client whose graphUrl is not Meta's
   * (a test server, the playground, a proxy) sends it to `{graphUrl}{path}` instead,
   * also unversioned, so that such calls stay where the client was pointed.
   */
  host?: "graph" | "api";
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (FormData, Blob, bytes, a stream): fetch sets the content type, e.g. the multipart boundary. */
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface GraphApiOptions {
  token: string | undefined;
  graphUrl: string;
  apiVersion: string;
  fetch: typeof fetch | undefined;
  timeoutMs: number | undefined;
  retry: RetryOptions | undefined;
  userAgent: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const META_GRAPH_HOST = "graph.facebook.com";
const META_API_URL = "https://api.facebook.com";
/** Graph error codes that mean "slow down", worth a retry after a backoff. */
const THROTTLING_CODES = new Set([4, 80007, 130429, 131056]);

/**
 * HTTP to the Graph API: one place for the base URL and version, the token (only
 * ever in the Authorization header, only to Meta's hosts or the configured
 * graphUrl), timeouts, retries with backoff and jitter, and typed errors.
 * Exposed as `wa.api` for calls the client has no method for.
 */
export class GraphApi {
  readonly graphUrl: string;
  readonly apiVersion: string;
  #token: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #retry: Required<RetryOptions>;
  readonly #userAgent: string;

  constructor(options: GraphApiOptions) {
    this.graphUrl = options.graphUrl.replace(/\/+$/, "");
    this.apiVersion = options.apiVersion.startsWith("v") ? options.apiVersion : `v${options.apiVersion}`;
    this.#token = options.token;
    // Bound lazily: tests and polyfills may install globalThis.fetch after construction.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#userAgent = options.userAgent;
  }

  /** Replaces the access token for the calls made from now on (`wa.setToken`). */
  setToken(token: string): void {
    this.#token = token;
  }

  /** A Graph API call answered with JSON: the parsed body, or a typed error. */
  async request<T = unknown>(req: GraphRequest): Promise<T> {
    const response = await this.send(req);
    const text = await response.text();
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new GraphResponseError({ method: req.method, url: response.url || this.url(req), statusCode: response.status, bodyText: this.#withoutToken(text) });
    }
  }

  /**
   * A call whose successful response is returned unread (media downloads stream
   * it). Error responses are still turned into typed errors.
   */
  async send(req: GraphRequest): Promise<Response> {
    const url = this.url(req);
    const policy = req.retry === false ? { ...this.#retry, maxAttempts: 1 } : { ...this.#retry, ...req.retry };
    // A stream can be read once: such a body is never retried.
    const replayable = !(req.body instanceof ReadableStream);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let error: unknown;
      let retryAfter: number | undefined;
      try {
        const response = await this.#attempt(req, url);
        if (response.ok) return response;
        retryAfter = retryAfterMs(response.headers.get("retry-after"));
        error = await toError(req.method, url, response, (text) => this.#withoutToken(text));
      } catch (thrown) {
        error = thrown;
      }
      if (req.signal?.aborted) throw req.signal.reason;
      const elapsed = Date.now() - started;
      const wait = retryAfter ?? backoffMs(attempt - 1, policy);
      if (!replayable || attempt >= policy.maxAttempts || !isRetryable(error) || elapsed + wait > policy.maxTotalMs) {
        throw error;
      }
      await sleep(wait, req.signal);
    }
  }

  /** The full URL of a request (absolute paths kept, minus any access_token in them). */
  url(req: Pick<GraphRequest, "path" | "query" | "host">): string {
    const url = new URL(/^https?:\/\//.test(req.path) ? req.path : `${this.#base(req.host)}${req.path}`);
    url.searchParams.delete("access_token");
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined || value === null) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(",") : String(value));
    }
    return url.toString();
  }

  /**
   * `text` without the client's own token, whatever its shape: Graph echoes a token it
   * cannot parse ("Malformed access token …"), and such a token need not look like
   * Meta's `EAA…` ones that the pattern-based redaction of the error classes catches.
   */
  #withoutToken(text: string): string {
    return this.#token === undefined ? text : redactKnown(text, tokenForms(this.#token));
  }

  #base(host: GraphRequest["host"]): string {
    if (host !== "api") return `${this.graphUrl}/${this.apiVersion}`;
    return new URL(this.graphUrl).host === META_GRAPH_HOST ? META_API_URL : this.graphUrl;
  }

  async #attempt(req: GraphRequest, url: string): Promise<Response> {
    const headers: Record<string, string> = { "user-agent": this.#userAgent, ...req.headers };
    if (isTrustedHost(url, this.graphUrl)) {
      if (this.#token === undefined) throw new Error(MISSING_TOKEN);
      // fetch would refuse it with an error that quotes the whole header, token included.
      if (!isHeaderSafe(this.#token)) throw new TypeError(UNSENDABLE_TOKEN);
      headers.authorization = `Bearer ${this.#token}`;
    }
    let body = req.body;
    if (req.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(req.json);
    }
    // The timeout covers the wait for the response headers only: a media download
    // may then stream for longer (the caller's own signal still cancels it).
    const timeoutMs = req.timeoutMs ?? this.#timeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new GraphTimeoutError({ method: req.method, url, timeoutMs })), timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
    const init = (redirect: RequestRedirect): RequestInit =>
      ({ method: req.method, headers, body, signal, redirect, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) }) as RequestInit;
    try {
      if (body === undefined) return await this.#fetch(url, init("follow"));
      // Graph API calls with a body never redirect. Unless told "error", undici keeps
      // a second copy of the whole body to replay it after a redirect (a 50 MB upload
      // held twice, measured by bench/media.bench.ts; "manual" does not avoid it).
      // workerd refuses "error": there, "manual" (a 3xx then fails as any non-2xx).
      try {
        return await this.#fetch(url, init(noRedirect));
      } catch (error) {
        if (noRedirect === "manual" || !isRedirectModeRefused(error)) throw error;
        noRedirect = "manual";
        return await this.#fetch(url, init(noRedirect));
      }
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      if (timeout.signal.aborted) throw timeout.signal.reason;
      throw new GraphNetworkError({ method: req.method, url, cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The redirect mode of calls with a body: "error" until the runtime refuses it. */
let noRedirect: RequestRedirect = "error";

function isRedirectModeRefused(error: unknown): boolean {
  return error instanceof TypeError && /redirect/i.test(error.message) && /error/i.test(error.message);
}

const MISSING_TOKEN =
  "This Graph API call needs an access token: pass `token` to new WhatsApp({ … }) " +
  "(a system user token from Meta Business Settings).";

/**
 * The token as a header value: what the Fetch standard keeps after trimming HTTP
 * whitespace has no NUL, CR or LF, and (a ByteString) nothing beyond U+00FF.
 */
function isHeaderSafe(token: string): boolean {
  return !/[\0\r\n]|[^\0-\xff]/.test(token.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ""));
}

const UNSENDABLE_TOKEN =
  "The access token cannot go in an HTTP header: it has a line break, a NUL or a character beyond " +
  "Latin-1 in it. Check how it was read (a value pasted over two lines, a stray character in the .env file).";

async function toError(method: string, url: string, response: Response, redact: (text: string) => string): Promise<Error> {
  const text = await response.text().catch(() => "");
  let envelope: unknown;
  try {
    // Redacted once parsed: replacing text inside the JSON could break its syntax.
    envelope = redactStrings(JSON.parse(text), redact);
  } catch {
    envelope = undefined;
  }
  const graphError = (envelope as { error?: unknown } | undefined)?.error;
  if (graphError && typeof graphError === "object") {
    const error = WhatsAppError.fromGraph(graphError, response.status);
    // Some calls answer results next to the error (block_users: per-user outcomes with
    // code 139100). Only those are kept: the error object itself is already there,
    // redacted, and a second, raw copy could carry a token Meta echoed into it.
    const { error: _error, ...results } = envelope as Record<string, unknown>;
    if (Object.keys(results).length > 0) Object.defineProperty(error, "responseBody", { value: results, enumerable: false });
    return error;
  }
  return new GraphResponseError({ method, url, statusCode: response.status, bodyText: redact(text) });
}

/** Parsed JSON with `redact` applied to every string in it. */
function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, redact));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v, redact)]));
}

function isRetryable(error: unknown): boolean {
  if (error instanceof GraphNetworkError || error instanceof GraphTimeoutError) return true;
  if (error instanceof GraphResponseError) return error.statusCode === 429 || error.statusCode >= 500;
  if (error instanceof WhatsAppError) {
    return (
      THROTTLING_CODES.has(error.code) ||
      error.isTransient === true ||
      error.statusCode === 429 ||
      (error.statusCode !== undefined && error.statusCode >= 500)
    );
  }
  return false;
}
