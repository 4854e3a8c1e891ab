/**
 * Lambda events as each HTTP source delivers Meta's webhook, modelled on the samples
 * in the AWS docs (API Gateway REST proxy integration, HTTP API payload 2.0, ALB
 * target groups with and without multi-value headers, Function URLs), typed with
 * @types/aws-lambda so that a missing or misspelt field fails the type check.
 */
import { randomUUID } from "node:crypto";
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2, Context, LambdaFunctionURLEvent } from "aws-lambda";
import { metaSignature } from "../../support/webhook.ts";

export type EventKind = "apiGatewayV1" | "apiGatewayV2" | "alb" | "albMultiValue" | "functionUrl";
export const EVENT_KINDS: EventKind[] = ["apiGatewayV1", "apiGatewayV2", "alb", "albMultiValue", "functionUrl"];

export interface HttpSpec {
  method: "GET" | "POST" | "PUT";
  /** The body exactly as sent (bytes are its UTF-8 encoding). */
  body?: string;
  /** Deliver the body base64-encoded, as API Gateway with binary media types, ALB and Function URLs do for non-text types. */
  base64?: boolean;
  /** Extra headers, lower-case names (the kinds that keep the client's case re-case them). */
  headers?: Record<string, string>;
  /** Decoded query parameters (each source encodes them its own way). */
  query?: Record<string, string>;
  path?: string;
}

/** Meta's own POST headers (user agent, both signatures, forwarding headers). */
function metaHeaders(spec: HttpSpec, host: string): Record<string, string> {
  const headers: Record<string, string> = {
    host,
    "user-agent": "facebookexternalua",
    accept: "*/*",
    "accept-encoding": "deflate, gzip",
    "x-forwarded-for": "173.252.95.17",
    "x-forwarded-port": "443",
    "x-forwarded-proto": "https",
    "x-amzn-trace-id": "Root=1-6777c6a0-2b3c4d5e6f708192a3b4c5d6",
  };
  if (spec.body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(spec.body));
  }
  return { ...headers, ...spec.headers };
}

/** "x-hub-signature-256" → "X-Hub-Signature-256", as API Gateway REST keeps the client's case. */
const titleCase = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

function bodyOf(spec: HttpSpec): { body: string | null; isBase64Encoded: boolean } {
  if (spec.body === undefined) return { body: null, isBase64Encoded: false };
  return spec.base64
    ? { body: Buffer.from(spec.body, "utf8").toString("base64"), isBase64Encoded: true }
    : { body: spec.body, isBase64Encoded: false };
}

/** Query parameters URL-encoded as a client sends them (RFC 3986, what `rawQueryString` holds). */
function rawQuery(query: Record<string, string> = {}): string {
  return Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
}

export function apiGatewayV1(spec: HttpSpec): APIGatewayProxyEvent {
  const host = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com";
  const path = spec.path ?? "/webhook";
  const headers = Object.fromEntries(Object.entries(metaHeaders(spec, host)).map(([k, v]) => [titleCase(k), v]));
  const query = spec.query && Object.keys(spec.query).length > 0 ? spec.query : null;
  return {
    resource: path,
    path,
    httpMethod: spec.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    // REST APIs decode the query string into these maps.
    queryStringParameters: query,
    multiValueQueryStringParameters: query && Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: "123456789012",
      apiId: "a1b2c3d4e5",
      authorizer: null,
      domainName: host,
      domainPrefix: "a1b2c3d4e5",
      extendedRequestId: "Xk2LnFoHoAMEbkQ=",
      httpMethod: spec.method,
      identity: {
        accessKey: null, accountId: null, apiKey: null, apiKeyId: null, caller: null, clientCert: null,
        cognitoAuthenticationProvider: null, cognitoAuthenticationType: null, cognitoIdentityId: null,
        cognitoIdentityPoolId: null, principalOrgId: null, sourceIp: "173.252.95.17", user: null,
        userAgent: "facebookexternalua", userArn: null,
      },
      path: `/prod${path}`,
      protocol: "HTTP/1.1",
      requestId: randomUUID(),
      requestTime: "01/Jan/2025:12:00:00 +0000",
      requestTimeEpoch: 1735732800000,
      resourceId: "k8x7q2",
      resourcePath: path,
      stage: "prod",
    },
    ...bodyOf(spec),
  };
}

