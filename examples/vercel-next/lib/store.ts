import { MemoryStore, type Store } from "@edgewa/core";

/** The environment variables the example reads. */
export type Env = Record<string, string | undefined>;

const MEMORY_WARNING = [
  "",
  "  ┌──────────────────────────────────────────────────────────────────────────────┐",
  "  │ [edgewa] TABLE_NAME is not set: using a MemoryStore, which lives in ONE      │",
  "  │ function instance. On Vercel every cold start and every concurrent instance  │",
  "  │ has its own: duplicate deliveries may be handled twice and conversations     │",
  "  │ (/signup) forget where they were. Set TABLE_NAME (DynamoDB) for production.  │",
  "  └──────────────────────────────────────────────────────────────────────────────┘",
  "",
].join("\n");

/**
 * The store for claims and conversations. With `TABLE_NAME`, a DynamoDB table
 * (`DynamoDbStore` from @edgewa/lambda), reached with the credentials of the standard
 * `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` variables, in `DYNAMODB_REGION` (on
 * Vercel, `AWS_REGION` is preset to the function's own region, which need not be the
 * table's), or at `DYNAMODB_ENDPOINT` (a local DynamoDB). Both modules are imported
 * only then, so a build or a run without AWS never loads the SDK. Without
 * `TABLE_NAME`, a MemoryStore, loudly.
 */
export async function createStore(env: Env = process.env): Promise<Store> {
  const tableName = env.TABLE_NAME;
  if (tableName) {
    const [{ DynamoDbStore }, { DynamoDBClient }] = await Promise.all([
      import("@edgewa/lambda"),
      import("@aws-sdk/client-dynamodb"),
    ]);
    const client = new DynamoDBClient({
      ...(env.DYNAMODB_REGION ? { region: env.DYNAMODB_REGION } : {}),
      ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    });
    return new DynamoDbStore({ client, tableName });
  }
  console.warn(MEMORY_WARNING);
  return new MemoryStore();
}
