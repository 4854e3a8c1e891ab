import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { readBody } from "./body.ts";
import { graphError, graphErrorBody, invalidToken, unsupportedRequest } from "./errors.ts";
import { newFbtraceId } from "./ids.ts";
import { MediaStore } from "./media-store.ts";
import { compileRoutes, matchRoutes, normalizeVersion, requestMatches, splitVersion } from "./router.ts";
import { routes } from "./routes/index.ts";
import type {
  GraphErrorSpec,
  GraphServer,
  GraphServerOptions,
  OnceAnswer,
  RecordedRequest,
  Reply,
  RequestMatch,
  RouteContext,
} from "./types.ts";

export type {
  GraphErrorSpec,
  GraphServer,
  GraphServerOptions,
  MediaInfo,
  OnceAnswer,
  RecordedRequest,
  RequestMatch,
} from "./types.ts";

const JSON_TYPE = "application/json; charset=UTF-8";
const DOWNLOAD_CHUNK = 64 * 1024;

/**
 * Starts a local stand-in for graph.facebook.com on 127.0.0.1 (a random port unless
 * `options.port`). The tests use it to check what the client sent; the playground
 * runs it behind its chat page and watches it through `options.onRequest`.
 *
 * For every request: read and parse the body (streaming, for multipart) → record it →
 * token check (when `options.token`) → API version check (when `options.apiVersion`) →
 * the first queued one-shot answer that matches → bad body (→ 400, code 100) → the
 * route table (routes/index.ts) → 404 "Unsupported … request" (code 100, subcode 33).
 */
