import { FALSE, NULL, TRUE, hasSeparator, shown } from "./wire.ts";

/** A field of one of pywa's scalar types. */
export type ScalarField = "str" | "int" | "float" | "bool";

/**
 * How a field is written. `"str"`, `"int"`, `"float"`, `"bool"`; the same with `?`
 * (`"int?"`) for pywa's `Optional[T]`, whose null is written `¤`; or an enum (pywa's
 * `str`-based `Enum`) given as its values, `["ship", "cancel"]`, with `null` among
 * them when it is optional.
 */
export type CallbackDataField = ScalarField | `${ScalarField}?` | readonly (string | null)[];

/** The fields of a callback data, in the order they are written (see `callbackData`). */
export type CallbackDataFields = { readonly [name: string]: CallbackDataField };

interface ScalarTypes {
  str: string;
  int: number;
  float: number;
  bool: boolean;
}

/** The value type of one field. */
export type FieldValue<S> = S extends ScalarField
  ? ScalarTypes[S]
  : S extends `${infer T extends ScalarField}?`
    ? ScalarTypes[T] | null
    : S extends readonly (infer E)[]
      ? E
      : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type NullableKeys<F> = { [K in keyof F]: null extends FieldValue<F[K]> ? K : never }[keyof F];

/** What `decode` returns: every field, an optional one as `null` when absent. */
export type CallbackDataValues<F> = Simplify<{ -readonly [K in keyof F]: FieldValue<F[K]> }>;

/** What `encode` takes: the optional fields may also be left out (or `undefined`). */
export type CallbackDataInput<F> = Simplify<
  { [K in Exclude<keyof F, NullableKeys<F>>]: FieldValue<F[K]> } & {
    [K in NullableKeys<F>]?: FieldValue<F[K]> | undefined;
  }
>;

/** One field, compiled: how to write and read it. Errors are messages for the caller to place. */
export interface FieldCodec {
  readonly name: string;
  readonly nullable: boolean;
  /** The wire text, or an error message. */
  encode(value: unknown): { text: string } | { error: string };
  /** The value, or an error message. */
  decode(text: string): { value: unknown } | { error: string };
}

const SCALARS: ReadonlySet<string> = new Set(["str", "int", "float", "bool"]);
// What Python's `str(int)` and `str(float)` print for finite numbers (and JS's String too).
const INT = /^-?\d+$/;
const FLOAT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Checks one field's spec and compiles it; a bad spec is a TypeError naming the field. */
export function fieldCodec(where: string, name: string, spec: unknown): FieldCodec {
  if (Array.isArray(spec)) return enumCodec(where, name, spec);
  if (typeof spec === "string") {
    const nullable = spec.endsWith("?");
    const kind = nullable ? spec.slice(0, -1) : spec;
    if (SCALARS.has(kind)) return scalarCodec(name, kind as ScalarField, nullable);
  }
  throw new TypeError(
    `${where}: field "${name}" has the type ${shown(spec)}; use "str", "int", "float", "bool" (with "?" when optional) or an array of enum values`,
  );
}

function scalarCodec(name: string, kind: ScalarField, nullable: boolean): FieldCodec {
  const write = (value: unknown): { text: string } | { error: string } => {
    switch (kind) {
      case "str":
        if (typeof value !== "string") return { error: `must be a string, got ${shown(value)}` };
        if (hasSeparator(value)) return { error: `must not contain "~" or "¶" (the separators), got ${shown(value)}` };
        // An optional string that reads "¤" would come back as null.
        if (nullable && value === NULL) return { error: `must not be "¤" (it stands for null)` };
        return { text: value };
      case "int":
        if (typeof value !== "number" || !Number.isSafeInteger(value)) return { error: `must be a safe integer, got ${shown(value)}` };
        return { text: String(value) };
      case "float":
        if (typeof value !== "number" || !Number.isFinite(value)) return { error: `must be a finite number, got ${shown(value)}` };
        return { text: String(value) };
      case "bool":
        if (typeof value !== "boolean") return { error: `must be a boolean, got ${shown(value)}` };
        return { text: value ? TRUE : FALSE };
    }
  };
  const read = (text: string): { value: unknown } | { error: string } => {
    switch (kind) {
      case "str":
        return { value: text };
      case "int": {
        const n = Number(text);
        return INT.test(text) && Number.isSafeInteger(n) ? { value: n } : { error: `is not an integer: ${shown(text)}` };
      }
      case "float":
        return FLOAT.test(text) ? { value: Number(text) } : { error: `is not a number: ${shown(text)}` };
      case "bool":
        return text === TRUE ? { value: true } : text === FALSE ? { value: false } : { error: `is not "§" or "" (a boolean): ${shown(text)}` };
    }
  };
  return nullableCodec(name, nullable, write, read);
}

function enumCodec(where: string, name: string, spec: readonly unknown[]): FieldCodec {
  const nullable = spec.includes(null);
  const values = spec.filter((v) => v !== null);
  if (values.length === 0) throw new TypeError(`${where}: field "${name}" is an enum without values`);
  for (const v of values) {
    if (typeof v !== "string") throw new TypeError(`${where}: field "${name}": enum values must be strings, got ${shown(v)}`);
    if (hasSeparator(v)) throw new TypeError(`${where}: field "${name}": the enum value ${shown(v)} contains "~" or "¶" (the separators)`);
    if (nullable && v === NULL) throw new TypeError(`${where}: field "${name}": the enum value "¤" stands for null in an optional field`);
  }
  const allowed: ReadonlySet<unknown> = new Set(values);
  const list = values.map((v) => JSON.stringify(v)).join(", ");
  return nullableCodec(
    name,
    nullable,
    (value) => (allowed.has(value) ? { text: value as string } : { error: `must be one of ${list}, got ${shown(value)}` }),
    (text) => (allowed.has(text) ? { value: text } : { error: `is not one of ${list}: ${shown(text)}` }),
  );
}

/** Adds pywa's `Optional[T]`: null (or a missing value) is written `¤` and read back as null. */
function nullableCodec(
  name: string,
  nullable: boolean,
  write: FieldCodec["encode"],
  read: FieldCodec["decode"],
): FieldCodec {
  return {
    name,
    nullable,
    encode: (value) =>
      value === null || value === undefined
        ? nullable
          ? { text: NULL }
          : { error: value === undefined ? "is missing" : "must not be null (the field is not optional)" }
        : write(value),
    decode: (text) => (nullable && text === NULL ? { value: null } : read(text)),
  };
}
