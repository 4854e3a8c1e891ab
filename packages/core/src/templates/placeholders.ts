/**
 * Template variables: `{{1}}` (positional) or `{{name}}` (named), read from a
 * text both by the compiler (from a literal type) and at run time, so that the
 * values a send needs are checked before anything leaves the process.
 */

/** The `{{…}}` names of a literal text, as a union; `never` when there are none. */
export type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** Whether every placeholder of the union is a number (`{{1}}`, `{{2}}`…). */
export type IsPositional<P extends string> = [P] extends [`${number}`] ? true : false;

/** `[V, V, …]` with one element per positional placeholder `{{1}}`…`{{n}}`. */
export type PositionalTuple<P extends string, V, Acc extends V[] = []> = `${[...Acc, V]["length"]}` extends P
  ? PositionalTuple<P, V, [...Acc, V]>
  : Readonly<Acc>;

/**
 * Values for the variables of a text: an object keyed by variable name (`{ name:
 * "Dana" }`, or `{ 1: "Dana" }` for positional ones), or, for positional
 * variables, a tuple in order. `never` when the text has no variable. A text
 * whose type is plain `string` (not a literal) accepts any keys.
 */
export type TextValues<S extends string, V> = string extends S
  ? Readonly<Record<string, V>> | readonly V[]
  : [Placeholders<S>] extends [never]
    ? never
    : IsPositional<Placeholders<S>> extends true
      ? { readonly [K in Placeholders<S>]: V } | PositionalTuple<Placeholders<S>, V>
      : { readonly [K in Placeholders<S>]: V };

/** An example value for review, or a value to send: numbers are sent as text. */
export type TextExample<S extends string> = TextValues<S, string | number>;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * The distinct placeholders of a text: positional ones in number order ({{1}}
 * first, as the API pairs values with them), named ones in order of appearance.
 */
export function placeholdersOf(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) seen.add(m[1]!);
  const names = [...seen];
  return names.every(isPositionalName) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

export function isPositionalName(name: string): boolean {
  return /^\d+$/.test(name);
}

/**
 * Values given for a text's placeholders (as `placeholdersOf` orders them): from
 * an object keyed by name, or (positional only) from an array in `{{1}}`…`{{n}}` order.
 * Reports what is missing or unexpected instead of throwing, so callers can
 * gather every problem of a template into one error.
 */
export function orderedValues<V>(
  names: readonly string[],
  given: Readonly<Record<string, V>> | readonly V[] | undefined,
): { values: [string, V][]; missing: string[]; extra: string[] } {
  const values: [string, V][] = [];
  const missing: string[] = [];
  if (Array.isArray(given)) {
    if (!names.every(isPositionalName)) return { values, missing: [...names], extra: ["(an array: named variables take an object)"] };
    names.forEach((name, i) => {
      if (i < given.length && given[i] !== undefined) values.push([name, given[i] as V]);
      else missing.push(name);
    });
    const extra = given.slice(names.length).map((_, i) => `#${names.length + i + 1}`);
    return { values, missing, extra };
  }
  const record = (given ?? {}) as Readonly<Record<string, V>>;
  for (const name of names) {
    const value = record[name];
    if (value === undefined) missing.push(name);
    else values.push([name, value]);
  }
  const extra = Object.keys(record).filter((key) => !names.includes(key));
  return { values, missing, extra };
}
