import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { WhatsApp, type WhatsAppOptions } from "@edgewa/core";
import { startGraphServer, type GraphServer, type RecordedRequest } from "./graph-server.ts";

export const TOKEN = "test-token";
export const PHONE_ID = "1234567890";
export const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** What most request assertions compare. */
export type SentRequest = Pick<RecordedRequest, "method" | "path" | "query" | "body">;

export interface GraphSuite {
  /** The file's server (usable once its tests run). */
  server: GraphServer;
  /** A client on the server: the suite's options, then `extra`. One attempt per call, no retries. */
  client(extra?: Partial<WhatsAppOptions>): WhatsApp;
  /** The one request the server got (fails on none or several). */
  sent(): SentRequest;
}

/**
 * The local Graph API server for one test file, with the client most tests want:
 * started before the file's tests, emptied before each test, closed after. Call it
 * at the top of the file: `const { server, client, sent } = graphSuite({ wabaId })`.
 */
export function graphSuite(defaults: Partial<WhatsAppOptions> = {}): GraphSuite {
  let started: GraphServer | undefined;
  beforeAll(async () => void (started = await startGraphServer({ token: TOKEN })));
  afterAll(() => started?.close());
  beforeEach(() => started?.clear());
  const running = (): GraphServer => {
    if (!started) throw new Error("graphSuite: the server starts in beforeAll; use it inside tests");
    return started;
  };
  // The server is handed out before beforeAll has run: every use goes to the started one.
  const server = new Proxy({} as GraphServer, {
    get(_, key) {
      const target = running();
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return {
    server,
    client: (extra = {}) =>
      new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, graphUrl: running().url, logger: quiet, retry: { maxAttempts: 1 }, ...defaults, ...extra }),
    sent: () => {
      const requests = running().requests;
      expect(requests).toHaveLength(1);
      const { method, path, query, body } = requests[0]!;
      return { method, path, query, body };
    },
  };
}
