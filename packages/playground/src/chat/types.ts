/**
 * What the page shows: chat items and their bubbles, as plain JSON (sent over
 * server-sent events). The server turns Graph API bodies into bubbles, so the page
 * only lays them out.
 */

export type Sender = "user" | "bot" | "system";

/**
 * The ticks of a message. For the user's own messages: `sent` once the playground
 * took it, `delivered` once the bot's webhook answered 200, `read` once the bot
 * marked it read, `failed` when the webhook never took it.
 */
export type Ticks = "sent" | "delivered" | "read" | "failed";

export interface Media {
  type: "image" | "video" | "audio" | "document" | "sticker";
  /** `/media/{id}` (served from the Graph server's media) or the link the bot gave. */
  src: string;
  filename?: string;
}

export interface ReplyButton {
  id: string;
  title: string;
  /** A template's quick reply (answered as a `button` message), else a reply button (`interactive.button_reply`). */
  quickReply?: boolean;
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface FlowButton {
  cta: string;
  /** `navigate` (open `screen` with `data`) or `data_exchange` (ask the endpoint: INIT). */
  action: "navigate" | "data_exchange";
  screen?: string;
  data?: Record<string, unknown>;
  token: string;
  flowId?: string;
  flowName?: string;
}

/** One card of a media carousel: its media, text, and quick replies or link. */
export interface Card {
  media?: Media;
  text?: string;
  buttons?: ReplyButton[];
  links?: { title: string; url: string }[];
}

export interface Bubble {
  /** The Graph message type (`text`, `image`, `interactive/list`, `template`…): a hook for styles and tests. */
  kind: string;
  header?: string;
  media?: Media;
  /** Body or caption, with WhatsApp's formatting marks (*bold* _italic_ ~strike~ ```mono```). */
  text?: string;
  footer?: string;
  buttons?: ReplyButton[];
  list?: { button: string; sections: { title?: string; rows: ListRow[] }[] };
  links?: { title: string; url: string }[];
  /** A button the page handles itself: share a location, open a flow; or one it can only show. */
  action?: { kind: "location" | "flow" | "inert"; title: string };
  flow?: FlowButton;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  contacts?: { name: string; phones: string[] }[];
  /** A media carousel's cards, scrolled sideways under the bubble's text. */
  cards?: Card[];
  /** A small grey line under the bubble (e.g. a template's name, or what the playground cannot show). */
  note?: string;
}

export interface ChatItem {
  /** The wamid (system notes get a local id). */
  id: string;
  from: Sender;
  /** Milliseconds since the epoch. */
  at: number;
  bubble: Bubble;
  ticks?: Ticks;
  /** Why a user's message failed to reach the bot. */
  error?: string;
  /** The message this one quotes. */
  quote?: { id: string; from: Sender; text: string };
  /** Reactions on this message, by who reacted. */
  reactions: { user?: string; bot?: string };
}

/** Static facts the page shows in its header and info panel. */
export interface ChatInfo {
  botName: string;
  userName: string;
  userWaId: string;
  displayPhoneNumber: string;
  webhookUrl: string;
  graphUrl: string;
  flowEndpoint?: string;
}
