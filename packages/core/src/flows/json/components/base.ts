/**
 * What every component shares: a `type`, the Flow JSON version it appeared in,
 * the versions of its newer properties, and serialization of its props in the
 * order given (camelCase → Meta's keys). Form components add `name`, `.ref` and
 * `.refIn(screen)`, and move their `initValue`/`errorMessage` up into an
 * enclosing Form's `init-values`/`error-messages`, as Meta requires there.
 */
import { child, requireVersion, type SerializeContext } from "../context.ts";
import { ComponentRef, type ScreenLike } from "../expressions.ts";
import { FlowNode, serializeProps, serializeValue } from "../serialize.ts";
import type { RawComponent } from "../types.ts";

export interface ComponentSpec {
  /** Meta's component type, e.g. "TextInput". */
  readonly type: string;
  /** The first Flow JSON version with this component (default 2.1). */
  readonly since?: string;
  /** Properties added later: camelCase name → version. */
  readonly props?: Readonly<Record<string, string>>;
}

/** A layout, form or branch child: a component of the builder, or raw component JSON. */
export type Child = Component<object> | RawComponent;

export abstract class Component<P extends object> extends FlowNode {
  readonly props: Readonly<P>;
  readonly #spec: ComponentSpec;

  constructor(spec: ComponentSpec, props: P) {
    super();
    this.#spec = spec;
    this.props = { ...props };
  }

  /** Meta's component type. */
  get type(): string {
    return this.#spec.type;
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    requireVersion(ctx, this.#spec.since, this.type);
    const versions = this.#spec.props ?? {};
    for (const [key, value] of Object.entries(this.props)) {
      if (value !== undefined && versions[key] !== undefined) requireVersion(child(ctx, key), versions[key], `${this.type}.${key}`);
    }
    this.check(ctx);
    return { type: this.type, ...serializeProps(this.props as Record<string, unknown>, ctx, (k, v, c) => this.serializeProp(k, v, c)) };
  }

  /** One property's JSON; components with special properties override it. */
  protected serializeProp(_key: string, value: unknown, ctx: SerializeContext): unknown {
    return serializeValue(value, ctx);
  }

  /** Rules beyond versions (mutually exclusive properties, …); throws FlowJSONError. */
  protected check(_ctx: SerializeContext): void {}
}

/** Props every form component has. */
export interface FormProps {
  /** Unique on its screen: the key of the value in `${form.name}` and in payloads. */
  name: string;
}

/**
 * A component whose value the user sets. `V` is that value's type, so `.ref` is a
 * `ComponentRef<V>`. Those that existed before Flow JSON 4.0 must be inside a
 * Form up to 3.1 (`formBefore4` in their spec).
 */
export abstract class FormComponent<V, P extends FormProps> extends Component<P> {
  readonly #formBefore4: boolean;

  constructor(spec: ComponentSpec & { formBefore4?: boolean }, props: P) {
    super(spec, props);
    this.#formBefore4 = spec.formBefore4 ?? false;
  }

  get name(): string {
    return this.props.name;
  }

  /** `${form.name}`: this component's value, in the same screen. */
  get ref(): ComponentRef<V> {
    return new ComponentRef<V>(this.props.name);
  }

  /** `${screen.S.form.name}`: this component's value, from another screen (4.0). */
  refIn(screen: ScreenLike): ComponentRef<V> {
    return new ComponentRef<V>(this.props.name, screen);
  }

  override serialize(ctx: SerializeContext): Record<string, unknown> {
    if (this.#formBefore4 && !ctx.inForm) requireVersion(ctx, "4.0", `${this.type} outside a Form`);
    const out = super.serialize(ctx);
    // Inside a Form these live in the Form's init-values / error-messages.
    if (ctx.inForm) {
      delete out["init-value"];
      delete out["error-message"];
    }
    return out;
  }

  /** The JSON of `initValue` / `errorMessage` for an enclosing Form's maps, as this component writes it. */
  formValue(key: "initValue" | "errorMessage", ctx: SerializeContext): unknown {
    const value = (this.props as Record<string, unknown>)[key];
    return value === undefined || value === null ? undefined : this.serializeProp(key, value, ctx);
  }
}

/** A short label for error paths: `(TextInput "email")`. */
export function describeChild(node: unknown): string {
  if (node instanceof FormComponent) return `(${node.type} ${JSON.stringify(node.name)})`;
  if (node instanceof Component) return `(${node.type})`;
  const type = (node as { type?: unknown } | null)?.type;
  return typeof type === "string" ? `(${type})` : "";
}

/** Children (`at` is the context of the property holding them), each with its place in error paths. */
export function serializeChildren(children: readonly Child[], at: SerializeContext): unknown[] {
  return children.map((node, i) => serializeValue(node, child(at, `[${i}]`, describeChild(node))));
}
