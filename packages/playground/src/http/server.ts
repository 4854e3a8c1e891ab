import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotSide } from "../chat/bot.ts";
import type { ChatContext } from "../chat/context.ts";
import { act, UserActionError, type UserAction } from "../chat/user.ts";
import type { FlowSessions } from "../flows/sessions.ts";
import type { GraphServer } from "../graph/types.ts";
import { streamChat } from "./sse.ts";
import { serveStatic } from "./static.ts";

const MAX_JSON = 1024 * 1024;
const MAX_UPLOAD = 16 * 1024 * 1024;

export interface PageServerParts {
  ctx: ChatContext;
  bot: BotSide;
  flows: FlowSessions;
  graph: GraphServer;
}

/**
 * The page's own server: the static page, the chat as server-sent events, and
 * the user's actions as small JSON calls.
 *
 *   GET  /api/events          the chat (snapshot, then changes)
 *   POST /api/messages        a UserAction: { type: "text", text } …
 *   POST /api/media           raw image bytes → { id } (held by the Graph server)
 *   POST /api/seen            { ids, read }: bot messages the page has shown
 *   POST /api/flows/open      { messageId } → { screen } | { done }
 *   POST /api/flows/submit    { session, screen, data } → { screen } | { done }
 *   GET  /media/{id}          media bytes from the Graph server
 */
export async function startPageServer(parts: PageServerParts, { port = 0 } = {}): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    route(parts, req, res).catch((error: unknown) => {
      const status = error instanceof UserActionError ? 400 : error instanceof BodyError ? 413 : 500;
      if (status === 500) console.error("[playground]", error);
      if (!res.headersSent) json(res, status, { error: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function route({ ctx, bot, flows, graph }: PageServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const { pathname } = url;
  const method = req.method ?? "GET";

  if (method === "GET" && pathname === "/api/events") return streamChat(ctx.state, res);
  if (method === "GET" && pathname.startsWith("/media/")) {
    const media = graph.media(decodeURIComponent(pathname.slice("/media/".length)));
    if (!media?.bytes) return json(res, 404, { error: "no such media (or its bytes were not kept)" });
    res.writeHead(200, { "content-type": media.mimeType, "content-length": media.bytes.byteLength, "cache-control": "max-age=3600" });
    return void res.end(media.bytes);
  }
  if (method === "GET" && (await serveStatic(pathname, res))) return;
  if (method !== "POST") return json(res, 404, { error: "not found" });

  switch (pathname) {
    case "/api/messages": {
      const action = (await readJson(req)) as UserAction & { mediaId?: string };
      if (action.type === "image") {
        const media = graph.media(String(action.mediaId));
        if (!media) throw new UserActionError(`no uploaded media ${String(action.mediaId)}`);
        Object.assign(action, { mimeType: media.mimeType, sha256: media.sha256 });
      }
      const item = act(ctx, action);
      return json(res, 202, { id: item?.id ?? null });
    }
    case "/api/media": {
      const type = String(req.headers["content-type"] ?? "");
      if (!/^(image|video|audio)\/|^application\/pdf$/.test(type)) throw new UserActionError(`cannot send ${type || "a file without a type"}`);
      const bytes = await readBytes(req, MAX_UPLOAD);
      const id = graph.addMedia(bytes, type);
      return json(res, 201, { id });
    }
    case "/api/seen": {
      const { ids, read } = (await readJson(req)) as { ids?: unknown; read?: unknown };
      bot.seen(Array.isArray(ids) ? ids.map(String) : [], read === true);
      return json(res, 200, { ok: true });
    }
    case "/api/flows/open": {
      const { messageId } = (await readJson(req)) as { messageId?: unknown };
      return json(res, 200, await flows.open(String(messageId)));
    }
    case "/api/flows/submit": {
      const { session, screen, data } = (await readJson(req)) as { session?: unknown; screen?: unknown; data?: unknown };
      const fields = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
      return json(res, 200, await flows.submit(String(session), String(screen), fields));
    }
    default:
      return json(res, 404, { error: "not found" });
  }
}

class BodyError extends Error {}

async function readBytes(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(`over ${limit} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = Buffer.from(await readBytes(req, MAX_JSON)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new UserActionError("the body is not JSON");
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload), "cache-control": "no-store" });
  res.end(payload);
}
