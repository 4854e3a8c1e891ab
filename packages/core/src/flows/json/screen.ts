/**
 * Screens, their layout, and the data they declare. A `ScreenData` list becomes
 * Meta's JSON-schema-like declaration with the type inferred from the example
 * (pywa's rules): `{ key: { type, items | properties, __example__ } }`.
 */
import { child, requireVersion, type SerializeContext } from "./context.ts";
import { DataSource, ScreenData } from "./data.ts";
import type { LayoutType } from "./enums.ts";
import { FlowJSONError } from "./errors.ts";
import { Expr } from "./expressions.ts";
import { FlowNode, isPlainObject, serializeProps, serializeValue } from "./serialize.ts";
import { serializeChildren, type Child } from "./components/base.ts";
import { NavigationItem } from "./components/navigation.ts";

export interface LayoutInit {
  /** The only one there is: "SingleColumnLayout" (the default). */
  type?: LayoutType;
  children: readonly Child[];
}

/** The top component of a screen. */
export class Layout extends FlowNode {
  readonly type: LayoutType;
  readonly children: readonly Child[];

  constructor(init: LayoutInit) {
    super();
    this.type = init.type ?? "SingleColumnLayout";
    this.children = init.children;
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    return { type: this.type, children: serializeChildren(this.children, child(ctx, "children")) };
  }
}

export interface ScreenInit {
  /** Unique; "SUCCESS" is reserved. */
  id: string;
  /** The top bar's title. */
  title?: string;
  /** What the screen receives: ScreenData objects (types inferred), or Meta's declaration as is. */
  data?: readonly ScreenData[] | Readonly<Record<string, unknown>>;
  /** Ends the flow (needs a Footer). */
  terminal?: boolean;
  /** On a terminal screen: whether ending here is a success (default true). */
  success?: boolean;
  /** Ask the endpoint again when the user comes back to this screen (`refresh_on_back`). */
  refreshOnBack?: boolean;
  layout: Layout;
  /** Names of fields hidden in the response summary (Flow JSON 5.1). */
  sensitive?: readonly string[];
}

/** A screen (pywa's `Screen`). Its `id` is what references and routing use. */
export class Screen extends FlowNode {
  readonly props: Readonly<ScreenInit>;

  constructor(init: ScreenInit) {
    super();
    if (init.id === "SUCCESS") throw new FlowJSONError('"SUCCESS" is reserved and cannot be a screen id');
    this.props = { ...init };
  }

  get id(): string {
    return this.props.id;
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    if (this.props.sensitive !== undefined) requireVersion(child(ctx, "sensitive"), "5.1", "Screen.sensitive");
    return serializeProps(this.props as unknown as Record<string, unknown>, ctx, (key, value, c) =>
      key === "data" && Array.isArray(value) ? screenData(value as readonly ScreenData[], c) : serializeValue(value, c),
    );
  }
}

/** `[ScreenData…]` → `{ key: { type…, __example__ } }`. */
function screenData(data: readonly ScreenData[], ctx: SerializeContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of data) {
    if (!(item instanceof ScreenData)) throw new FlowJSONError("Screen.data: give ScreenData objects, or Meta's declaration as one object", ctx.path);
    const at = child(ctx, item.key);
    if (Object.hasOwn(out, item.key)) throw new FlowJSONError(`Screen.data: ${JSON.stringify(item.key)} is declared twice`, ctx.path);
    out[item.key] = { ...schemaOf(item.example, at, item.key), __example__: serializeValue(item.example, at) };
  }
  return out;
}

/** Keys of a typed object that are not data (actions, decorations) and stay out of its inferred type. */
const SKIPPED: ReadonlyMap<unknown, ReadonlySet<string>> = new Map<unknown, ReadonlySet<string>>([
  [DataSource, new Set(["on-select-action", "on-unselect-action"])],
  [NavigationItem, new Set(["start", "end", "badge", "tags", "on-click-action"])],
]);

/** The type of an example, as Meta declares it (pywa's inference; a Date counts as a string). */
export function schemaOf(example: unknown, ctx: SerializeContext, key: string): Record<string, unknown> {
  if (typeof example === "string" || example instanceof Date) return { type: "string" };
  if (typeof example === "boolean") return { type: "boolean" };
  if (typeof example === "number") return { type: "number" };
  if (Array.isArray(example)) {
    if (example.length === 0) throw new FlowJSONError(`ScreenData ${JSON.stringify(key)}: an array example needs at least one item`, ctx.path);
    return { type: "array", items: schemaOf(example[0], child(ctx, "[0]"), key) };
  }
  if (example instanceof DataSource || example instanceof NavigationItem || isPlainObject(example)) {
    const json = example instanceof FlowNode ? (example.serialize({ ...ctx, version: undefined }) as Record<string, unknown>) : example;
    const skipped = SKIPPED.get((example as object).constructor) ?? new Set<string>();
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) {
      if (v === undefined || v === null || skipped.has(k)) continue;
      properties[k] = schemaOf(v, child(ctx, k), key);
    }
    return { type: "object", properties };
  }
  const what = example instanceof Expr ? "an expression" : example === null ? "null" : typeof example;
  throw new FlowJSONError(`ScreenData ${JSON.stringify(key)}: cannot infer a type from ${what}`, ctx.path);
}
