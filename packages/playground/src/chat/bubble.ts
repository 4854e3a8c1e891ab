import { mediaSrc } from "./media-src.ts";
import { renderTemplate, type TemplateBook } from "./templates.ts";
import type { Bubble, Card, FlowButton, Media } from "./types.ts";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const MEDIA_TYPES = ["image", "video", "audio", "document", "sticker"] as const;

function media(type: Media["type"], object: unknown): Media | undefined {
  const src = mediaSrc(object);
  if (!src) return undefined;
  const filename = isObject(object) ? str(object.filename) : undefined;
  return { type, src, ...(filename ? { filename } : {}) };
}

/**
 * A message the bot sent (`POST /{phone-id}/messages`, as the Graph API received it)
 * laid out as WhatsApp shows it. Reactions are not bubbles: see bot.ts.
 */
export function toBubble(message: Json, templates: TemplateBook): Bubble {
  const type = str(message.type) ?? "text";
  const payload = message[type];

  if (type === "text" && isObject(payload)) return { kind: "text", text: str(payload.body) ?? "" };
  if ((MEDIA_TYPES as readonly string[]).includes(type) && isObject(payload)) {
    const m = media(type as Media["type"], payload);
    const caption = str(payload.caption);
    return { kind: type, ...(m ? { media: m } : {}), ...(caption ? { text: caption } : {}) };
  }
  if (type === "location" && isObject(payload)) {
    const { latitude, longitude } = payload;
    return {
      kind: "location",
      location: { latitude: Number(latitude), longitude: Number(longitude), ...optional("name", str(payload.name)), ...optional("address", str(payload.address)) },
    };
  }
  if (type === "contacts" && Array.isArray(payload)) {
    const contacts = payload.filter(isObject).map((c) => ({
      name: (isObject(c.name) ? str(c.name.formatted_name) : undefined) ?? "Contact",
      phones: Array.isArray(c.phones) ? c.phones.filter(isObject).map((p) => str(p.phone) ?? "").filter(Boolean) : [],
    }));
    return { kind: "contacts", contacts };
  }
  if (type === "interactive" && isObject(payload)) return interactive(payload);
  if (type === "template" && isObject(payload)) return renderTemplate(payload, templates);
  return { kind: type, text: "", note: `a ${type} message (the playground does not draw these)` };
}

function interactive(i: Json): Bubble {
  const type = str(i.type) ?? "";
  const action = isObject(i.action) ? i.action : {};
  const bubble: Bubble = { kind: `interactive/${type}` };

  const header = isObject(i.header) ? i.header : undefined;
  if (header) {
    const headerType = str(header.type);
    if (headerType === "text") bubble.header = str(header.text) ?? "";
    else if (headerType === "image" || headerType === "video" || headerType === "document") {
      const m = media(headerType, header[headerType]);
      if (m) bubble.media = m;
    }
  }
  const body = isObject(i.body) ? str(i.body.text) : undefined;
  if (body !== undefined) bubble.text = body;
  const footer = isObject(i.footer) ? str(i.footer.text) : undefined;
  if (footer !== undefined) bubble.footer = footer;

  const parameters = isObject(action.parameters) ? action.parameters : {};
  switch (type) {
    case "button":
      bubble.buttons = replyButtons(action.buttons, "reply");
      break;
    case "list":
      bubble.list = {
        button: str(action.button) ?? "Menu",
        sections: (Array.isArray(action.sections) ? action.sections : []).filter(isObject).map((s) => ({
          ...optional("title", str(s.title)),
          rows: (Array.isArray(s.rows) ? s.rows : []).filter(isObject).map((r) => ({
            id: str(r.id) ?? "",
            title: str(r.title) ?? "",
            ...optional("description", str(r.description)),
          })),
        })),
      };
      break;
    case "cta_url":
      bubble.links = [ctaLink(parameters)];
      break;
    case "carousel":
      bubble.cards = (Array.isArray(action.cards) ? action.cards : []).filter(isObject).map(card);
      break;
    case "location_request_message":
      bubble.action = { kind: "location", title: "Send location" };
      break;
    case "flow":
      bubble.flow = flowButton(parameters);
      bubble.action = { kind: "flow", title: bubble.flow.cta };
      break;
    case "request_contact_info":
      bubble.action = { kind: "inert", title: "Share contact info" };
      break;
    case "voice_call":
      bubble.action = { kind: "inert", title: str(parameters.display_text) ?? "Call" };
      break;
    case "call_permission_request":
      bubble.action = { kind: "inert", title: "Allow calls" };
      break;
    default:
      bubble.note = `an interactive ${type} message (the playground shows only its text)`;
  }
  return bubble;
}

/** Reply buttons (`{ type: "reply", reply }`) or a carousel card's quick replies (`{ type: "quick_reply", quick_reply }`). */
function replyButtons(buttons: unknown, key: "reply" | "quick_reply"): { id: string; title: string }[] {
  return (Array.isArray(buttons) ? buttons : [])
    .filter(isObject)
    .map((b) => (isObject(b[key]) ? b[key] : {}))
    .map((r) => ({ id: str(r.id) ?? "", title: str(r.title) ?? "" }));
}

function ctaLink(parameters: Json): { title: string; url: string } {
  return { title: str(parameters.display_text) ?? "Open", url: str(parameters.url) ?? "" };
}

/** A carousel card: its image or video header, its text, and its quick replies or URL button. */
function card(c: Json): Card {
  const header = isObject(c.header) ? c.header : {};
  const headerType = str(header.type);
  const m = headerType === "image" || headerType === "video" ? media(headerType, header[headerType]) : undefined;
  const text = isObject(c.body) ? str(c.body.text) : undefined;
  const action = isObject(c.action) ? c.action : {};
  return {
    ...(m ? { media: m } : {}),
    ...optional("text", text),
    ...(Array.isArray(action.buttons) ? { buttons: replyButtons(action.buttons, "quick_reply") } : {}),
    ...(isObject(action.parameters) ? { links: [ctaLink(action.parameters)] } : {}),
  };
}

function flowButton(p: Json): FlowButton {
  const payload = isObject(p.flow_action_payload) ? p.flow_action_payload : {};
  return {
    cta: str(p.flow_cta) ?? "Open",
    action: p.flow_action === "data_exchange" ? "data_exchange" : "navigate",
    // WhatsApp uses "unused" when the business gave no token.
    token: str(p.flow_token) ?? "unused",
    ...optional("screen", str(payload.screen)),
    ...(isObject(payload.data) ? { data: payload.data } : {}),
    ...optional("flowId", str(p.flow_id)),
    ...optional("flowName", str(p.flow_name)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** One line of a bubble, for a quote. */
export function summary(bubble: Bubble): string {
  if (bubble.text) return bubble.text.split("\n")[0]!.slice(0, 100);
  if (bubble.header) return bubble.header;
  if (bubble.media) return bubble.media.filename ?? `📎 ${bubble.media.type}`;
  if (bubble.location) return `📍 ${bubble.location.name ?? "Location"}`;
  if (bubble.contacts) return `👤 ${bubble.contacts.map((c) => c.name).join(", ")}`;
  return bubble.kind;
}
