import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeleteItemCommand, GetItemCommand, PutItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ManualClock, storeConformanceCases } from "@edgewa/core";
import { ATTR, DynamoDbStore, createTable } from "@edgewa/lambda";
import { startDynalite, type LocalDynamo } from "./support/dynalite.ts";

/** DynamoDbStore against a real DynamoDB API (dynalite on 127.0.0.1): conditional writes for real. */
let dynamo: LocalDynamo;
let table: string;
beforeAll(async () => {
  dynamo = await startDynalite();
  table = await dynamo.table("conformance");
});
afterAll(() => dynamo.close());

describe("DynamoDbStore conformance (injected ManualClock)", () => {
  for (const c of storeConformanceCases((clock) => new DynamoDbStore({ client: dynamo.client, tableName: table, clock }))) {
    it(c.name, c.run);
  }
});

describe("DynamoDbStore conformance on real time (system clock, short real TTLs)", () => {
  const cases = storeConformanceCases(() => new DynamoDbStore({ client: dynamo.client, tableName: table }), {
    realTimeTtl: true,
    realTimeTtlMs: 300,
    realTimeSlackMs: 150,
    keyPrefix: "realtime:",
  });
  // Only the TTL cases differ from the run above; they wait for real (about half a second each).
  for (const c of cases.filter((c) => c.slow)) it.concurrent(c.name, c.run, 10_000);
});

/** Reads the item as DynamoDB holds it, bypassing the store. */
async function rawItem(key: string) {
  return (await dynamo.client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: key } }, ConsistentRead: true }))).Item;
}

describe("DynamoDbStore's item layout", () => {
  it("one item per key: pk, the value as a JSON string, a version, and the expiry in ms and in seconds (rounded up)", async () => {
    const clock = new ManualClock(Date.UTC(2025, 5, 1, 12, 0, 0, 250));
    const store = new DynamoDbStore({ client: dynamo.client, tableName: table, clock });
    const version = await store.set("layout:1", { hello: ["wörld", 1] }, { ttlMs: 1_000 });
    expect(await rawItem("layout:1")).toEqual({
      [ATTR.key]: { S: "layout:1" },
      [ATTR.value]: { S: '{"hello":["wörld",1]}' },
      [ATTR.version]: { S: version },
      [ATTR.expiresAtMs]: { N: String(clock.now() + 1_000) },
      [ATTR.expiresAt]: { N: String(Math.ceil((clock.now() + 1_000) / 1000)) },
    });
    await store.set("layout:1", "no ttl");
    const item = await rawItem("layout:1");
    expect(item?.[ATTR.expiresAtMs]).toBeUndefined();
    expect(item?.[ATTR.expiresAt]).toBeUndefined();
  });

  it("an expired item that DynamoDB has not swept yet is absent to reads and to conditional writes", async () => {
    const clock = new ManualClock();
    const store = new DynamoDbStore({ client: dynamo.client, tableName: table, clock });
    const v = await store.set("sweeper:1", "lease", { ttlMs: 5_000, ifVersion: null });
    expect(v).not.toBe(false);
    clock.advance(5_000);
    // Still in the table (dynalite has no TTL sweeper; DynamoDB's may take days)...
    expect(await rawItem("sweeper:1")).toBeDefined();
    // ...but gone as far as the store is concerned.
    expect(await store.get("sweeper:1")).toBeUndefined();
    expect(await store.set("sweeper:1", "x", { ifVersion: v as string })).toBe(false);
    expect(await store.delete("sweeper:1")).toBe(false);
    const fresh = await store.set("sweeper:1", "next", { ifVersion: null });
    expect(await store.get("sweeper:1")).toEqual({ value: "next", version: fresh });
  });

  it("reads are strongly consistent and writes carry their condition: the commands as sent", async () => {
    const sent: { name: string; input: Record<string, unknown> }[] = [];
    const spy = {
      send: ((command: GetItemCommand) => {
        sent.push({ name: command.constructor.name, input: { ...command.input } });
        return dynamo.client.send(command);
      }) as DynamoDBClient["send"],
    };
    const clock = new ManualClock();
    const store = new DynamoDbStore({ client: spy, tableName: table, clock });
    const v = await store.set("commands:1", 1, { ifVersion: null, ttlMs: 60_000 });
    await store.get("commands:1");
    await store.set("commands:1", 2, { ifVersion: v as string });
    await store.delete("commands:1", { ifVersion: "stale" });
    const now = String(clock.now());
    expect(sent.map((c) => c.name)).toEqual(["PutItemCommand", "GetItemCommand", "PutItemCommand", "DeleteItemCommand"]);
    expect(sent[0]!.input).toMatchObject({
      ConditionExpression: "attribute_not_exists(#pk) OR #exp <= :now",
      ExpressionAttributeValues: { ":now": { N: now } },
    });
    expect(sent[1]!.input).toMatchObject({ ConsistentRead: true });
    expect(sent[2]!.input).toMatchObject({
      ConditionExpression: "attribute_exists(#pk) AND (attribute_not_exists(#exp) OR #exp > :now) AND #ver = :ver",
      ExpressionAttributeValues: { ":now": { N: now }, ":ver": { S: v } },
    });
    expect(sent[3]!.input).toMatchObject({ ExpressionAttributeValues: { ":ver": { S: "stale" } } });
    expect(sent.some((c) => c.name.startsWith("Transact"))).toBe(false);
  });

  it("errors other than a failed condition propagate (here: a table that does not exist)", async () => {
    const store = new DynamoDbStore({ client: dynamo.client, tableName: "no-such-table" });
    await expect(store.get("k")).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    await expect(store.set("k", 1, { ifVersion: null })).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("an item written by something else without a value is reported, not misread", async () => {
    await dynamo.client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: "foreign:1" }, other: { S: "x" } } }));
    const store = new DynamoDbStore({ client: dynamo.client, tableName: table });
    await expect(store.get("foreign:1")).rejects.toThrow(/no value\/version/);
    await dynamo.client.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: "foreign:1" } } }));
  });

  it("createTable is idempotent and the constructor checks its options", async () => {
    await createTable(dynamo.client, table);
    expect(() => new DynamoDbStore({ client: dynamo.client, tableName: "" })).toThrow(TypeError);
    expect(() => new DynamoDbStore({ tableName: table } as never)).toThrow(TypeError);
  });
});
