import type { ServerResponse } from "node:http";
import type { ChatState } from "../chat/state.ts";

/** How often an idle stream gets a comment, so proxies and browsers keep it open. */
const KEEPALIVE_MS = 15_000;

/**
 * A server-sent event stream of the chat: a `snapshot` first (the whole chat,
 * again after every reconnect), then one event per change.
 */
export function streamChat(state: ChatState, res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
  const write = (event: { type: string }) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  write(state.snapshot());
  const unsubscribe = state.subscribe(write);
  const keepalive = setInterval(() => res.write(": keepalive\n\n"), KEEPALIVE_MS);
  res.on("close", () => {
    clearInterval(keepalive);
    unsubscribe();
  });
}
