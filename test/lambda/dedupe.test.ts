import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { ManualClock, WhatsApp } from "@edgewa/core";
import { DynamoDbStore, LEASE_SLACK_MS, toLambda } from "@edgewa/lambda";
import { textPayload } from "../support/webhook.ts";
import { startDynalite, type LocalDynamo } from "./support/dynalite.ts";
import { EVENT_KINDS, lambdaContext, signedPost } from "./support/events.ts";

/**
 * Exactly-once through the Lambda handler, with the claims in DynamoDB: concurrent
 * redeliveries, and a lease that ends when the invocation that took it must have.
 */
const SECRET = "lambda-dedupe-secret";
const quiet = { debug() {}, warn() {}, error() {} };
let dynamo: LocalDynamo;
beforeAll(async () => void (dynamo = await startDynalite()));
afterAll(() => dynamo.close());

async function setup() {
  const clock = new ManualClock();
  const tableName = await dynamo.table("dedupe");
  const store = new DynamoDbStore({ client: dynamo.client, tableName, clock });
  return { clock, tableName, store };
}

/** A fresh handler (and, per invocation, a fresh client) whose message handler is `onMessage`. */
function lambda(store: DynamoDbStore, clock: ManualClock, onMessage: () => unknown) {
  return toLambda(({ leaseMs }) => {
    const wa = new WhatsApp({ phoneId: "1234567890", appSecret: SECRET, store, clock, logger: quiet, claims: { leaseMs } });
    wa.onMessage(onMessage);
    return wa;
  });
}

/** The claim items in the table, as DynamoDB holds them. */
async function claimItems(tableName: string) {
  const out = await dynamo.client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return (out.Items ?? []).filter((item) => item.pk?.S?.startsWith("edgewa:claim:"));
}

