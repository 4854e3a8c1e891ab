import type { RecordedRequest } from "../graph/types.ts";
import { statusPayload, type StatusName } from "../webhook/payloads.ts";
import { summary, toBubble } from "./bubble.ts";
import type { ChatContext } from "./context.ts";
import type { ChatItem } from "./types.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const MESSAGES_PATH = /^(?:\/v\d+(?:\.\d+)?)?\/[^/]+\/messages\/?$/;

/**
 * The bot's side: what it asked the Graph API to do, seen by the Graph server
 * once answered. A send becomes a chat item and a `sent` status webhook; a read
 * receipt turns the user's message blue; a typing indicator shows "typing…"; a
 * reaction lands on its message. `delivered` and `read` wait for the page (see
 * `seen`), as they wait for the user's phone.
 */
export class BotSide {
  readonly #ctx: ChatContext;
  /** Statuses already posted per message, and the chain that keeps them in order. */
  readonly #reported = new Map<string, { done: Set<StatusName>; chain: Promise<void>; template: boolean; tracker?: string }>();

  constructor(ctx: ChatContext) {
    this.#ctx = ctx;
  }

  readonly observe = (request: RecordedRequest): void => {
    const { state, log } = this.#ctx;
    const body = request.body;
    if (request.method !== "POST" || !MESSAGES_PATH.test(request.path) || !isObject(body)) {
      log(`← ${request.method} ${request.path}${isObject(request.response) && "error" in request.response ? " (error)" : ""}`);
      return;
    }
    const response = isObject(request.response) ? request.response : {};
    if (isObject(response.error)) {
      const error = response.error;
      log(`← POST ${request.path} refused: ${String(error.message)}`);
      state.add({ id: `note-${Date.now()}-${Math.random()}`, from: "system", at: Date.now(), reactions: {}, bubble: { kind: "error", text: `The Graph API refused the bot's ${String(body.type ?? "request")}: ${String(error.message)}` } });
      return;
    }

    if (body.status === "read") {
      const id = String(body.message_id);
      state.update(id, (item) => void (item.ticks = "read"));
      if (isObject(body.typing_indicator)) state.typing(true);
      log(`← read receipt${isObject(body.typing_indicator) ? " + typing" : ""}`);
      return;
    }

    const messages = Array.isArray(response.messages) ? response.messages : [];
    const wamid = isObject(messages[0]) ? String(messages[0].id) : undefined;
    if (!wamid) return;
    const tracker = typeof body.biz_opaque_callback_data === "string" ? body.biz_opaque_callback_data : undefined;
    this.#reported.set(wamid, { done: new Set(), chain: Promise.resolve(), template: body.type === "template", ...(tracker ? { tracker } : {}) });
    log(`← ${String(body.type)}${isObject(body.interactive) ? `/${String(body.interactive.type)}` : ""} ${wamid.slice(0, 24)}…`);

    if (body.type === "reaction" && isObject(body.reaction)) {
      const { message_id: target, emoji } = body.reaction;
      state.typing(false);
      state.update(String(target), (item) => {
        if (typeof emoji === "string" && emoji) item.reactions.bot = emoji;
        else delete item.reactions.bot;
      });
      this.#report(wamid, "sent");
      this.#report(wamid, "delivered");
      return;
    }

    const item: ChatItem = { id: wamid, from: "bot", at: Date.now(), bubble: toBubble(body, this.#ctx.templates), reactions: {} };
    const quoted = isObject(body.context) ? state.get(String(body.context.message_id)) : undefined;
    if (quoted) item.quote = { id: quoted.id, from: quoted.from, text: summary(quoted.bubble) };
    const to = String(body.to ?? body.recipient ?? "");
    if (to && to.replace(/\D/g, "") !== this.#ctx.parties.user.waId) {
      item.bubble.note = [item.bubble.note, `sent to ${to}, not to this chat's user`].filter(Boolean).join(" · ");
    }
    state.add(item);
    this.#report(wamid, "sent");
  };

  /** The page has shown these messages (`read` when the chat was in view). */
  seen(ids: readonly string[], read: boolean): void {
    for (const id of ids) {
      if (!this.#reported.has(id)) continue;
      this.#report(id, "delivered");
      if (read) this.#report(id, "read");
    }
  }

  #report(id: string, status: StatusName): void {
    const entry = this.#reported.get(id);
    if (!entry || entry.done.has(status)) return;
    entry.done.add(status);
    const { parties, sender, log } = this.#ctx;
    const payload = statusPayload(parties, { messageId: id, status, template: entry.template, ...(entry.tracker ? { tracker: entry.tracker } : {}) });
    entry.chain = entry.chain.then(async () => {
      const d = await sender.post(payload);
      if (!d.ok) log(`→ webhook status ${status} FAILED: ${d.error ?? d.status}`);
    });
  }
}
