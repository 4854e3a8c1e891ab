import type { ALBEvent, APIGatewayProxyEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { MemoryStore, WhatsApp, type Message } from "@edgewa/core";
import { LEASE_SLACK_MS, toLambda, type LambdaHttpEvent, type LambdaHttpHandler, type LambdaInvocation } from "@edgewa/lambda";
import { textPayload } from "../support/webhook.ts";
import { BUILDERS, EVENT_KINDS, challenge, lambdaContext, signedPost, type EventKind } from "./support/events.ts";

/**
 * Each event source's request, as it really arrives, through toLambda: the signature is
 * checked over the exact bytes Meta signed (plain and base64 bodies, non-ASCII text),
 * query strings survive for the GET challenge, and the result has the shape its source
 * expects (multi-value headers for REST APIs and multi-value ALBs, a status line for ALBs).
 */
const SECRET = "lambda-events-secret";
// Characters that each source encodes differently in a query string.
const VERIFY_TOKEN = "verify me+1/ä&=";
const quiet = { debug() {}, warn() {}, error() {} };
const TEXT = "héllo 👋 \"quoted\" — ünïcødé";

function bot(seen: string[]) {
  const wa = new WhatsApp({ phoneId: "1234567890", appSecret: SECRET, verifyToken: VERIFY_TOKEN, store: new MemoryStore(), logger: quiet });
  wa.onMessage((_, msg: Message) => void seen.push(msg.text ?? ""));
  return wa;
}

/** The result's headers, whichever map the source uses. */
function headersOf(result: Awaited<ReturnType<LambdaHttpHandler>>): Record<string, string> {
  if (result.multiValueHeaders) return Object.fromEntries(Object.entries(result.multiValueHeaders).map(([k, v]) => [k, v.join(",")]));
  return Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
}

const MULTI_VALUE: Record<EventKind, boolean> = {
  apiGatewayV1: true, apiGatewayV2: false, alb: false, albMultiValue: true, functionUrl: false,
};

describe.each(EVENT_KINDS)("%s events", (kind) => {
  it("a signed POST reaches the handler with its text intact, and answers 200 in the source's result shape", async () => {
    const seen: string[] = [];
    const handler = toLambda(bot(seen));
    const result = await handler(signedPost(kind, SECRET, textPayload(TEXT, { id: `wamid.${kind}.plain` })), lambdaContext());
    expect(result.statusCode).toBe(200);
    expect(result.body).toBe("OK");
    expect(result.isBase64Encoded).toBe(false);
    expect(seen).toEqual([TEXT]);
    expect(headersOf(result)["content-type"]).toBe("text/plain; charset=utf-8");
    expect(result.multiValueHeaders !== undefined).toBe(MULTI_VALUE[kind]);
    expect(result.headers !== undefined).toBe(!MULTI_VALUE[kind]);
    if (kind === "alb" || kind === "albMultiValue") expect(result.statusDescription).toBe("200 OK");
    else expect(result.statusDescription).toBeUndefined();
  });

  it("a base64 body with a valid signature is decoded to the signed bytes", async () => {
    const seen: string[] = [];
    const event = signedPost(kind, SECRET, textPayload(TEXT, { id: `wamid.${kind}.b64` }), { base64: true });
    expect(event.isBase64Encoded).toBe(true);
    const result = await toLambda(bot(seen))(event, lambdaContext());
    expect(result.statusCode).toBe(200);
    expect(seen).toEqual([TEXT]);
  });

  it("a signature over other bytes is 403, a missing one 401, and no handler runs", async () => {
    const seen: string[] = [];
    const handler = toLambda(bot(seen));
    const payload = textPayload(TEXT, { id: `wamid.${kind}.bad` });
    const forged = signedPost(kind, "not-the-app-secret", payload);
    expect((await handler(forged, lambdaContext())).statusCode).toBe(403);
    const forgedB64 = signedPost(kind, "not-the-app-secret", payload, { base64: true });
    expect((await handler(forgedB64, lambdaContext())).statusCode).toBe(403);
    const unsigned = signedPost(kind, SECRET, payload, { signature: null });
    expect((await handler(unsigned, lambdaContext())).statusCode).toBe(401);
    expect(seen).toEqual([]);
  });

  it("a body re-encoded on the way (base64 flag lost) fails the signature: the bytes are what is checked", async () => {
    const seen: string[] = [];
    const event = signedPost(kind, SECRET, textPayload(TEXT), { base64: true });
    const mangled = { ...event, isBase64Encoded: false } as LambdaHttpEvent;
    expect((await toLambda(bot(seen))(mangled, lambdaContext())).statusCode).toBe(403);
    expect(seen).toEqual([]);
  });

  it("Meta's GET challenge is answered with hub.challenge; a wrong verify token is 403", async () => {
    const handler = toLambda(bot([]));
    const ok = await handler(challenge(kind, VERIFY_TOKEN, "1158201444"), lambdaContext());
    expect([ok.statusCode, ok.body]).toEqual([200, "1158201444"]);
    const wrong = await handler(challenge(kind, "verify me+1/ä&"), lambdaContext());
    expect(wrong.statusCode).toBe(403);
    if (kind === "alb" || kind === "albMultiValue") expect(wrong.statusDescription).toBe("403 Forbidden");
  });

  it("another method on the webhook is 405", async () => {
    const result = await toLambda(bot([]))(BUILDERS[kind]({ method: "PUT", body: "{}" }), lambdaContext());
    expect(result.statusCode).toBe(405);
    expect(headersOf(result)["allow"]).toBe("GET, POST");
  });
});

describe("toLambda", () => {
  it("is a two-argument async function (Node 24 runtimes reject callback-style handlers)", () => {
    const handler = toLambda(bot([]));
    expect(handler.length).toBe(2);
    expect(handler.constructor.name).toBe("AsyncFunction");
  });

  it("serves the webhook on any path by default; with routing: \"client\" it routes by webhookEndpoint", async () => {
    const seen: string[] = [];
    const anyPath = toLambda(bot(seen));
    const atStage = BUILDERS.apiGatewayV2({ method: "GET", path: "/prod/hooks/whatsapp", query: { "hub.mode": "subscribe", "hub.challenge": "42", "hub.verify_token": VERIFY_TOKEN } });
    expect((await anyPath(atStage, lambdaContext())).body).toBe("42");

    const wa = new WhatsApp({ phoneId: "1234567890", appSecret: SECRET, verifyToken: VERIFY_TOKEN, webhookEndpoint: "/webhook", logger: quiet });
    const routed = toLambda(wa, { routing: "client" });
    expect((await routed(challenge("apiGatewayV2", VERIFY_TOKEN, "7"), lambdaContext())).body).toBe("7");
    expect((await routed(atStage, lambdaContext())).statusCode).toBe(404);
  });

  it("a factory is called once per invocation with the event, the context and a lease capped by the time left", async () => {
    const calls: LambdaInvocation[] = [];
    const handler = toLambda((invocation) => {
      calls.push(invocation);
      return bot([]);
    }, { maxLeaseMs: 60_000 });
    const event = challenge("functionUrl", VERIFY_TOKEN);
    const context = lambdaContext(12_000, { frozen: true });
    await handler(event, context);
    await handler(event, lambdaContext(15 * 60_000, { frozen: true }));
    expect(calls).toHaveLength(2);
    expect(calls[0]!.event).toBe(event);
    expect(calls[0]!.context).toBe(context);
    expect(calls[0]!.remainingMs).toBe(12_000);
    expect(calls[0]!.leaseMs).toBe(12_000 + LEASE_SLACK_MS);
    expect(calls[1]!.leaseMs).toBe(60_000); // capped by maxLeaseMs
  });

  it("an async factory works; one that throws (a missing setting) answers 500 so Meta retries", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const ok = toLambda(async () => bot([]));
      expect((await ok(challenge("apiGatewayV2", VERIFY_TOKEN, "9"), lambdaContext())).body).toBe("9");
      const broken = toLambda(() => {
        throw new Error("WHATSAPP_APP_SECRET is not set");
      });
      const result = await broken(signedPost("alb", SECRET, textPayload("x")), lambdaContext());
      expect([result.statusCode, result.statusDescription]).toEqual([500, "500 Internal Server Error"]);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it("a header sent twice reaches the client's Request with both values (REST API and ALB multi-value events)", async () => {
    const requests: Request[] = [];
    // Duck-typed: toLambda hands the client the Request it built from the event.
    const recorder = {
      fetch: async (request: Request) => (requests.push(request), new Response("OK")),
      handleWebhook: async (request: Request) => (requests.push(request), new Response("OK")),
    } as unknown as WhatsApp;
    const handler = toLambda(recorder);
    const payload = textPayload("x");

    // REST API: the last value in `headers`, every value in `multiValueHeaders`.
    const v1 = signedPost("apiGatewayV1", SECRET, payload) as APIGatewayProxyEvent;
    v1.headers["X-Forwarded-For"] = "10.0.1.25";
    v1.multiValueHeaders["X-Forwarded-For"] = ["173.252.95.17", "10.0.1.25"];
    expect((await handler(v1, lambdaContext())).statusCode).toBe(200);
    expect(requests.at(-1)!.headers.get("x-forwarded-for")).toBe("173.252.95.17, 10.0.1.25");

    // ALB with multi-value headers on: the fixture's x-forwarded-for holds two values.
    const alb = signedPost("albMultiValue", SECRET, payload) as ALBEvent;
    expect(alb.multiValueHeaders!["x-forwarded-for"]).toEqual(["173.252.95.17", "10.0.1.25"]);
    expect((await toLambda(recorder, { routing: "client" })(alb, lambdaContext())).statusCode).toBe(200);
    // Both values arrive joined with ", " (RFC 9110): hono/aws-lambda (4.13) would join an
    // ALB event's values with "; " (honojs/hono#4902), so toLambda joins them first.
    expect(requests.at(-1)!.headers.get("x-forwarded-for")).toBe("173.252.95.17, 10.0.1.25");
    // The other headers and the body are untouched.
    expect(requests.at(-1)!.headers.get("x-hub-signature-256")).toBe(alb.multiValueHeaders!["x-hub-signature-256"]![0]);
    expect(await requests.at(-1)!.text()).toBe(JSON.stringify(payload));
    expect(requests).toHaveLength(2);
  });

  it("refuses what is not a client", () => {
    expect(() => toLambda({} as WhatsApp)).toThrow(TypeError);
    expect(() => toLambda(bot([]), { routing: "other" as "client" })).toThrow(TypeError);
  });
});
