/**
 * The Store contract on one DynamoDB table (see README "Table schema"):
 *
 *   pk           S  partition key: the store key, as given (no sort key)
 *   value        S  the value, as a JSON string
 *   version      S  a random UUID, new on every write (never reused after a delete)
 *   expiresAtMs  N  expiry in epoch milliseconds; absent = never expires
 *   expiresAt    N  the same expiry in epoch seconds, rounded up: the table's TTL attribute
 *
 * DynamoDB's TTL sweeper deletes expired items lazily (often within days, no promise),
 * so the store never trusts it: every read and every conditional write checks
 * `expiresAtMs` against its own clock, and an expired item reads as absent. The TTL
 * attribute only keeps the table small. Compare-and-set is a conditional PutItem,
 * create-if-absent a PutItem conditioned on "absent or expired"; no transactions.
 */
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { copyJson, systemClock, type Clock, type DeleteOptions, type SetOptions, type Store, type StoreEntry } from "@edgewa/core";

export interface DynamoDbStoreOptions {
  /** The client to send with (region, credentials, endpoint are its business). Reuse one per container. */
  client: Pick<DynamoDBClient, "send">;
  /** A table whose partition key is `pk` (string) and that has no sort key: see `createTable`. */
  tableName: string;
  /** Milliseconds since the epoch for expiry checks. Default: the system clock. Tests inject a ManualClock. */
  clock?: Clock;
}

/** The attribute names of an item; exported for tools that read the table directly. */
export const ATTR = {
  key: "pk",
  value: "value",
  version: "version",
  expiresAtMs: "expiresAtMs",
  expiresAt: "expiresAt",
} as const;

// Every expression names its attributes through placeholders: `value` and friends
// may be reserved words, and placeholders keep that question from ever coming up.
const NAMES = { "#pk": ATTR.key, "#ver": ATTR.version, "#exp": ATTR.expiresAtMs };
/** Present, and not expired at :now (an item is live while expiresAtMs > now). */
const LIVE = "attribute_exists(#pk) AND (attribute_not_exists(#exp) OR #exp > :now)";
/** Absent, or present but expired at :now: what create-if-absent may overwrite. */
const ABSENT = "attribute_not_exists(#pk) OR #exp <= :now";

/**
 * An atomic Store on DynamoDB: conditional writes make compare-and-set and
 * create-if-absent safe across concurrent Lambda invocations.
 */
export class DynamoDbStore implements Store {
  readonly atomic = true;
  readonly tableName: string;
  readonly #client: Pick<DynamoDBClient, "send">;
  readonly #clock: Clock;

  constructor(options: DynamoDbStoreOptions) {
    if (options === null || typeof options !== "object" || options.client === undefined || typeof options.client.send !== "function") {
      throw new TypeError("DynamoDbStore: pass { client: new DynamoDBClient(...), tableName }");
    }
    if (typeof options.tableName !== "string" || options.tableName === "") {
      throw new TypeError("DynamoDbStore: tableName must be a non-empty string");
    }
    this.#client = options.client;
    this.tableName = options.tableName;
    this.#clock = options.clock ?? systemClock;
  }

  async get<T = unknown>(key: string): Promise<StoreEntry<T> | undefined> {
    const out = await this.#client.send(
      new GetItemCommand({ TableName: this.tableName, Key: keyOf(key), ConsistentRead: true }),
    );
    const item = out.Item;
    if (item === undefined) return undefined;
    const expiresAtMs = numberOf(item[ATTR.expiresAtMs]);
    if (expiresAtMs !== undefined && expiresAtMs <= this.#clock.now()) return undefined;
    const text = item[ATTR.value]?.S;
    const version = item[ATTR.version]?.S;
    if (text === undefined || version === undefined) {
      throw new Error(`DynamoDbStore: item ${JSON.stringify(key)} in ${this.tableName} has no ${ATTR.value}/${ATTR.version} string attribute`);
    }
    return { value: JSON.parse(text) as T, version };
  }

