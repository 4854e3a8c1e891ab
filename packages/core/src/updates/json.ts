/**
 * Defensive readers for webhook JSON. Every value arrives untrusted: a reader
 * returns `undefined` instead of throwing when the wire has something else than
 * expected, so that one odd field never loses a whole update.
 */

/** A JSON object as the webhook delivers it. */
export type Json = Record<string, unknown>;

export function isObj(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): Json | undefined {
  return isObj(v) ? v : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** A string that carries a value: Meta sends `""` for identifiers it withholds. */
export function nonEmpty(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** An identifier that Meta sends as a string or, for template ids, as a number. */
export function idStr(v: unknown): string | undefined {
  if (typeof v === "string") return v !== "" ? v : undefined;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A number, also from the numeric strings webhooks use for timestamps. */
export function num(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

/** Seconds since the epoch to a Date, or `undefined` when absent or not a number. */
export function date(v: unknown): Date | undefined {
  const n = num(v);
  return n === undefined ? undefined : new Date(n * 1000);
}

/** The object items of an array; anything else in it is skipped. */
export function objects(v: unknown): Json[] {
  if (!Array.isArray(v)) return [];
  const out: Json[] = [];
  for (const item of v) if (isObj(item)) out.push(item);
  return out;
}

/** The string items of an array, or `undefined` when it is not one. */
export function strings(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const item of v) if (typeof item === "string") out.push(item);
  return out;
}

/**
 * Thrown while building an update whose payload lacks something the update cannot
 * exist without (an id, a user). The classifier turns it into a `problems` entry.
 */
export class ShapeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "ShapeError";
  }
}

export function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new ShapeError(`${what} is missing`);
  return v;
}
