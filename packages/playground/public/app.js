// The chat page: follows the chat over server-sent events, sends what the user
// does as small JSON calls, and tells the server which bot messages it has shown
// (so the bot gets its delivered and read statuses).
import { icons } from "./icons.js";
import { renderItem } from "./render.js";
import { closeSheet, errorSheet, flowSheet, imageSheet, listSheet, locationSheet } from "./sheets.js";

const $ = (id) => document.getElementById(id);
const chat = $("chat");
const nodes = new Map();
const items = new Map();
const acked = { delivered: new Set(), read: new Set() };
let info;

async function post(path, body, headers = { "content-type": "application/json" }) {
  const res = await fetch(path, { method: "POST", headers, body: headers["content-type"] === "application/json" ? JSON.stringify(body) : body });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(answer.error ?? `${path} answered ${res.status}`);
  return answer;
}

const act = (action) => post("/api/messages", action).catch((e) => errorSheet(e.message));

/** What a tap on a bubble's button does. */
function onAction(kind, payload) {
  if (kind === "button") return act({ type: "button", messageId: payload.messageId, id: payload.id });
  if (kind === "list") return listSheet(payload, (row) => act({ type: "list", messageId: payload.id, id: row.id }));
  if (kind === "location") return locationSheet((l) => act({ type: "location", ...l }));
  if (kind === "react") return act({ type: "reaction", messageId: payload.id, emoji: payload.reactions?.user ? "" : "👍" });
  if (kind === "flow") return openFlow(payload);
}

async function openFlow(item) {
  try {
    const step = await post("/api/flows/open", { messageId: item.id });
    if (step.done) return;
    const submit = async (data) => {
      const next = await post("/api/flows/submit", { session: step.screen.session, screen: current.screen, data });
      if (next.done) return undefined;
      current = next.screen;
      return current;
    };
    let current = step.screen;
    flowSheet(current, submit);
  } catch (e) {
    errorSheet(e.message);
  }
}

function show(item) {
  items.set(item.id, item);
  const node = renderItem(item, onAction);
  const old = nodes.get(item.id);
  const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80;
  if (old) old.replaceWith(node);
  else chat.append(node);
  nodes.set(item.id, node);
  if (!old || atBottom) chat.scrollTop = chat.scrollHeight;
}

/** Delivered once shown; read when the page is in view. */
function acknowledge() {
  const read = document.visibilityState === "visible";
  const ids = [...items.values()].filter((i) => i.from === "bot" && !(read ? acked.read : acked.delivered).has(i.id)).map((i) => i.id);
  if (!ids.length) return;
  for (const id of ids) {
    acked.delivered.add(id);
    if (read) acked.read.add(id);
  }
  post("/api/seen", { ids, read }).catch(() => {});
}
document.addEventListener("visibilitychange", acknowledge);

function setInfo(next) {
  info = next;
  $("bot-name").textContent = info.botName;
  $("avatar").textContent = info.botName.slice(0, 1).toUpperCase();
  const line = (label, value) => (value ? `<div><b>${label}</b> <code>${value.replace(/</g, "&lt;")}</code></div>` : "");
  $("info").innerHTML =
    line("You", `${info.userName} (+${info.userWaId})`) +
    line("Business number", `+${info.displayPhoneNumber}`) +
    line("Bot webhook", info.webhookUrl) +
    line("Graph API (the bot's graphUrl)", info.graphUrl) +
    line("Flow endpoint", info.flowEndpoint) +
    "<div class='hint'>Double-click a bot message to react with a thumbs-up.</div>";
}

function setPresence(text) {
  $("presence").textContent = text;
  $("presence").classList.toggle("typing", text === "typing…");
}

function connect() {
  const events = new EventSource("/api/events");
  events.addEventListener("snapshot", (e) => {
    const snapshot = JSON.parse(e.data);
    setInfo(snapshot.info);
    chat.replaceChildren();
    nodes.clear();
    items.clear();
    for (const item of snapshot.items) show(item);
    setPresence(snapshot.typing ? "typing…" : "online");
    document.body.dataset.ready = "true";
    acknowledge();
  });
  events.addEventListener("item", (e) => {
    show(JSON.parse(e.data).item);
    acknowledge();
  });
  events.addEventListener("typing", (e) => setPresence(JSON.parse(e.data).on ? "typing…" : "online"));
  events.onerror = () => setPresence("reconnecting…");
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("text");
  const text = input.value;
  if (!text.trim()) return;
  input.value = "";
  act({ type: "text", text });
});
$("attach").addEventListener("click", () => ($("attach-menu").hidden = !$("attach-menu").hidden));
$("attach-image").addEventListener("click", () => (($("attach-menu").hidden = true), $("file").click()));
$("attach-location").addEventListener("click", () => (($("attach-menu").hidden = true), locationSheet((l) => act({ type: "location", ...l }))));
$("file").addEventListener("change", () => {
  const file = $("file").files[0];
  $("file").value = "";
  if (!file) return;
  imageSheet(file, async (caption) => {
    try {
      const { id } = await post("/api/media", file, { "content-type": file.type || "application/octet-stream" });
      await post("/api/messages", { type: "image", mediaId: id, caption: caption || undefined });
    } catch (e) {
      errorSheet(e.message);
    }
  });
});
$("info-toggle").addEventListener("click", () => ($("info").hidden = !$("info").hidden));
$("sheet").addEventListener("click", (event) => event.target === $("sheet") && closeSheet());

$("info-toggle").innerHTML = icons.info;
$("attach").innerHTML = icons.attach;
$("send").innerHTML = icons.send;
$("attach-image").insertAdjacentHTML("afterbegin", icons.photo);
$("attach-location").insertAdjacentHTML("afterbegin", icons.pin);
connect();