  async set(key: string, value: unknown, opts: SetOptions = {}): Promise<string | false> {
    const ttlMs = checkTtl(opts.ttlMs);
    // Validated before the condition is looked at, so a bad value fails the same way
    // whether or not the write would have won (as MemoryStore does).
    const text = JSON.stringify(copyJson(value));
    const now = this.#clock.now();
    const version = globalThis.crypto.randomUUID();
    const item: Record<string, AttributeValue> = {
      ...keyOf(key),
      [ATTR.value]: { S: text },
      [ATTR.version]: { S: version },
    };
    if (ttlMs !== undefined) {
      const expiresAtMs = now + ttlMs;
      item[ATTR.expiresAtMs] = { N: String(expiresAtMs) };
      // Rounded up: the sweeper must never delete an item the store still calls live.
      item[ATTR.expiresAt] = { N: String(Math.ceil(expiresAtMs / 1000)) };
    }
    // A PutItem replaces the whole item, so a write without ttlMs clears an earlier expiry.
    const put = new PutItemCommand(
      opts.ifVersion === undefined
        ? { TableName: this.tableName, Item: item }
        : opts.ifVersion === null
          ? {
              TableName: this.tableName,
              Item: item,
              ConditionExpression: ABSENT,
              ExpressionAttributeNames: { "#pk": ATTR.key, "#exp": ATTR.expiresAtMs },
              ExpressionAttributeValues: { ":now": { N: String(now) } },
            }
          : {
              TableName: this.tableName,
              Item: item,
              ConditionExpression: `${LIVE} AND #ver = :ver`,
              ExpressionAttributeNames: NAMES,
              ExpressionAttributeValues: { ":now": { N: String(now) }, ":ver": { S: checkVersion(opts.ifVersion) } },
            },
    );
    return (await this.#conditional(put)) ? version : false;
  }

  async delete(key: string, opts: DeleteOptions = {}): Promise<boolean> {
    const now = this.#clock.now();
    const versioned = opts.ifVersion !== undefined;
    // An expired item is absent to the contract, so it is not "deleted" (false); the
    // TTL sweeper removes it later.
    return this.#conditional(
      new DeleteItemCommand({
        TableName: this.tableName,
        Key: keyOf(key),
        ConditionExpression: versioned ? `${LIVE} AND #ver = :ver` : LIVE,
        ExpressionAttributeNames: versioned ? NAMES : { "#pk": ATTR.key, "#exp": ATTR.expiresAtMs },
        ExpressionAttributeValues: versioned
          ? { ":now": { N: String(now) }, ":ver": { S: checkVersion(opts.ifVersion) } }
          : { ":now": { N: String(now) } },
      }),
    );
  }

  /** Sends a conditional write: true when it happened, false when its condition failed. */
  async #conditional(command: PutItemCommand | DeleteItemCommand): Promise<boolean> {
    try {
      // The union of two commands does not pick one of send's overloads; each alone does.
      await this.#client.send(command as PutItemCommand);
      return true;
    } catch (error) {
      // By name: the exception class may come from another copy of the SDK.
      if ((error as { name?: unknown } | null)?.name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }
}

function keyOf(key: string): Record<string, AttributeValue> {
  if (typeof key !== "string" || key === "") {
    throw new TypeError(`DynamoDbStore: keys must be non-empty strings, got ${JSON.stringify(key)}`);
  }
  return { [ATTR.key]: { S: key } };
}

function numberOf(attribute: AttributeValue | undefined): number | undefined {
  const n = attribute?.N;
  return n === undefined ? undefined : Number(n);
}

function checkTtl(ttlMs: number | undefined): number | undefined {
  if (ttlMs === undefined) return undefined;
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(
      `Store ttlMs must be a positive finite number of milliseconds, got ${String(ttlMs)}; omit ttlMs for an entry that never expires`,
    );
  }
  return ttlMs;
}

function checkVersion(version: string | undefined): string {
  if (typeof version !== "string" || version === "") {
    throw new TypeError(`DynamoDbStore: ifVersion must be a version string returned by set, got ${JSON.stringify(version)}`);
  }
  return version;
}
