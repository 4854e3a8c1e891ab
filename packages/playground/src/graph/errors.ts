import type { Reply } from "./types.ts";

/** The fields of Graph's error object that the server can produce. */
export interface GraphErrorInit {
  code: number;
  message?: string;
  type?: string;
  subcode?: number;
  /** → `error_data: { messaging_product: "whatsapp", details }` */
  details?: string;
}

/** Messages Graph uses for common codes, used when a test gives none. */
const DEFAULT_MESSAGES: Record<number, string> = {
  1: "An unknown error occurred",
  2: "Service temporarily unavailable",
  4: "(#4) Application request limit reached",
  10: "(#10) Application does not have permission for this action",
  100: "(#100) Invalid parameter",
  190: "Invalid OAuth access token - Cannot parse access token",
  200: "(#200) Permissions error",
  368: "(#368) Temporarily blocked for policies violations",
  80007: "(#80007) Rate limit issues",
  130429: "(#130429) Rate limit hit",
  130472: "(#130472) User's number is part of an experiment",
  131000: "(#131000) Something went wrong",
  131005: "(#131005) Access denied",
  131008: "(#131008) Required parameter is missing",
  131009: "(#131009) Parameter value is not valid",
  131016: "(#131016) Service unavailable",
  131021: "(#131021) Recipient cannot be sender",
  131026: "(#131026) Message undeliverable",
  131030: "(#131030) Recipient phone number not in allowed list",
  131031: "(#131031) Business Account locked",
  131047: "(#131047) Re-engagement message",
  131048: "(#131048) Spam rate limit hit",
  131049: "(#131049) This message was not delivered to maintain healthy ecosystem engagement.",
  131051: "(#131051) Unsupported message type",
  131052: "(#131052) Media download error",
  131053: "(#131053) Media upload error",
  131056: "(#131056) (Business Account, Consumer Account) pair rate limit hit",
  132000: "(#132000) Number of parameters does not match the expected number of params",
  132001: "(#132001) Template name does not exist in the translation",
  133010: "(#133010) Account not registered",
};

export function defaultMessage(code: number): string {
  return DEFAULT_MESSAGES[code] ?? `(#${code}) Error ${code}`;
}

/** `{ error: { message, type, code, error_subcode?, error_data?, fbtrace_id } }` */
export function graphErrorBody(init: GraphErrorInit, fbtraceId: string): { error: Record<string, unknown> } {
  const error: Record<string, unknown> = {
    message: init.message ?? defaultMessage(init.code),
    type: init.type ?? "OAuthException",
    code: init.code,
  };
  if (init.subcode !== undefined) error.error_subcode = init.subcode;
  if (init.details !== undefined) error.error_data = { messaging_product: "whatsapp", details: init.details };
  error.fbtrace_id = fbtraceId;
  return { error };
}

export function graphError(status: number, init: GraphErrorInit, fbtraceId: string): Reply {
  return { status, json: graphErrorBody(init, fbtraceId) };
}

/** HTTP 400, code 100: "(#100) The parameter <name> is required." */
export function missingParameter(name: string, fbtraceId: string, details?: string): Reply {
  return graphError(400, { code: 100, message: `(#100) The parameter ${name} is required.`, details: details ?? `The parameter ${name} is required.` }, fbtraceId);
}

/** HTTP 400, code 100 with a given message. */
export function invalidParameter(message: string, fbtraceId: string, details?: string): Reply {
  return graphError(400, { code: 100, message: `(#100) ${message}`, ...(details === undefined ? {} : { details }) }, fbtraceId);
}

/** HTTP 404, GraphMethodException code 100 subcode 33 (unknown object / path / method). */
export function unsupportedRequest(method: string, objectId: string, fbtraceId: string): Reply {
  const message =
    `Unsupported ${method.toLowerCase()} request. Object with ID '${objectId}' does not exist, cannot be loaded due to ` +
    "missing permissions, or does not support this operation. Please read the Graph API documentation at " +
    "https://developers.facebook.com/docs/graph-api";
  return graphError(404, { code: 100, subcode: 33, type: "GraphMethodException", message }, fbtraceId);
}

/** HTTP 401, OAuthException code 190, with Graph's WWW-Authenticate header. */
export function invalidToken(fbtraceId: string, message = "Invalid OAuth access token - Cannot parse access token"): Reply {
  return {
    status: 401,
    headers: { "www-authenticate": `OAuth "Facebook Platform" "invalid_token" "${message.replace(/"/g, "'")}"` },
    json: graphErrorBody({ code: 190, message }, fbtraceId),
  };
}

/** The CDN's answer to a download it refuses: a 404 HTML page. */
export function cdnNotFound(): Reply {
  return {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8" },
    text: "<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Sorry, this content isn't available right now</h1></body></html>",
  };
}
