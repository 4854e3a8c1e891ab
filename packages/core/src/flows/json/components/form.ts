// Form: the container of input components (required around them before Flow JSON 4.0).
import { LOOSE, child, type SerializeContext } from "../context.ts";
import { FlowJSONError } from "../errors.ts";
import { Expr, type Ref } from "../expressions.ts";
import { serializeValue } from "../serialize.ts";
import { Component, FormComponent, serializeChildren, type Child, type FormProps } from "./base.ts";
import { If, Switch } from "./conditional.ts";

export interface FormInit extends FormProps {
  children: readonly Child[];
  /** Initial values by component name; the children's `initValue`s are added to it. */
  initValues?: Readonly<Record<string, unknown>> | Ref<Record<string, unknown>> | string;
  /** Error messages by component name; the children's `errorMessage`s are added to it. */
  errorMessages?: Readonly<Record<string, unknown>> | Ref<Record<string, string>> | string;
}

/** Form components inside these children, through If and Switch branches too. */
function* formFields(children: readonly Child[]): Generator<FormComponent<unknown, FormProps>> {
  for (const c of children) {
    if (c instanceof FormComponent) yield c as FormComponent<unknown, FormProps>;
    else if (c instanceof If) {
      yield* formFields(c.props.then);
      yield* formFields(c.props.else ?? []);
    } else if (c instanceof Switch) {
      for (const branch of Object.values(c.props.cases)) yield* formFields(branch);
    }
  }
}

/**
 * Collects the form's `init-values` (or `error-messages`): the Form's own, plus
 * each child's. A dynamic map (a reference) cannot be added to; a name twice is a mistake.
 */
function collect(
  own: FormInit["initValues"],
  children: readonly Child[],
  key: "initValue" | "errorMessage",
  what: string,
  ctx: SerializeContext,
): unknown {
  const fields = [...formFields(children)].filter((f) => f.formValue(key, LOOSE) !== undefined);
  if (own instanceof Expr || typeof own === "string") {
    if (fields.length > 0) throw new FlowJSONError(`Form: ${what} is a reference, so ${fields[0]!.name} cannot set its own`, ctx.path);
    return serializeValue(own, ctx);
  }
  const merged = (own === undefined ? {} : serializeValue(own, ctx)) as Record<string, unknown>;
  for (const f of fields) {
    if (Object.hasOwn(merged, f.name)) throw new FlowJSONError(`Form: two ${what} for ${JSON.stringify(f.name)}`, ctx.path);
    merged[f.name] = f.formValue(key, child(ctx, f.name));
  }
  return Object.keys(merged).length === 0 ? undefined : merged;
}

/**
 * A form (pywa's `Form`): the children's `initValue` and `errorMessage` move up
 * into its `init-values` and `error-messages`, where Meta wants them.
 */
export class Form extends Component<FormInit> {
  constructor(props: FormInit) {
    super({ type: "Form" }, props);
    if (props.children.length === 0) throw new FlowJSONError(`Form ${JSON.stringify(props.name)} needs at least one child`);
  }

  get name(): string {
    return this.props.name;
  }

  override serialize(ctx: SerializeContext): Record<string, unknown> {
    const { name, children, initValues, errorMessages } = this.props;
    const out: Record<string, unknown> = { type: this.type, name };
    const init = collect(initValues, children, "initValue", "init-values", child(ctx, "initValues"));
    if (init !== undefined) out["init-values"] = init;
    const errors = collect(errorMessages, children, "errorMessage", "error-messages", child(ctx, "errorMessages"));
    if (errors !== undefined) out["error-messages"] = errors;
    out.children = serializeChildren(children, { ...child(ctx, "children"), inForm: true });
    return out;
  }
}
