// One chat item → its DOM, laid out as WhatsApp shows it. Items come from the
// server already turned into bubbles (see src/chat/types.ts for their shape).
import { icons } from "./icons.js";
import { formatText } from "./markdown.js";

const TICKS = { sent: "✓", delivered: "✓✓", read: "✓✓", failed: "!" };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    // "icon" puts one of icons.js in front of the text.
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "html") node.innerHTML = value;
    else if (key === "icon") node.insertAdjacentHTML("afterbegin", icons[value]);
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children.flat()) if (child !== undefined && child !== null && child !== false) node.append(child);
  return node;
}

const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

function media(m) {
  if (m.type === "image" || m.type === "sticker") return el("img", { class: `media ${m.type}`, src: m.src, alt: m.type, loading: "lazy" });
  if (m.type === "video") return el("video", { class: "media", src: m.src, controls: true, preload: "metadata" });
  if (m.type === "audio") return el("audio", { class: "media audio", src: m.src, controls: true, preload: "none" });
  return el("a", { class: "document", href: m.src, target: "_blank", rel: "noopener", download: m.filename ?? "", icon: "doc" }, m.filename ?? "Document");
}

function location(l) {
  const where = `${l.latitude.toFixed(5)}, ${l.longitude.toFixed(5)}`;
  return el(
    "a",
    { class: "location", href: `https://www.openstreetmap.org/?mlat=${l.latitude}&mlon=${l.longitude}#map=16/${l.latitude}/${l.longitude}`, target: "_blank", rel: "noopener" },
    el("div", { class: "map", icon: "pin" }),
    el("div", { class: "place" }, l.name ?? "Location"),
    l.address ? el("div", { class: "address" }, l.address) : null,
    el("div", { class: "coords" }, where),
  );
}

/** Buttons under the bubble; `on(kind, payload)` is called when one is tapped. */
function actions(item, on) {
  const b = item.bubble;
  const rows = [];
  for (const button of b.buttons ?? []) {
    rows.push(el("button", { class: "action reply-button", "data-id": button.id, icon: "reply", onclick: () => on("button", { messageId: item.id, id: button.id }) }, button.title));
  }
  if (b.list) rows.push(el("button", { class: "action list-button", icon: "list", onclick: () => on("list", item) }, b.list.button));
  for (const link of b.links ?? []) {
    rows.push(el("a", { class: "action link-button", href: link.url, target: "_blank", rel: "noopener noreferrer", icon: "link" }, link.title));
  }
  if (b.action) {
    const icon = { location: "pin", flow: "form" }[b.action.kind];
    rows.push(el("button", { class: `action ${b.action.kind}-button`, disabled: b.action.kind === "inert", icon, onclick: () => on(b.action.kind, item) }, b.action.title));
  }
  return rows.length ? el("div", { class: "actions" }, rows) : null;
}

/** A carousel's cards, side by side: each with its media, text, and its own buttons. */
function cards(item, on) {
  const list = item.bubble.cards ?? [];
  if (!list.length) return null;
  return el(
    "div",
    { class: "cards" },
    list.map((card, index) =>
      el(
        "div",
        { class: "card", "data-card": String(index) },
        card.media ? media(card.media) : null,
        card.text ? el("div", { class: "text", html: formatText(card.text) }) : null,
        actions({ id: item.id, bubble: { buttons: card.buttons, links: card.links } }, on),
      ),
    ),
  );
}

export function renderItem(item, on) {
  const b = item.bubble;
  if (item.from === "system") return el("div", { class: "system", "data-id": item.id }, b.text ?? "");

  const reactions = Object.values(item.reactions ?? {}).filter(Boolean);
  const bubble = el(
    "div",
    { class: `bubble kind-${b.kind.replace(/\W/g, "-")}`, ondblclick: item.from === "bot" ? () => on("react", item) : undefined },
    item.quote ? el("div", { class: `quote from-${item.quote.from}` }, el("div", { class: "quote-who" }, item.quote.from === "user" ? "You" : "Bot"), el("div", {}, item.quote.text)) : null,
    b.header ? el("div", { class: "header", html: formatText(b.header) }) : null,
    b.media ? media(b.media) : null,
    b.location ? location(b.location) : null,
    (b.contacts ?? []).map((c) => el("div", { class: "contact", icon: "contact" }, c.name, c.phones.length ? el("div", { class: "phones" }, c.phones.join(", ")) : null)),
    b.text !== undefined && b.text !== "" ? el("div", { class: "text", html: formatText(b.text) }) : null,
    b.footer ? el("div", { class: "footer" }, b.footer) : null,
    el(
      "div",
      { class: "meta" },
      time(item.at),
      item.from === "user" && item.ticks ? el("span", { class: `ticks ticks-${item.ticks}`, "data-ticks": item.ticks, title: item.error ?? item.ticks }, TICKS[item.ticks]) : null,
    ),
    reactions.length ? el("div", { class: "reactions" }, reactions.join("")) : null,
  );
  return el(
    "div",
    { class: `row from-${item.from}`, "data-id": item.id, "data-from": item.from, "data-kind": b.kind },
    el("div", { class: "stack" }, bubble, cards(item, on), actions(item, on), item.error ? el("div", { class: "error" }, item.error) : null, b.note ? el("div", { class: "note" }, b.note) : null),
  );
}

export { el };