export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const requests: RecordedRequest[] = [];
  const queue: { match: RequestMatch; answer: OnceAnswer }[] = [];
  const media = new MediaStore();
  const table = compileRoutes(routes);
  const expectedVersion = options.apiVersion ? normalizeVersion(options.apiVersion) : undefined;
  const closing = new AbortController();
  let baseUrl = "";

  async function decide(record: RecordedRequest, body: Awaited<ReturnType<typeof readBody>>, trace: string): Promise<Reply | undefined> {
    const { method, path } = record;
    const { version, path: unversioned } = splitVersion(path);
    const matches = [...matchRoutes(table, method, path)];

    if (options.token !== undefined && matches[0]?.route.def.auth !== "self") {
      const header = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(record.headers.authorization ?? "")?.[1];
      const token = header ?? record.query.access_token;
      if (token === undefined) return invalidToken(trace, "An active access token must be used to query information about the current user.");
      if (token !== options.token) return invalidToken(trace, "Invalid OAuth access token data.");
    }
    if (expectedVersion !== undefined && version !== undefined && version !== expectedVersion) {
      return graphError(400, { code: 2635, message: `(#2635) This server serves Graph API v${expectedVersion}; the request used v${version}.` }, trace);
    }

    const queued = queue.findIndex((q) => requestMatches(q.match, method, path));
    if (queued >= 0) {
      const answer = queue.splice(queued, 1)[0]!.answer;
      if (answer.delayMs !== undefined && answer.delayMs > 0) {
        try {
          await sleep(answer.delayMs, undefined, { signal: closing.signal });
        } catch {
          return undefined; // closing
        }
      }
      const reply: Reply = { status: answer.status };
      if (answer.headers !== undefined) reply.headers = answer.headers;
      if (answer.json !== undefined) reply.json = answer.json;
      else if (answer.text !== undefined) reply.text = answer.text;
      return reply;
    }

    if (body.error !== undefined) return graphError(400, { code: 100, message: `(#100) ${body.error}` }, trace);

    for (const { route, params } of matches) {
      const ctx: RouteContext = {
        request: record,
        params,
        version,
        path: unversioned,
        fbtraceId: trace,
        baseUrl,
        options,
        media,
        files: body.files,
        raw: body.raw,
      };
      const reply = await route.def.handle(ctx);
      if (reply !== undefined) return reply;
    }
    return unsupportedRequest(method, unversioned.split("/").find(Boolean) ?? "", trace);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const trace = newFbtraceId();
    try {
      const rawUrl = req.url ?? "/";
      const q = rawUrl.indexOf("?");
      const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
      const query = Object.fromEntries(new URLSearchParams(q < 0 ? "" : rawUrl.slice(q + 1)));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
      }
      const body = await readBody(req, options.keepBytesUnder);
      const record: RecordedRequest = {
        method: (req.method ?? "GET").toUpperCase(),
        path,
        query,
        headers,
        body: body.body,
        rawSize: body.rawSize,
      };
      if (body.form !== undefined) record.form = body.form;
      requests.push(record);
      if (options.maxRecorded !== undefined && requests.length > options.maxRecorded) requests.splice(0, requests.length - options.maxRecorded);
      if (body.aborted) return;

      const reply = await decide(record, body, trace);
      if (reply?.json !== undefined) record.response = reply.json;
      if (reply !== undefined) await send(res, reply, trace);
      else if (!res.headersSent) res.destroy();
      if (reply !== undefined) observe(record);
    } catch (err) {
      // Never crash: a handler bug (or an unsendable test answer) becomes Graph's code 1.
      if (!res.headersSent && !res.destroyed) {
        const message = `An unknown error occurred (local graph server: ${err instanceof Error ? err.message : String(err)})`;
        const payload = JSON.stringify(graphErrorBody({ code: 1, message }, trace));
        res.writeHead(500, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(payload), "x-fb-trace-id": trace });
        res.end(payload);
      } else {
        res.destroy();
      }
    }
  }

  // After the answer went out: an observer (the playground) reacts to what the client
  // did, and its own failures never reach the client.
  function observe(record: RecordedRequest): void {
    try {
      options.onRequest?.(record);
    } catch (err) {
      console.error("[graph server] onRequest failed:", err);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closed: Promise<void> | undefined;
  return {
    url: baseUrl,
    requests,
    clear() {
      requests.splice(0);
      queue.splice(0);
    },
    respondOnce(match, answer) {
      queue.push({ match, answer });
    },
    respondWithError(match, error: GraphErrorSpec) {
      const json = graphErrorBody(
        {
          code: error.code,
          ...(error.message === undefined ? {} : { message: error.message }),
          ...(error.type === undefined ? {} : { type: error.type }),
          ...(error.subcode === undefined ? {} : { subcode: error.subcode }),
          ...(error.details === undefined ? {} : { details: error.details }),
        },
        newFbtraceId(),
      );
      queue.push({ match, answer: { status: error.status, json } });
    },
    addMedia(bytes, mimeType) {
      const sha256 = createSha256(bytes);
      return media.add({ mimeType, size: bytes.byteLength, sha256, bytes });
    },
    media(id) {
      const entry = media.get(id);
      if (!entry) return undefined;
      return { mimeType: entry.mimeType, size: entry.size, sha256: entry.sha256, ...(entry.bytes ? { bytes: entry.bytes } : {}) };
    },
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

async function send(res: ServerResponse, reply: Reply, trace: string): Promise<void> {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string | number> = { "x-fb-trace-id": trace };
  let payload: Buffer | undefined;
  if (reply.json !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.json), "utf8");
    headers["content-type"] = JSON_TYPE;
  } else if (reply.text !== undefined) {
    payload = Buffer.from(reply.text, "utf8");
    headers["content-type"] = "text/plain; charset=utf-8";
  } else if (reply.bytes !== undefined) {
    headers["content-type"] = "application/octet-stream";
  } else {
    payload = Buffer.alloc(0);
    headers["content-type"] = JSON_TYPE;
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  headers["content-length"] = payload ? payload.length : reply.bytes!.byteLength;
  res.writeHead(reply.status, headers);
  if (payload) {
    res.end(payload);
    return;
  }
  const bytes = reply.bytes!;
  for (let offset = 0; offset < bytes.byteLength; offset += DOWNLOAD_CHUNK) {
    if (res.destroyed) return;
    if (!res.write(bytes.subarray(offset, offset + DOWNLOAD_CHUNK))) await drained(res);
  }
  if (!res.destroyed) res.end();
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

function createSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