function v2(spec: HttpSpec, host: string, routeKey: string, path: string): APIGatewayProxyEventV2 {
  const { body, isBase64Encoded } = bodyOf(spec);
  const event: APIGatewayProxyEventV2 = {
    version: "2.0",
    routeKey,
    rawPath: path,
    rawQueryString: rawQuery(spec.query),
    headers: metaHeaders(spec, host),
    requestContext: {
      accountId: "123456789012",
      apiId: host.split(".")[0]!,
      domainName: host,
      domainPrefix: host.split(".")[0]!,
      http: { method: spec.method, path, protocol: "HTTP/1.1", sourceIp: "173.252.95.17", userAgent: "facebookexternalua" },
      requestId: "EXampleId1234=",
      routeKey,
      stage: "$default",
      time: "01/Jan/2025:12:00:00 +0000",
      timeEpoch: 1735732800000,
    },
    isBase64Encoded,
  };
  if (spec.query && Object.keys(spec.query).length > 0) event.queryStringParameters = { ...spec.query };
  if (body !== null) event.body = body;
  return event;
}

/** HTTP API, payload format 2.0, on the $default stage. */
export function apiGatewayV2(spec: HttpSpec): APIGatewayProxyEventV2 {
  const path = spec.path ?? "/webhook";
  return v2(spec, "k3m9p7r2s1.execute-api.us-east-1.amazonaws.com", `${spec.method} ${path}`, path);
}

/** A Function URL (auth type NONE): the v2 shape, routeKey "$default". */
export function functionUrl(spec: HttpSpec): LambdaFunctionURLEvent {
  return v2(spec, "abcdefghijklmnopqrstuvwxyz234567.lambda-url.us-east-1.on.aws", "$default", spec.path ?? "/");
}

const TARGET_GROUP = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/edgewa-webhook/6d0ecf831eec9f09";

/** ALB: headers lower-case; query values passed on URL-encoded, as the client sent them. */
export function alb(spec: HttpSpec): ALBEvent {
  const encoded = Object.fromEntries(Object.entries(spec.query ?? {}).map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)]));
  return {
    requestContext: { elb: { targetGroupArn: TARGET_GROUP } },
    httpMethod: spec.method,
    path: spec.path ?? "/webhook",
    queryStringParameters: encoded,
    headers: metaHeaders(spec, "edgewa-alb-1234567890.us-east-1.elb.amazonaws.com"),
    ...bodyOf(spec),
  };
}

/** ALB with multi-value headers on: only the multi-value maps are present. */
export function albMultiValue(spec: HttpSpec): ALBEvent {
  const single = alb(spec);
  const headers = { ...single.headers };
  return {
    requestContext: single.requestContext,
    httpMethod: single.httpMethod,
    path: single.path,
    multiValueQueryStringParameters: Object.fromEntries(Object.entries(single.queryStringParameters ?? {}).map(([k, v]) => [k, [v!]])),
    multiValueHeaders: {
      ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v!]])),
      // A header a proxy on the way added twice: the multi-value map keeps both.
      "x-forwarded-for": ["173.252.95.17", "10.0.1.25"],
    },
    body: single.body,
    isBase64Encoded: single.isBase64Encoded,
  };
}

export const BUILDERS: Record<EventKind, (spec: HttpSpec) => ALBEvent | APIGatewayProxyEvent | APIGatewayProxyEventV2> = {
  apiGatewayV1,
  apiGatewayV2,
  alb,
  albMultiValue,
  functionUrl,
};

/** A webhook POST as Meta sends it, signed over the body's bytes. */
export function signedPost(kind: EventKind, secret: string, payload: unknown, opts: { base64?: boolean; signature?: string | null } = {}) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const sig = opts.signature === undefined ? metaSignature(secret, body) : opts.signature;
  const headers: Record<string, string> = {};
  if (sig !== null) headers["x-hub-signature-256"] = sig;
  return BUILDERS[kind]({ method: "POST", body, base64: opts.base64 ?? false, headers });
}

/** Meta's GET verification request. */
export function challenge(kind: EventKind, verifyToken: string, challengeValue = "1158201444") {
  return BUILDERS[kind]({
    method: "GET",
    query: { "hub.mode": "subscribe", "hub.challenge": challengeValue, "hub.verify_token": verifyToken },
  });
}

/** A Lambda context whose deadline is `remainingMs` away (fixed when `frozen`: for a ManualClock). */
export function lambdaContext(remainingMs = 25_000, { frozen = false } = {}): Context {
  const deadline = Date.now() + remainingMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: "edgewa-webhook",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:edgewa-webhook",
    memoryLimitInMB: "256",
    awsRequestId: randomUUID(),
    logGroupName: "/aws/lambda/edgewa-webhook",
    logStreamName: "2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
    getRemainingTimeInMillis: () => (frozen ? remainingMs : Math.max(0, deadline - Date.now())),
    done() {},
    fail() {},
    succeed() {},
  };
}
