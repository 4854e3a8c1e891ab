import type { MessageBase } from "../../updates/message.ts";
import type { Filter } from "../filter.ts";
import { builtin, isMessageOfType, type Loose, named, splitOptions } from "./util.ts";

/**
 * What the text filters read: the update's text fields (pywa's `_txt_fields`).
 * `Message`: text, caption; `CallbackButton` / `CallbackSelection`: data;
 * `MessageStatus`: tracker; `FlowCompletion`: token, body. An update without
 * text fields never matches.
 */
export interface TextFields {
  readonly textFields: readonly (string | undefined)[];
}

export interface TextOptions {
  /** Compare case-insensitively. Default false. */
  ignoreCase?: boolean;
}

export interface RegexOptions {
  /** Flags for the patterns given as strings (`"i"`, `"s"`, `"u"`, …); a RegExp keeps its own. */
  flags?: string;
  /** Shorthand for the `i` flag on the patterns given as strings. */
  ignoreCase?: boolean;
}

export interface CommandOptions extends TextOptions {
  /**
   * What a command starts with: a string of one-character prefixes (`"/!"`, the
   * default) or a list of prefixes, which may be longer than one character.
   */
  prefixes?: string | readonly string[];
}

/** Strings, then optionally an options object: `(…values, options?)`. */
export type WithOptions<T, O> = [...T[], O] | T[];

function isString(v: unknown): v is string {
  return typeof v === "string";
}

/** The update's text fields that hold a string. */
function texts(u: Loose): string[] {
  const fields = u.textFields;
  return Array.isArray(fields) ? fields.filter(isString) : [];
}

/** A text filter: `test(text)` is asked for every text field, with the case folded when asked to. */
function textFilter(
  name: string,
  args: readonly unknown[],
  values: string[],
  ignoreCase: boolean,
  test: (text: string, values: string[]) => boolean,
): Filter<TextFields> {
  const wanted = ignoreCase ? values.map((v) => v.toLowerCase()) : values;
  return builtin(named(name, args), (u) =>
    texts(u).some((t) => test(ignoreCase ? t.toLowerCase() : t, wanted)),
  );
}

/**
 * A text field equals (`===`) any of these strings. Note that on a `Message` the
 * caption counts too (as in pywa).
 *
 *   filters.matches("Hello", "Hi", { ignoreCase: true })
 */
export function matches(...args: WithOptions<string, TextOptions>): Filter<TextFields> {
  const { values, options } = splitOptions<string, TextOptions>(args, isString);
  return textFilter("matches", values, values, options.ignoreCase === true, (t, vs) => vs.includes(t));
}

/** A text field starts with any of these prefixes. `filters.startsWith("hi", { ignoreCase: true })` */
export function startsWith(...args: WithOptions<string, TextOptions>): Filter<TextFields> {
  const { values, options } = splitOptions<string, TextOptions>(args, isString);
  return textFilter("startsWith", values, values, options.ignoreCase === true, (t, vs) =>
    vs.some((v) => t.startsWith(v)),
  );
}

/** A text field ends with any of these suffixes. */
export function endsWith(...args: WithOptions<string, TextOptions>): Filter<TextFields> {
  const { values, options } = splitOptions<string, TextOptions>(args, isString);
  return textFilter("endsWith", values, values, options.ignoreCase === true, (t, vs) =>
    vs.some((v) => t.endsWith(v)),
  );
}

/** A text field contains any of these words (substrings). */
export function contains(...args: WithOptions<string, TextOptions>): Filter<TextFields> {
  const { values, options } = splitOptions<string, TextOptions>(args, isString);
  return textFilter("contains", values, values, options.ignoreCase === true, (t, vs) =>
    vs.some((v) => t.includes(v)),
  );
}

function isPattern(v: unknown): v is string | RegExp {
  return typeof v === "string" || v instanceof RegExp;
}

/**
 * A text field matches any of these patterns.
 *
 * - A pattern given as a **string** is anchored at the start of the text, like
 *   pywa's `re.match`: `regex("\\d+")` matches `"123 go"` but not `"go 123"`
 *   (compiled with the sticky `y` flag, so `a|b` is anchored as a whole; add `$`
 *   to anchor the end too). `options.flags` / `options.ignoreCase` apply to these.
 * - A **RegExp** is used as given, with `RegExp.test` semantics (it searches
 *   anywhere unless it has `^` or the `y` flag). Its `g` flag is dropped: the
 *   filter works on its own copy, so `lastIndex` never carries over between updates.
 *
 *   filters.regex("hello|hi", { ignoreCase: true })
 *   filters.regex(/\border #(\d+)/i)
 */
export function regex(...args: WithOptions<string | RegExp, RegexOptions>): Filter<TextFields> {
  const { values, options } = splitOptions<string | RegExp, RegexOptions>(args, isPattern);
  const stringFlags = [...new Set((options.flags ?? "") + (options.ignoreCase ? "i" : ""))]
    .filter((f) => f !== "g" && f !== "y")
    .join("");
  const compiled = values.map((p) =>
    typeof p === "string" ? new RegExp(p, `${stringFlags}y`) : new RegExp(p.source, p.flags.replace("g", "")),
  );
  return builtin(named("regex", values), (u) =>
    texts(u).some((t) =>
      compiled.some((re) => {
        re.lastIndex = 0; // sticky patterns start at 0 every time
        return re.test(t);
      }),
    ),
  );
}

/** The text of a text message, or undefined. */
function messageText(u: Loose): string | undefined {
  return isMessageOfType(u, "text") && typeof u.text === "string" ? u.text : undefined;
}

/** Text messages that look like a command: they start with `/` or `!`. */
export const isCommand: Filter<MessageBase> = builtin("isCommand", (u) => {
  const text = messageText(u);
  return text !== undefined && (text.startsWith("/") || text.startsWith("!"));
});

/**
 * Text messages that are one of these commands: a prefix (`/` or `!` by default)
 * followed by the command. As in pywa, the text after the prefix must *start with*
 * the command, so `command("start")` matches `/start`, `/start now` and `/started`.
 *
 *   filters.command("start", "help", { prefixes: "/", ignoreCase: true })
 */
export function command(...args: WithOptions<string, CommandOptions>): Filter<MessageBase> {
  const { values, options } = splitOptions<string, CommandOptions>(args, isString);
  const ignoreCase = options.ignoreCase === true;
  const cmds = ignoreCase ? values.map((c) => c.toLowerCase()) : values;
  const raw = options.prefixes ?? "/!";
  const prefixes = (typeof raw === "string" ? [...raw] : [...raw]).filter((p) => p.length > 0);
  return builtin(named("command", values), (u) => {
    const text = messageText(u);
    if (text === undefined) return false;
    return prefixes.some((prefix) => {
      if (!text.startsWith(prefix)) return false;
      const rest = text.slice(prefix.length);
      const body = ignoreCase ? rest.toLowerCase() : rest;
      return cmds.some((c) => body.startsWith(c));
    });
  });
}
