import type { ChatInfo, ChatItem } from "./types.ts";

export type ChatEvent =
  | { type: "snapshot"; info: ChatInfo; items: ChatItem[]; typing: boolean }
  | { type: "item"; item: ChatItem }
  | { type: "typing"; on: boolean };

/** How long WhatsApp shows "typing…" without a new message. */
const TYPING_MS = 25_000;

/**
 * The one chat between the user and the bot: its items in order, the typing
 * indicator, and whoever listens (the page's event streams).
 */
export class ChatState {
  readonly info: ChatInfo;
  readonly #items: ChatItem[] = [];
  readonly #byId = new Map<string, ChatItem>();
  readonly #listeners = new Set<(event: ChatEvent) => void>();
  #typing: NodeJS.Timeout | undefined;

  constructor(info: ChatInfo) {
    this.info = info;
  }

  get items(): readonly ChatItem[] {
    return this.#items;
  }

  get(id: string): ChatItem | undefined {
    return this.#byId.get(id);
  }

  add(item: ChatItem): ChatItem {
    this.#items.push(item);
    this.#byId.set(item.id, item);
    if (item.from === "bot") this.typing(false);
    this.#emit({ type: "item", item });
    return item;
  }

  /** Changes an item in place and tells the listeners; unknown ids are ignored. */
  update(id: string, change: (item: ChatItem) => void): ChatItem | undefined {
    const item = this.#byId.get(id);
    if (!item) return undefined;
    change(item);
    this.#emit({ type: "item", item });
    return item;
  }

  typing(on: boolean): void {
    if (!on && this.#typing === undefined) return;
    clearTimeout(this.#typing);
    this.#typing = on ? setTimeout(() => this.typing(false), TYPING_MS).unref() : undefined;
    this.#emit({ type: "typing", on });
  }

  snapshot(): ChatEvent {
    return { type: "snapshot", info: this.info, items: [...this.#items], typing: this.#typing !== undefined };
  }

  subscribe(listener: (event: ChatEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether a page is watching (statuses beyond `sent` wait for one). */
  get watched(): boolean {
    return this.#listeners.size > 0;
  }

  close(): void {
    clearTimeout(this.#typing);
    this.#listeners.clear();
  }

  #emit(event: ChatEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
