import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ATTR } from "./dynamodb-store.ts";

export interface CreateTableOptions {
  /** Give up waiting for the table to become ACTIVE after this long (default 60 s). */
  timeoutMs?: number;
}

/**
 * Creates the table DynamoDbStore expects (partition key `pk`, a string; no sort key;
 * on-demand billing) and waits until it is ACTIVE. An existing table is left alone.
 * For tests and local setup: in AWS, create it with the SAM template, which also turns
 * on TTL for `expiresAt` (this helper does not: DynamoDB-compatible test servers such
 * as dynalite have no UpdateTimeToLive, and the store does not need it to be correct).
 */
export async function createTable(
  client: Pick<DynamoDBClient, "send">,
  tableName: string,
  options: CreateTableOptions = {},
): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: ATTR.key, AttributeType: "S" }],
        KeySchema: [{ AttributeName: ATTR.key, KeyType: "HASH" }],
        BillingMode: "PAY_PER_REQUEST",
      }),
    );
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name !== "ResourceInUseException") throw error;
  }
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (let delay = 20; ; delay = Math.min(delay * 2, 1000)) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (out.Table?.TableStatus === "ACTIVE") return;
    if (Date.now() + delay > deadline) {
      throw new Error(`createTable: ${tableName} is still ${out.Table?.TableStatus ?? "unknown"} after ${options.timeoutMs ?? 60_000} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
