/**
 * Next.js Pages Router API routes (`pages/api/*.ts`) and other `(req, res)` servers,
 * converted to and from web `Request`/`Response` without `node:*` imports: the Node
 * objects are taken structurally (an `IncomingMessage` is an async iterable of
 * chunks; a `ServerResponse` has `statusCode`, `setHeader` and `end`).
 *
 * The route must turn Next's body parser off, or the raw bytes that the signature
 * is computed over are gone before the handler runs:
 *
 * ```ts
 * export const config = { api: { bodyParser: false } };
 * export default toPagesApi(() => createBot());
 * ```
 */
import type { ClientSource } from "./client.ts";
import { toFlowRoute } from "./flow.ts";
import { internalError, webhookHandler, type FetchHandler, type VercelOptions } from "./serve.ts";

/** The parts of Node's `IncomingMessage` (Next's `NextApiRequest`) the conversion reads. */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Set by a body parser that ran before us (Next's, unless `bodyParser: false`). */
  body?: unknown;
}

/** The parts of Node's `ServerResponse` (Next's `NextApiResponse`) the conversion writes. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | readonly string[]): unknown;
  end(chunk?: Uint8Array): unknown;
}

export type NodeHandler = (req: NodeRequestLike, res: NodeResponseLike) => Promise<void>;

const BODYLESS = new Set(["GET", "HEAD"]);
const encoder = new TextEncoder();

/** Thrown by `toWebRequest` when a body parser consumed the stream before us. */
export class BodyAlreadyParsedError extends Error {
  constructor() {
    super(
      "the request body was already parsed, so the raw bytes that X-Hub-Signature-256 signs are gone: " +
        "add `export const config = { api: { bodyParser: false } };` to the API route",
    );
    this.name = "BodyAlreadyParsedError";
  }
}

/**
 * A web `Request` from a Node-style request. The body is streamed from `req` as it
 * arrives (the core's size limit then stops reading early); a body that a parser left
 * as raw bytes or text is used as is, and a parsed object is refused (`BodyAlreadyParsedError`).
 */
export function toWebRequest(req: NodeRequestLike): Request {
  const method = (req.method ?? "GET").toUpperCase();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (!BODYLESS.has(method)) {
    const parsed = req.body;
    if (parsed === undefined) {
      init.body = streamOf(req);
      init.duplex = "half"; // Node's fetch wants it for a stream body
    } else if (typeof parsed === "string" || parsed instanceof Uint8Array) {
      init.body = typeof parsed === "string" ? parsed : new Uint8Array(parsed);
    } else {
      throw new BodyAlreadyParsedError();
    }
  }
  return new Request(absoluteUrl(req), init);
}

/** Writes a web `Response` to a Node-style response (status, headers including every Set-Cookie, body). */
export async function sendWebResponse(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  res.end(body);
}

/** Any fetch handler as a `(req, res)` handler: a 500 (logged) for a request that cannot be converted or a handler that throws. */
export function toNodeHandler(handler: FetchHandler): NodeHandler {
  return async (req, res) => {
    let response: Response;
    try {
      response = await handler(toWebRequest(req));
    } catch (error) {
      console.error("[edgewa/vercel]", error instanceof BodyAlreadyParsedError ? error.message : error);
      response = internalError();
    }
    await sendWebResponse(res, response);
  };
}

/** The webhook as a Pages Router API route (`pages/api/whatsapp.ts`); see the module comment. */
export function toPagesApi(source: ClientSource, options: VercelOptions = {}): NodeHandler {
  return toNodeHandler(webhookHandler(source, options));
}

/** A flow data endpoint as a Pages Router API route (`bodyParser: false` here too: the request is signed). */
export function toPagesFlowApi(source: ClientSource, path: string): NodeHandler {
  return toNodeHandler(toFlowRoute(source, path).POST);
}

/** `req.url` is a path: the origin comes from the proxy headers, else the Host header. */
function absoluteUrl(req: NodeRequestLike): string {
  const first = (name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;
  };
  const proto = first("x-forwarded-proto") === "https" ? "https" : "http";
  const host = first("x-forwarded-host") ?? first("host") ?? "localhost";
  const path = req.url ?? "/";
  try {
    return new URL(path.startsWith("/") ? path : `/${path}`, `${proto}://${host}`).href;
  } catch {
    return new URL(path.startsWith("/") ? path : `/${path}`, "http://localhost").href; // a Host header that is not a host
  }
}

function streamOf(source: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? encoder.encode(value) : (value as Uint8Array));
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}
