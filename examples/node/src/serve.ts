import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";

export type FetchHandler = (request: Request, options?: { waitUntil?: (p: Promise<unknown>) => void }) => Promise<Response>;

/**
 * Serves a fetch handler (such as `wa.fetch`) on plain Node's http server. Work
 * handed to `waitUntil` keeps running after the response, as on Workers; pending
 * work is awaited when the server closes.
 */
export function serve(handler: FetchHandler, { port = 8080, hostname = "127.0.0.1" } = {}): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const pending = new Set<Promise<unknown>>();
  const waitUntil = (p: Promise<unknown>) => {
    const tracked = p.catch(() => {}).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  const server = createServer((req, res) => {
    handler(toRequest(req, hostname), { waitUntil })
      .then((response) => writeResponse(response, res))
      .catch((error) => {
        console.error("[serve] request failed:", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("Internal Server Error");
      });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        server,
        url: `http://${hostname}:${actualPort}`,
        close: async () => {
          await new Promise<void>((done) => server.close(() => done()));
          await Promise.all(pending);
        },
      });
    });
  });
}

function toRequest(req: IncomingMessage, hostname: string): Request {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? hostname}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  }
  res.end();
}