describe("redeliveries through the Lambda handler", () => {
  it("ten concurrent copies of one delivery, each its own invocation: one handler run, one 200, nine 503", async () => {
    const { clock, store } = await setup();
    let runs = 0;
    let answered = 0;
    // The handler holds its claim until the nine others have been answered (a fixed sleep
    // let a slow copy arrive after it finished, and get 200 for a done update).
    const onMessage = async () => {
      runs++;
      for (let waited = 0; answered < 9 && waited < 5_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const payload = textPayload("once", { id: "wamid.LAMBDA_DUP" });
    const results = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const result = await lambda(store, clock, onMessage)(signedPost(EVENT_KINDS[i % EVENT_KINDS.length]!, SECRET, payload), lambdaContext(25_000, { frozen: true }));
        answered++;
        return result;
      }),
    );
    expect(runs).toBe(1);
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 503)).toHaveLength(9);
    // The 503s tell Meta when to come back.
    for (const r of results.filter((r) => r.statusCode === 503)) {
      const retryAfter = r.headers?.["retry-after"] ?? r.multiValueHeaders?.["retry-after"]?.[0];
      expect(retryAfter).toBe("30");
    }
    // Meta's retry, once the first is done: acknowledged, not handled again.
    const retry = await lambda(store, clock, onMessage)(signedPost("apiGatewayV2", SECRET, payload), lambdaContext());
    expect(retry.statusCode).toBe(200);
    expect(runs).toBe(1);
  });

  it("the claim's lease in DynamoDB ends when the invocation's time does (remaining time + slack)", async () => {
    const { clock, tableName, store } = await setup();
    let seen: Awaited<ReturnType<typeof claimItems>> = [];
    const onMessage = async () => void (seen = await claimItems(tableName));
    const result = await lambda(store, clock, onMessage)(signedPost("functionUrl", SECRET, textPayload("x", { id: "wamid.LEASE" })), lambdaContext(7_000, { frozen: true }));
    expect(result.statusCode).toBe(200);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]!.value!.S!)).toEqual({ state: "in-progress" });
    expect(Number(seen[0]!.expiresAtMs!.N)).toBe(clock.now() + 7_000 + LEASE_SLACK_MS);
    // Finished: now remembered as done for Meta's retry window.
    const [done] = await claimItems(tableName);
    expect(JSON.parse(done!.value!.S!)).toEqual({ state: "done" });
    expect(Number(done!.expiresAtMs!.N)).toBe(clock.now() + 7 * 24 * 3600_000);
  });

  it("an invocation killed at its deadline blocks redeliveries only until then: Meta's next retry is handled", async () => {
    const { clock, store } = await setup();
    const payload = textPayload("x", { id: "wamid.KILLED" });
    // The killed invocation: 3 s left, and a handler that never finishes (Lambda freezes and kills it).
    void lambda(store, clock, () => new Promise(() => {}))(signedPost("apiGatewayV1", SECRET, payload), lambdaContext(3_000, { frozen: true }));
    await new Promise((resolve) => setTimeout(resolve, 100)); // its claim lands

    let runs = 0;
    const next = () => lambda(store, clock, () => void runs++);
    expect((await next()(signedPost("apiGatewayV1", SECRET, payload), lambdaContext())).statusCode).toBe(503);
    clock.advance(3_000 + LEASE_SLACK_MS - 1);
    expect((await next()(signedPost("apiGatewayV1", SECRET, payload), lambdaContext())).statusCode).toBe(503);
    clock.advance(1);
    // Not five minutes (the core's default lease) later: as soon as the invocation is surely dead.
    expect((await next()(signedPost("apiGatewayV1", SECRET, payload), lambdaContext())).statusCode).toBe(200);
    expect(runs).toBe(1);
  });

  it("a client passed directly (not a factory) gets the same lease: remaining time + slack, not its 5-minute default", async () => {
    const { clock, tableName, store } = await setup();
    let seen: Awaited<ReturnType<typeof claimItems>> = [];
    // No claims option: the client's own lease is the core's 5 minutes.
    const wa = new WhatsApp({ phoneId: "1234567890", appSecret: SECRET, store, clock, logger: quiet });
    wa.onMessage(async () => void (seen = await claimItems(tableName)));
    const handler = toLambda(wa);
    const result = await handler(signedPost("apiGatewayV2", SECRET, textPayload("x", { id: "wamid.DIRECT_LEASE" })), lambdaContext(9_000, { frozen: true }));
    expect(result.statusCode).toBe(200);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]!.value!.S!)).toEqual({ state: "in-progress" });
    expect(Number(seen[0]!.expiresAtMs!.N)).toBe(clock.now() + 9_000 + LEASE_SLACK_MS);
  });

  it("a directly passed client killed at its deadline blocks Meta's retry only until then", async () => {
    const { clock, store } = await setup();
    const payload = textPayload("x", { id: "wamid.DIRECT_KILLED" });
    const client = (onMessage: () => unknown) => {
      const wa = new WhatsApp({ phoneId: "1234567890", appSecret: SECRET, store, clock, logger: quiet });
      wa.onMessage(onMessage);
      return wa;
    };
    // One container's handler, killed with 4 s left while its handler never finishes.
    void toLambda(client(() => new Promise(() => {})))(signedPost("alb", SECRET, payload), lambdaContext(4_000, { frozen: true }));
    await new Promise((resolve) => setTimeout(resolve, 100)); // its claim lands

    // Meta's retries land in another container, which reuses its own client across invocations.
    let runs = 0;
    const other = toLambda(client(() => void runs++));
    expect((await other(signedPost("alb", SECRET, payload), lambdaContext())).statusCode).toBe(503);
    clock.advance(4_000 + LEASE_SLACK_MS - 1);
    expect((await other(signedPost("alb", SECRET, payload), lambdaContext())).statusCode).toBe(503);
    clock.advance(1);
    expect((await other(signedPost("alb", SECRET, payload), lambdaContext())).statusCode).toBe(200);
    expect(runs).toBe(1);
  });

  it("a handler that throws releases its claim, so Meta's retry runs it again", async () => {
    const { clock, store } = await setup();
    let runs = 0;
    const onMessage = () => {
      runs++;
      if (runs === 1) throw new Error("first attempt fails");
    };
    const payload = textPayload("x", { id: "wamid.THROWS" });
    expect((await lambda(store, clock, onMessage)(signedPost("alb", SECRET, payload), lambdaContext())).statusCode).toBe(200);
    expect((await lambda(store, clock, onMessage)(signedPost("alb", SECRET, payload), lambdaContext())).statusCode).toBe(200);
    expect((await lambda(store, clock, onMessage)(signedPost("alb", SECRET, payload), lambdaContext())).statusCode).toBe(200);
    expect(runs).toBe(2);
  });
});
