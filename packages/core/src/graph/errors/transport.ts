// Errors of the HTTP exchange itself, as opposed to errors Graph reports in its JSON
// envelope (those are `WhatsAppError`s). None of them extends `WhatsAppError`: they
// have no Graph code. Each names the call by `method` and `path` only; the query
// string is never kept, since it can hold `access_token`.

import { pathOf, redactSecrets } from "./redact.ts";

/** Where a failed call was going. `url` may be absolute or relative; only its path is kept. */
export interface GraphRequestTarget {
  method: string;
  url: string | URL;
}

/** The first `max` characters of `text` (never splitting a surrogate pair). */
function head(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** `"POST /v25.0/123/messages"`: the call, without its query string. */
function call(target: GraphRequestTarget): string {
  return `${String(target.method).toUpperCase()} ${pathOf(target.url)}`;
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return typeof cause === "string" ? cause : "";
}

/** A Graph API call failed without a Graph error envelope. */
export class GraphRequestError extends Error {
  /** The HTTP method, upper-cased. */
  readonly method: string;
  /** The URL path of the call, without query string or fragment. */
  readonly path: string;

  constructor(message: string, target: GraphRequestTarget, options?: { cause?: unknown }) {
    super(redactSecrets(message), options && "cause" in options ? { cause: options.cause } : undefined);
    if (!Object.hasOwn(new.target.prototype, "name")) this.name = new.target.name;
    this.method = String(target.method).toUpperCase();
    this.path = pathOf(target.url);
  }
}

/** `fetch` itself failed (DNS, connection refused, TLS, reset, …). `cause` is what it threw. */
export class GraphNetworkError extends GraphRequestError {
  constructor(init: GraphRequestTarget & { cause: unknown }) {
    const why = describe(init.cause);
    super(`${call(init)} failed: network error${why ? `: ${why}` : ""}`, init, { cause: init.cause });
  }
}

/** The call did not complete within its timeout (`timeoutMs`). */
export class GraphTimeoutError extends GraphRequestError {
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(init: GraphRequestTarget & { timeoutMs: number; cause?: unknown }) {
    super(`${call(init)} timed out after ${init.timeoutMs} ms`, init, "cause" in init ? { cause: init.cause } : undefined);
    this.timeoutMs = init.timeoutMs;
  }
}

/** The longest body excerpt a `GraphResponseError` keeps. */
export const RESPONSE_BODY_EXCERPT = 200;

/**
 * An HTTP error whose body is not Graph's JSON error envelope: a 502 HTML page from a
 * proxy, an empty 503, … `body` holds at most the first 200 characters of the body
 * text (credential-like strings masked); headers are never kept.
 */
export class GraphResponseError extends GraphRequestError {
  /** The HTTP status. */
  readonly statusCode: number;
  /** The start of the response body (at most 200 characters). */
  readonly body: string;

  constructor(init: GraphRequestTarget & { statusCode: number; bodyText?: string }) {
    // Redact a bounded prefix first, so a secret cut by the excerpt is still caught.
    const text = typeof init.bodyText === "string" ? init.bodyText : "";
    const body = head(redactSecrets(head(text, 4 * RESPONSE_BODY_EXCERPT)), RESPONSE_BODY_EXCERPT);
    const shown = body.replace(/\s+/g, " ").trim();
    super(`${call(init)} failed with HTTP ${init.statusCode}${shown ? `: ${shown}` : " (empty body)"}`, init);
    this.statusCode = init.statusCode;
    this.body = body;
  }
}

for (const [name, cls] of Object.entries({ GraphRequestError, GraphNetworkError, GraphTimeoutError, GraphResponseError })) {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, enumerable: false, configurable: true });
}
