import { FlowJSONError, FlowJSONVersionError } from "./errors.ts";

/**
 * Where a node is being serialized: the flow's version (absent when a component
 * is serialized on its own, e.g. a DataSource in a FlowResponse: then nothing is
 * version-checked), the path for error messages, and whether a Form encloses it.
 */
export interface SerializeContext {
  readonly version: string | undefined;
  readonly path: string;
  readonly inForm: boolean;
  /** How many If components enclose this one (Meta allows three levels). */
  readonly ifDepth: number;
}

/** The context of a node serialized outside any FlowJSON: no version checks. */
export const LOOSE: SerializeContext = { version: undefined, path: "", inForm: false, ifDepth: 0 };

export function rootContext(version: string): SerializeContext {
  return { version, path: "", inForm: false, ifDepth: 0 };
}

/** The context one step down: `segment` is a property name or `[i]`, `label` a hint such as `(TextInput "email")`. */
export function child(ctx: SerializeContext, segment: string, label = ""): SerializeContext {
  const step = segment.startsWith("[") ? segment : ctx.path ? `.${segment}` : segment;
  return { ...ctx, path: `${ctx.path}${step}${label ? ` ${label}` : ""}` };
}

const VERSION = /^(\d+)\.(\d+)$/;

/** `"7.1"` → `[7, 1]`; throws on anything else. */
export function parseVersion(version: string, what = "Flow JSON version"): readonly [number, number] {
  const m = VERSION.exec(version);
  if (!m) throw new FlowJSONError(`${what} must look like "7.1", got ${JSON.stringify(version)}`);
  return [Number(m[1]), Number(m[2])];
}

/** a < b, for "M.m" versions. */
export function isOlder(a: string, b: string): boolean {
  const [am, an] = parseVersion(a);
  const [bm, bn] = parseVersion(b);
  return am < bm || (am === bm && an < bn);
}

/** Throws a FlowJSONVersionError when the flow's version is older than `since`. */
export function requireVersion(ctx: SerializeContext, since: string | undefined, feature: string): void {
  if (since === undefined || ctx.version === undefined) return;
  if (isOlder(ctx.version, since)) throw new FlowJSONVersionError(feature, since, ctx.version, ctx.path);
}

/** The newer of two versions (undefined counts as "any"). */
export function newest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return isOlder(a, b) ? b : a;
}
