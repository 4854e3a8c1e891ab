/**
 * The webhook function: the example bot (echo, a button, and the signup conversation
 * from examples/shared) behind an HTTP API, its state in DynamoDB.
 */
import { createBot } from "@edgewa/example-bot";
import { toLambda } from "@edgewa/lambda";
import { botOptions } from "./config.ts";

// A client per invocation (cheap: the store and its DynamoDB client are made once per
// container), so that its leases last as long as this invocation can: Lambda has no
// waitUntil, the handlers finish before the answer, and a lease that outlived a
// timed-out invocation would only hold up Meta's retry.
export const handler = toLambda(({ leaseMs }) =>
  createBot({ ...botOptions, claims: { leaseMs }, listeners: { leaseMs: Math.min(leaseMs, 60_000) } }),
);
