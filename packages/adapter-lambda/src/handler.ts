/**
 * `toLambda(wa)`: the webhook as an async Lambda handler for API Gateway REST (v1) and
 * HTTP API (v2) events, ALB events (single- and multi-value headers) and Function URL
 * events. hono/aws-lambda turns the event into a Request (base64 bodies decoded to
 * the exact bytes Meta signed, headers and query strings kept) and the Response back
 * into the result shape the event's source expects; this file only chooses the client
 * and the lease for each invocation.
 */
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2, Context, LambdaFunctionURLEvent } from "aws-lambda";
import type { ReceiveOptions, WhatsApp } from "@edgewa/core";
import { Hono } from "hono";
import { handle, type LambdaContext, type LambdaEvent } from "hono/aws-lambda";
import { leaseFor } from "./lease.ts";

/** Every HTTP event source toLambda serves. (A Function URL event has the v2 shape.) */
export type LambdaHttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2 | ALBEvent | LambdaFunctionURLEvent;

/** What the handler returns: the proxy result of the event's source. */
export interface LambdaHttpResult {
  statusCode: number;
  /** ALB only: the status line's text, e.g. "200 OK". */
  statusDescription?: string;
  /** Single-value headers (v2, Function URL, ALB without multi-value headers). */
  headers?: Record<string, string | string[]>;
  /** Multi-value headers (v1, ALB with multi-value headers on): the event decides. */
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** A two-argument async handler (Node 24 runtimes reject handlers that take a callback). */
export type LambdaHttpHandler = (event: LambdaHttpEvent, context: Context) => Promise<LambdaHttpResult>;

/** What a client factory is told about the invocation it serves. */
export interface LambdaInvocation {
  event: LambdaHttpEvent;
  /** Undefined only when the handler is called without one (some local test harnesses). */
  context: Context | undefined;
  /** `context.getRemainingTimeInMillis()` when the invocation started, if known. */
  remainingMs: number | undefined;
  /**
   * The claim lease for this invocation: the time it has left (plus a second for clock
   * differences between containers), at most `maxLeaseMs`. toLambda already hands it to
   * the client with the request; it is here for a factory that needs it for more.
   */
  leaseMs: number;
}

/** A client, or a function that builds one for each invocation (it may be async). */
export type LambdaClientSource<I> = WhatsApp | ((invocation: I) => WhatsApp | Promise<WhatsApp>);

export interface ToLambdaOptions {
  /**
   * `"webhook"` (default): every request this function receives is the webhook (GET
   * challenge, POST updates), whatever its path, so API Gateway stages, ALB rules and
   * Function URLs need no path configuration. `"client"`: route by the client's own
   * paths through `wa.fetch` (its `webhookEndpoint`, and flow endpoints), 404 elsewhere.
   */
  routing?: "webhook" | "client";
  /** The longest claim lease handed out, whatever the time left (default 5 minutes, the core's default). */
  maxLeaseMs?: number;
}

type Bindings = { event: LambdaEvent; requestContext: unknown; lambdaContext?: LambdaContext };

/**
 * The webhook as a Lambda handler. Lambda has no `waitUntil`: each invocation runs the
 * handlers to the end before it answers, so keep them quick (API Gateway gives up after
 * 29–30 s, and Meta retries what it got no 200 for).
 *
 * Pass a WhatsApp to reuse one client across invocations of a container, or a function
 * to build one per invocation. Either way each request carries the invocation's lease
 * (its remaining time, see `LambdaInvocation.leaseMs`), which the core uses for that
 * request's claims instead of the client's own `claims.leaseMs`.
 */
export function toLambda(source: LambdaClientSource<LambdaInvocation>, options: ToLambdaOptions = {}): LambdaHttpHandler {
  const routing = options.routing ?? "webhook";
  if (routing !== "webhook" && routing !== "client") {
    throw new TypeError(`toLambda: routing must be "webhook" or "client", got ${JSON.stringify(routing)}`);
  }
  const maxLeaseMs = options.maxLeaseMs ?? DEFAULT_MAX_LEASE_MS;
  if (!(Number.isFinite(maxLeaseMs) && maxLeaseMs > 0)) {
    throw new RangeError(`toLambda: maxLeaseMs must be a positive number of milliseconds, got ${String(maxLeaseMs)}`);
  }
  if (!isClient(source) && typeof source !== "function") {
    throw new TypeError("toLambda: pass a WhatsApp client or a function that returns one");
  }

  const app = new Hono<{ Bindings: Bindings }>();
  app.all("*", async (c) => {
    const context = c.env.lambdaContext as Context | undefined;
    const { remainingMs, leaseMs } = leaseFor(context, maxLeaseMs);
    const wa = isClient(source)
      ? source
      : await source({ event: c.env.event as LambdaHttpEvent, context, remainingMs, leaseMs });
    if (!isClient(wa)) throw new TypeError("toLambda: the client factory did not return a WhatsApp client");
    // No waitUntil: the handlers finish before the response. The core takes the lease per
    // request, so a client passed directly is capped by the time left like a factory's.
    const receive: ReceiveOptions & { leaseMs: number } = { leaseMs };
    return routing === "client" ? wa.fetch(c.req.raw, receive) : wa.handleWebhook(c.req.raw, receive);
  });
  app.onError((error) => {
    console.error("[edgewa] toLambda: the request failed before the webhook could answer:", error);
    return new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
  });

  const serve = handle(app);
  return async (event, context) => {
    const input = isAlb(event) ? withAlbHeadersJoined(event) : event;
    const result = (await serve(input as LambdaEvent, context as LambdaContext | undefined)) as LambdaHttpResult;
    if (isAlb(event)) result.statusDescription = `${result.statusCode} ${REASONS[result.statusCode] ?? "Unknown"}`;
    return result;
  };
}

const DEFAULT_MAX_LEASE_MS = 5 * 60_000;

const REASONS: Record<number, string> = {
  200: "OK",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Payload Too Large",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/**
 * An ALB event whose repeated headers are already joined with ", " (RFC 9110), one
 * value each: hono/aws-lambda joins an ALB's multi-value headers with "; "
 * (honojs/hono#4902), which is right only for Cookie.
 */
function withAlbHeadersJoined(event: ALBEvent): ALBEvent {
  const multi = event.multiValueHeaders;
  if (!multi) return event;
  const joined: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(multi)) {
    joined[name] = !values || name.toLowerCase() === "cookie" ? (values ?? []) : [values.join(", ")];
  }
  return { ...event, multiValueHeaders: joined };
}

function isAlb(event: LambdaHttpEvent): event is ALBEvent {
  const ctx = (event as { requestContext?: unknown }).requestContext;
  return typeof ctx === "object" && ctx !== null && Object.hasOwn(ctx, "elb");
}

/** A WhatsApp client (duck-typed: another copy of @edgewa/core may have made it). */
export function isClient(value: unknown): value is WhatsApp {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { fetch?: unknown }).fetch === "function" &&
    typeof (value as { handleWebhook?: unknown }).handleWebhook === "function"
  );
}
