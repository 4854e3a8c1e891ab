import { mediaSrc } from "./media-src.ts";
import type { Bubble, Media } from "./types.ts";

type Json = Record<string, unknown>;

/**
 * A template as Meta stores it (what `GET /{waba-id}/message_templates` lists):
 * components HEADER / BODY / FOOTER / BUTTONS with `{{1}}` or `{{name}}` placeholders.
 */
export interface TemplateDefinition {
  name: string;
  language: string;
  category?: string;
  components: Json[];
}

/** Templates the playground can render, by name and language. */
export class TemplateBook {
  readonly #byKey = new Map<string, TemplateDefinition>();

  constructor(definitions: readonly TemplateDefinition[] = []) {
    for (const d of [...BUILT_IN, ...definitions]) this.#byKey.set(`${d.name}\u0000${d.language}`, d);
  }

  find(name: string, language: string | undefined): TemplateDefinition | undefined {
    const exact = language === undefined ? undefined : this.#byKey.get(`${name}\u0000${language}`);
    return exact ?? [...this.#byKey.values()].find((d) => d.name === name);
  }
}

/** Every WhatsApp Business account starts with this one. */
const BUILT_IN: TemplateDefinition[] = [
  {
    name: "hello_world",
    language: "en_US",
    category: "UTILITY",
    components: [
      { type: "HEADER", format: "TEXT", text: "Hello World" },
      {
        type: "BODY",
        text: "Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.",
      },
      { type: "FOOTER", text: "WhatsApp Business Platform sample message" },
    ],
  },
];

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** A sent `template` payload as the user would see it, filled in from its definition. */
export function renderTemplate(payload: Json, book: TemplateBook): Bubble {
  const name = str(payload.name) ?? "?";
  const language = isObject(payload.language) ? str(payload.language.code) : undefined;
  const sent = list(payload.components);
  const part = (type: string) => sent.find((c) => str(c.type)?.toLowerCase() === type);
  const params = (type: string) => list(part(type)?.parameters);
  const definition = book.find(name, language);

  if (!definition) {
    const values = params("body").map(paramText).filter(Boolean);
    return {
      kind: "template",
      text: `*${name}*${values.length ? `\n${values.join("\n")}` : ""}`,
      note: `template ${name} (${language ?? "?"}) is not known to the playground: give its definition with --templates`,
    };
  }

  const bubble: Bubble = { kind: "template", note: `template ${name} (${definition.language})` };
  for (const component of definition.components) {
    const type = str(component.type)?.toUpperCase();
    const text = str(component.text);
    if (type === "HEADER") {
      const format = str(component.format)?.toUpperCase() ?? "TEXT";
      if (format === "TEXT" && text !== undefined) bubble.header = fill(text, params("header"));
      else {
        const kind = format.toLowerCase() as Media["type"];
        const src = mediaSrc(params("header")[0]?.[kind]);
        if (src) bubble.media = { type: kind, src };
      }
    } else if (type === "BODY" && text !== undefined) bubble.text = fill(text, params("body"));
    else if (type === "FOOTER" && text !== undefined) bubble.footer = text;
    else if (type === "BUTTONS") addButtons(bubble, list(component.buttons), sent);
  }
  return bubble;
}

function addButtons(bubble: Bubble, buttons: Json[], sent: Json[]): void {
  buttons.forEach((button, index) => {
    const given = sent.find((c) => str(c.type) === "button" && Number(c.index) === index);
    const param = list(given?.parameters)[0];
    const title = str(button.text) ?? "";
    switch (str(button.type)?.toUpperCase()) {
      case "QUICK_REPLY":
        (bubble.buttons ??= []).push({ id: str(param?.payload) ?? title, title, quickReply: true });
        break;
      case "URL":
        (bubble.links ??= []).push({ title, url: fill(str(button.url) ?? "", param ? [param] : []) });
        break;
      case "PHONE_NUMBER":
        (bubble.links ??= []).push({ title, url: `tel:${str(button.phone_number) ?? ""}` });
        break;
      default:
        bubble.action ??= { kind: "inert", title };
    }
  });
}

/** `{{1}}` by position, `{{name}}` by `parameter_name`; placeholders without a value stay. */
function fill(text: string, parameters: Json[]): string {
  return text.replace(/\{\{\s*([\w]+)\s*\}\}/g, (whole, key: string) => {
    const param = /^\d+$/.test(key) ? parameters[Number(key) - 1] : parameters.find((p) => p.parameter_name === key);
    return param ? paramText(param) || whole : whole;
  });
}

function paramText(p: Json): string {
  const type = str(p.type);
  if (type === "text") return str(p.text) ?? "";
  if (type === "payload") return str(p.payload) ?? "";
  if ((type === "currency" || type === "date_time") && isObject(p[type])) return str((p[type] as Json).fallback_value) ?? "";
  return "";
}
