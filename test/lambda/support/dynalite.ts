import { createRequire } from "node:module";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createTable } from "@edgewa/lambda";

/** dynalite ships no types: it is a function returning an http.Server. */
type Dynalite = (options: { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => Server;
const dynalite = createRequire(import.meta.url)("dynalite") as Dynalite;

/** Fake credentials: dynalite checks that requests are signed, not by whom. */
export const LOCAL_AWS = { region: "us-east-1", accessKeyId: "local", secretAccessKey: "local" } as const;

export interface LocalDynamo {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  client: DynamoDBClient;
  /** Creates a table with the DynamoDbStore schema; returns its (unique) name. */
  table(prefix?: string): Promise<string>;
  close(): Promise<void>;
}

let tables = 0;

/** An in-memory DynamoDB (dynalite) on 127.0.0.1, random port. */
export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS.region,
    credentials: { accessKeyId: LOCAL_AWS.accessKeyId, secretAccessKey: LOCAL_AWS.secretAccessKey },
  });
  return {
    endpoint,
    client,
    async table(prefix = "edgewa") {
      const name = `${prefix}-${process.pid}-${++tables}`;
      await createTable(client, name);
      return name;
    },
    async close() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
