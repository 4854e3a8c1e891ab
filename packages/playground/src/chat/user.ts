import { newWamid } from "../graph/ids.ts";
import { content, messagePayload, type MessageContent } from "../webhook/payloads.ts";
import { summary } from "./bubble.ts";
import type { ChatContext } from "./context.ts";
import type { Bubble, ChatItem } from "./types.ts";

/** What the page asks for on the user's behalf. */
export type UserAction =
  | { type: "text"; text: string }
  | { type: "image"; mediaId: string; mimeType: string; sha256: string; caption?: string }
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string }
  /** A reply button, or a template's quick reply, of the bot's message `messageId`. */
  | { type: "button"; messageId: string; id: string }
  | { type: "list"; messageId: string; id: string }
  | { type: "reaction"; messageId: string; emoji: string };

export class UserActionError extends Error {}

/**
 * The user's side: each action becomes a chat item (ticks `sent`) and the webhook
 * Meta would post, delivered in the background. The item turns `delivered` when
 * the bot answered 200, `failed` (with the reason) when it never did.
 */
export function act(ctx: ChatContext, action: UserAction): ChatItem | undefined {
  switch (action.type) {
    case "text": {
      if (!action.text.trim()) throw new UserActionError("empty message");
      return send(ctx, { kind: "text", text: action.text }, content.text(action.text));
    }
    case "image":
      return send(
        ctx,
        { kind: "image", media: { type: "image", src: `/media/${encodeURIComponent(action.mediaId)}` }, ...(action.caption ? { text: action.caption } : {}) },
        content.image({ id: action.mediaId, mimeType: action.mimeType, sha256: action.sha256, ...(action.caption ? { caption: action.caption } : {}) }),
      );
    case "location": {
      const { latitude, longitude, name, address } = action;
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new UserActionError("latitude and longitude must be numbers");
      const location = { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) };
      return send(ctx, { kind: "location", location }, content.location(location));
    }
    case "button": {
      const target = botMessage(ctx, action.messageId);
      // A reply button, or a quick reply on one of a carousel's cards.
      const buttons = [...(target.bubble.buttons ?? []), ...(target.bubble.cards ?? []).flatMap((c) => c.buttons ?? [])];
      const button = buttons.find((b) => b.id === action.id);
      if (!button) throw new UserActionError(`message ${action.messageId} has no button ${JSON.stringify(action.id)}`);
      const reply = button.quickReply ? content.quickReply(button.id, button.title) : content.buttonReply(button.id, button.title);
      return send(ctx, { kind: reply.type === "button" ? "button" : "interactive/button_reply", text: button.title }, reply, target);
    }
    case "list": {
      const target = botMessage(ctx, action.messageId);
      const row = target.bubble.list?.sections.flatMap((s) => s.rows).find((r) => r.id === action.id);
      if (!row) throw new UserActionError(`message ${action.messageId} has no list row ${JSON.stringify(action.id)}`);
      const text = row.description ? `${row.title}\n${row.description}` : row.title;
      return send(ctx, { kind: "interactive/list_reply", text }, content.listReply(row), target);
    }
    case "reaction": {
      const target = botMessage(ctx, action.messageId);
      ctx.state.update(target.id, (item) => {
        if (action.emoji) item.reactions.user = action.emoji;
        else delete item.reactions.user;
      });
      deliver(ctx, newWamid(ctx.parties.user.waId), content.reaction(target.id, action.emoji));
      return undefined;
    }
  }
}

/** A completed flow: the `nfm_reply` message, quoting the flow message. */
export function flowCompleted(ctx: ChatContext, flowMessageId: string, response: Record<string, unknown>): ChatItem {
  const target = botMessage(ctx, flowMessageId);
  const { flow_token: _token, ...fields } = response;
  const note = Object.keys(fields).length ? JSON.stringify(fields) : undefined;
  return send(ctx, { kind: "interactive/nfm_reply", text: "Sent", ...(note ? { note } : {}) }, content.flowReply(response), target);
}

function botMessage(ctx: ChatContext, id: string): ChatItem {
  const item = ctx.state.get(id);
  if (!item || item.from !== "bot") throw new UserActionError(`no message ${id} from the bot`);
  return item;
}

function send(ctx: ChatContext, bubble: Bubble, message: MessageContent, quoting?: ChatItem): ChatItem {
  const id = newWamid(ctx.parties.user.waId);
  const withContext = quoting ? { ...message, context: { from: ctx.parties.displayPhoneNumber, id: quoting.id } } : message;
  const item = ctx.state.add({
    id,
    from: "user",
    at: Date.now(),
    bubble,
    ticks: "sent",
    reactions: {},
    ...(quoting ? { quote: { id: quoting.id, from: quoting.from, text: summary(quoting.bubble) } } : {}),
  });
  deliver(ctx, id, withContext, item.at);
  return item;
}

function deliver(ctx: ChatContext, id: string, message: MessageContent, at = Date.now()): void {
  const started = Date.now();
  void ctx.sender.post(messagePayload(ctx.parties, id, message, at)).then((d) => {
    ctx.log(`→ webhook ${message.type}${d.ok ? "" : " FAILED"}: ${d.status || "no answer"} in ${Date.now() - started} ms${d.attempts > 1 ? ` (${d.attempts} attempts)` : ""}${d.error ? ` · ${d.error}` : ""}`);
    ctx.state.update(id, (item) => {
      if (d.ok) {
        if (item.ticks === "sent") item.ticks = "delivered";
      } else {
        item.ticks = "failed";
        item.error = d.error ?? `the webhook answered ${d.status}`;
      }
    });
  });
}
