// Conditional rendering: If and Switch (Flow JSON 4.0).
import { child, type SerializeContext } from "../context.ts";
import { FlowJSONError } from "../errors.ts";
import { Expr, type Condition, type Ref } from "../expressions.ts";
import { renderExpression } from "../serialize.ts";
import { Component, serializeChildren, type Child } from "./base.ts";

export interface IfProps {
  /** A boolean expression with at least one reference; written without backticks. */
  condition: Condition | Ref<boolean> | string;
  then: readonly Child[];
  /** Required when `then` has a Footer (and then has one too). */
  else?: readonly Child[];
}

const MAX_IF_DEPTH = 3;

const hasFooter = (children: readonly Child[] | undefined) => (children ?? []).some((c) => c.type === "Footer");

/** Shows `then` or `else` by a condition. */
export class If extends Component<IfProps> {
  constructor(props: IfProps) {
    super({ type: "If", since: "4.0" }, props);
  }

  protected override check(ctx: SerializeContext): void {
    if (ctx.ifDepth >= MAX_IF_DEPTH) throw new FlowJSONError(`If: at most ${MAX_IF_DEPTH} levels of If may be nested`, ctx.path);
    const thenFooter = hasFooter(this.props.then);
    const elseFooter = hasFooter(this.props.else);
    if ((thenFooter || elseFooter) && ctx.ifDepth > 0) {
      throw new FlowJSONError("If: a Footer may only be in an If that is not nested in another If", ctx.path);
    }
    if (thenFooter !== elseFooter) throw new FlowJSONError("If: a Footer in one branch needs a Footer in the other", ctx.path);
  }

  protected override serializeProp(key: string, value: unknown, ctx: SerializeContext): unknown {
    if (key === "condition") return value instanceof Expr ? renderExpression(value, ctx, "condition") : value;
    return serializeChildren(value as readonly Child[], { ...ctx, ifDepth: ctx.ifDepth + 1 });
  }
}

export interface SwitchProps {
  /** What picks the case: a reference, e.g. `${data.plan}`. */
  value: Ref | string;
  /** Case value → components. */
  cases: Readonly<Record<string, readonly Child[]>>;
}

/** Shows the components of the case that matches a value. */
export class Switch extends Component<SwitchProps> {
  constructor(props: SwitchProps) {
    super({ type: "Switch", since: "4.0" }, props);
  }

  protected override check(ctx: SerializeContext): void {
    if (Object.keys(this.props.cases).length === 0) throw new FlowJSONError("Switch: cases cannot be empty", ctx.path);
  }

  protected override serializeProp(key: string, value: unknown, ctx: SerializeContext): unknown {
    if (key === "value") return value instanceof Expr ? renderExpression(value, ctx) : value;
    const cases: Record<string, unknown> = {};
    for (const [name, children] of Object.entries(value as Record<string, readonly Child[]>)) {
      cases[name] = serializeChildren(children, child(ctx, name));
    }
    return cases;
  }
}
