// WhatsApp's text formatting, as HTML: *bold*, _italic_, ~strike~, ```mono```,
// `code`, and links. Everything else is escaped first, so bot text can't inject HTML.

const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

// A mark opens after a start, space or punctuation and closes before an end,
// space or punctuation, with no space just inside it (as WhatsApp does).
const around = (mark, tag) =>
  [new RegExp(`(^|[\\s(\\[{"'.,!?;:-])\\${mark}(?!\\s)([^${mark}\\n]*?[^\\s${mark}])\\${mark}(?=$|[\\s)\\]}"'.,!?;:-])`, "g"), `$1<${tag}>$2</${tag}>`];

const RULES = [around("*", "strong"), around("_", "em"), around("~", "s")];

export function formatText(text) {
  const blocks = [];
  // Monospace and code first: their content is not formatted further.
  let html = escape(text)
    .replace(/```([\s\S]+?)```/g, (_, code) => `\u0000${blocks.push(`<code class="mono">${code}</code>`) - 1}\u0000`)
    .replace(/`([^`\n]+)`/g, (_, code) => `\u0000${blocks.push(`<code>${code}</code>`) - 1}\u0000`);
  for (const [pattern, replacement] of RULES) html = html.replace(pattern, replacement);
  html = html.replace(/\bhttps?:\/\/[^\s<]+[^\s<.,!?;:)]/g, (url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`);
  return html.replace(/\u0000(\d+)\u0000/g, (_, i) => blocks[Number(i)]).replace(/\n/g, "<br>");
}
