/**
 * How builder values become Flow JSON: keys as Meta spells them, undefined
 * dropped, expressions as strings, nodes by their own `serialize`. Plain objects
 * given by the user (payloads, init-values, routing models) keep their keys.
 */
import { LOOSE, child, requireVersion, type SerializeContext } from "./context.ts";
import { Condition, Expr, FlowStr, Ref } from "./expressions.ts";

/** Anything in the builder that writes its own JSON. */
export abstract class FlowNode {
  /** The Flow JSON of this node, version-checked against `ctx`. */
  abstract serialize(ctx: SerializeContext): unknown;

  /** The node's JSON with no version checks: what JSON.stringify writes (e.g. a DataSource in a FlowResponse). */
  toJSON(): unknown {
    return this.serialize(LOOSE);
  }
}

/** Keys Meta spells with underscores; every other camelCase key becomes kebab-case. */
const UNDERSCORED: Readonly<Record<string, string>> = {
  refreshOnBack: "refresh_on_back",
  dataApiVersion: "data_api_version",
  routingModel: "routing_model",
  dataChannelUri: "data_channel_uri",
};

/** `onClickAction` → `on-click-action`, `refreshOnBack` → `refresh_on_back`. */
export function jsonKey(key: string): string {
  return UNDERSCORED[key] ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * An expression as a property value. References are final; conditions, math and
 * string templates are nested expressions between backticks (Flow JSON 6.0),
 * except a condition in `If.condition`, written as is.
 */
export function renderExpression(expr: Expr, ctx: SerializeContext, role: "value" | "condition" = "value"): string {
  requireVersion(ctx, expr.since, expr instanceof Ref ? `The global reference ${expr.expression}` : `The expression ${expr.expression}`);
  if (expr instanceof Ref || (role === "condition" && expr instanceof Condition)) return expr.expression;
  if (expr instanceof FlowStr) return expr.expression;
  requireVersion(ctx, "6.0", `The nested expression \`${expr.expression}\``);
  return `\`${expr.expression}\``;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `YYYY-MM-DD` of a Date, read in UTC (the calendar date of `new Date("2024-10-21")` everywhere). */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid Date in Flow JSON");
  return date.toISOString().slice(0, 10);
}

/** Any builder value as JSON. */
export function serializeValue(value: unknown, ctx: SerializeContext): unknown {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Expr) return renderExpression(value, ctx);
  if (value instanceof FlowNode) return value.serialize(ctx);
  if (value instanceof Date) return isoDate(value);
  if (value instanceof RegExp) return value.source;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const v = serializeValue(item, child(ctx, `[${i}]`));
      if (v !== undefined) out.push(v);
    });
    return out;
  }
  if (isPlainObject(value)) return serializeRecord(value, ctx);
  return value;
}

/** A user's object: keys kept, values serialized, undefined dropped. */
export function serializeRecord(record: Readonly<Record<string, unknown>>, ctx: SerializeContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const v = serializeValue(value, child(ctx, key));
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** A typed object of the builder (camelCase keys): keys as Meta spells them, values serialized. */
export function serializeProps(
  props: Readonly<Record<string, unknown>>,
  ctx: SerializeContext,
  value: (key: string, v: unknown, ctx: SerializeContext) => unknown = (_k, v, c) => serializeValue(v, c),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    const s = value(key, v, child(ctx, key));
    if (s !== undefined) out[jsonKey(key)] = s;
  }
  return out;
}
