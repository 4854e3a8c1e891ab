import type { Filter } from "../handlers/filter.ts";
import { builtin } from "../handlers/filters/util.ts";
import { callbackDataFieldOf } from "./carriers.ts";
import {
  type CallbackDataFields,
  type CallbackDataInput,
  type CallbackDataValues,
  type FieldCodec,
  fieldCodec,
} from "./fields.ts";
import { FIELD_SEPARATOR, hasSeparator, shown } from "./wire.ts";

/**
 * Typed callback data (pywa's `CallbackData` subclasses): one kind of button, list
 * row or tracker, written in pywa's format `id~field1~field2…`.
 */
export interface CallbackDataFactory<F extends CallbackDataFields = CallbackDataFields> {
  /** The id every encoded string starts with (pywa's `__callback_id__`). */
  readonly id: string;
  /** The fields, in the order they are written. */
  readonly fields: F;
  /**
   * The string to put in a button's `callbackData`, a list row's `callbackData` or a
   * send's `tracker`. Meta allows 256 characters for a button, 200 for a row and 512
   * for a tracker; `encode` does not know where the string goes, so keep values short.
   * A value of the wrong type, or a string with `~` or `¶` in it, is a TypeError
   * naming the field.
   */
  encode(value: CallbackDataInput<F>): string;
  /** The values back from a string `encode` made; anything else is a TypeError. */
  decode(text: string): CallbackDataValues<F>;
  /** Whether `text` is this factory's data (starts with `id~`); `decode` may still refuse it. */
  matches(text: unknown): text is string;
  /**
   * Matches a `CallbackButton` / `CallbackSelection` whose `data`, or a `MessageStatus` /
   * `CallStatus` whose `tracker`, is this factory's (`matches`). The update is not
   * changed: for decoded data register the handler with `{ factory }` instead.
   */
  readonly filter: Filter<unknown>;
}

/** A factory of any fields (what the `factory` option accepts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCallbackDataFactory = CallbackDataFactory<any>;

/** The decoded values of a factory: `CallbackDataOf<typeof OrderAction>`. */
export type CallbackDataOf<C> = C extends CallbackDataFactory<infer F> ? CallbackDataValues<F> : never;

/**
 * Defines a kind of callback data (pywa's `CallbackData` subclass):
 *
 *   const OrderAction = callbackData("order", { id: "int", action: ["ship", "cancel"], urgent: "bool", note: "str?" });
 *   OrderAction.encode({ id: 42, action: "ship", urgent: true }); // "order~42~ship~§~¤"
 *
 * The fields are written in the order of the object's keys, so reordering them (or
 * renaming the id) changes the format: buttons already sent stop decoding. Field
 * names that are integers ("0", "12") are refused, since JavaScript puts them first
 * whatever their place in the literal. The id is required (pywa numbers its classes
 * by definition order, which a bundler may change) and must not contain `~` or `¶`.
 */
export function callbackData<const F extends CallbackDataFields>(id: string, fields: F): CallbackDataFactory<F> {
  const where = `callbackData(${shown(id)})`;
  if (typeof id !== "string" || id === "") throw new TypeError(`callbackData: the id must be a non-empty string, got ${shown(id)}`);
  if (hasSeparator(id)) throw new TypeError(`${where}: the id must not contain "~" or "¶" (the separators)`);
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    throw new TypeError(`${where}: the fields must be an object of { name: type }, got ${shown(fields)}`);
  }
  const names = Object.keys(fields);
  if (names.length === 0) throw new TypeError(`${where}: at least one field is needed (as in pywa)`);
  const codecs: FieldCodec[] = names.map((name) => {
    if (/^(0|[1-9]\d*)$/.test(name)) {
      throw new TypeError(`${where}: the field name "${name}" is an integer, which JavaScript orders first; the wire order would not be the written one`);
    }
    return fieldCodec(where, name, fields[name]);
  });
  const known: ReadonlySet<string> = new Set(names);
  const prefix = id + FIELD_SEPARATOR;
  const matches = (text: unknown): text is string => typeof text === "string" && text.startsWith(prefix);

  const encode = (value: CallbackDataInput<F>): string => {
    if (typeof value !== "object" || value === null) throw new TypeError(`${where}.encode: expected an object of the fields, got ${shown(value)}`);
    const unknown = Object.keys(value).find((key) => !known.has(key));
    if (unknown !== undefined) throw new TypeError(`${where}.encode: "${unknown}" is not a field (the fields are ${names.join(", ")})`);
    const parts = [id];
    for (const codec of codecs) {
      const out = codec.encode((value as Record<string, unknown>)[codec.name]);
      if ("error" in out) throw new TypeError(`${where}.encode: field "${codec.name}" ${out.error}`);
      parts.push(out.text);
    }
    return parts.join(FIELD_SEPARATOR);
  };

  const decode = (text: string): CallbackDataValues<F> => {
    if (!matches(text)) throw new TypeError(`${where}.decode: ${shown(text)} is not ${id} data (it must start with ${shown(prefix)})`);
    const parts = text.slice(prefix.length).split(FIELD_SEPARATOR);
    if (parts.length !== codecs.length) {
      throw new TypeError(`${where}.decode: ${shown(text)} has ${parts.length} fields, expected ${codecs.length} (${names.join(", ")})`);
    }
    const result: Record<string, unknown> = {};
    codecs.forEach((codec, i) => {
      const out = codec.decode(parts[i]!);
      if ("error" in out) throw new TypeError(`${where}.decode: field "${codec.name}" ${out.error}`);
      result[codec.name] = out.value;
    });
    return result as CallbackDataValues<F>;
  };

  const filter = builtin<unknown>(where, (u) => {
    const field = callbackDataFieldOf(u.kind);
    return field !== undefined && matches(u[field]);
  });

  return Object.freeze({ id, fields: Object.freeze({ ...fields }), encode, decode, matches, filter });
}

/** Whether `value` can serve as a `factory` option (made by `callbackData`, or shaped like it). */
export function isCallbackDataFactory(value: unknown): value is AnyCallbackDataFactory {
  const f = value as Partial<AnyCallbackDataFactory> | null;
  return typeof f === "object" && f !== null && typeof f.matches === "function" && typeof f.decode === "function";
}
