import type { GraphServer } from "../../support/graph-server.ts";

type SendBody = { type?: string; status?: string; text?: { body: string }; interactive?: { body: { text: string } }; reaction?: { emoji: string } };

/** The messages the bot sent (not read receipts), as their text (or their type). */
export function sentTexts(server: GraphServer): string[] {
  return sends(server).map((r) => {
    const b = r.body as SendBody;
    return b.text?.body ?? b.interactive?.body.text ?? b.reaction?.emoji ?? b.type ?? "?";
  });
}

export function sends(server: GraphServer) {
  return server.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages") && (r.body as SendBody).type !== undefined);
}

/** Read receipts the bot sent. */
export function readReceipts(server: GraphServer) {
  return server.requests.filter((r) => r.path.endsWith("/messages") && (r.body as SendBody).status === "read");
}

/** The wamid the server gave the last message whose text is `text`. */
export function wamidOf(server: GraphServer, text: string): string {
  const index = sentTexts(server).lastIndexOf(text);
  if (index < 0) throw new Error(`no message "${text}" was sent`);
  return (sends(server)[index]!.response as { messages: { id: string }[] }).messages[0]!.id;
}

/** How many times `text` was sent. */
export const timesSent = (server: GraphServer, text: string) => sentTexts(server).filter((t) => t === text).length;
