/**
 * Dynamic values in Flow JSON: references (`${data.x}`, `${form.x}`,
 * `${screen.S.form.x}`) and the expressions built from them (pywa's `Ref`
 * operators). TypeScript has no operator overloading, so pywa's
 * `(age.ref > 18) & opt_in.ref` is `age.ref.gt(18).and(optIn.ref)`, and
 * `FlowStr("Hi {n}", n=name.ref)` is ``flowStr`Hi ${name.ref}` ``.
 *
 * An expression knows the first Flow JSON version that understands it (`since`):
 * screen-scoped references need 4.0; conditions, math and string templates used as
 * a property value ("nested expressions", wrapped in backticks) need 6.0. The
 * FlowJSON checks both when it is serialized.
 */
import { newest } from "./context.ts";

/** Anything with an `id`, such as a Screen: where a reference points. */
export type ScreenLike = string | { readonly id: string };

/** A literal inside an expression. */
export type Literal = string | number | boolean;

/** The base of references, conditions, math expressions and string templates. */
export abstract class Expr {
  /** The first Flow JSON version that understands this expression, if it needs a newer one than 2.1. */
  readonly since: string | undefined;

  constructor(since: string | undefined) {
    this.since = since;
  }

  /** The expression as it goes between backticks (a reference's text is final). */
  abstract get expression(): string;

  /** The value as it appears in a property: see `renderExpression` for the backticks. */
  toString(): string {
    return this.expression;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Something math and comparisons apply to: a reference or a math expression. */
export abstract class Operand extends Expr {
  /** `(this == other)`; strings are quoted. */
  eq(other: Operand | Literal): Condition {
    return compare(this, "==", other);
  }
  /** `(this != other)` */
  ne(other: Operand | Literal): Condition {
    return compare(this, "!=", other);
  }
  /** `(this > other)` */
  gt(other: Operand | number): Condition {
    return compare(this, ">", other);
  }
  /** `(this >= other)` */
  gte(other: Operand | number): Condition {
    return compare(this, ">=", other);
  }
  /** `(this < other)` */
  lt(other: Operand | number): Condition {
    return compare(this, "<", other);
  }
  /** `(this <= other)` */
  lte(other: Operand | number): Condition {
    return compare(this, "<=", other);
  }
  /** `(this + other)` */
  plus(other: Operand | number): MathExpression {
    return arithmetic(this, "+", other);
  }
  /** `(this - other)` */
  minus(other: Operand | number): MathExpression {
    return arithmetic(this, "-", other);
  }
  /** `(this * other)` */
  times(other: Operand | number): MathExpression {
    return arithmetic(this, "*", other);
  }
  /** `(this / other)` */
  div(other: Operand | number): MathExpression {
    return arithmetic(this, "/", other);
  }
  /** `(this % other)` */
  mod(other: Operand | number): MathExpression {
    return arithmetic(this, "%", other);
  }
}

/**
 * A reference to screen data or to a component's value. `T` is the type of the
 * value it stands for, so a `Ref<string>` cannot be given where a boolean is
 * wanted (`visible`, `required`, …). References made by hand default to `any`.
 */
export class Ref<T = any> extends Operand {
  /** Phantom: only carries `T` for the compiler. */
  declare readonly valueType?: T;
  readonly prefix: "data" | "form";
  readonly field: string;
  /** The screen id of a global reference (`${screen.S.…}`), else undefined. */
  readonly screen: string | undefined;

  constructor(prefix: "data" | "form", field: string, screen?: ScreenLike) {
    const id = screen === undefined ? undefined : typeof screen === "string" ? screen : screen.id;
    super(id === undefined ? undefined : "4.0");
    this.prefix = prefix;
    this.field = field;
    this.screen = id;
  }

  get expression(): string {
    return `\${${this.screen === undefined ? "" : `screen.${this.screen}.`}${this.prefix}.${this.field}}`;
  }

  /** The same reference, read from another screen (`${screen.S.form.x}`; Flow JSON 4.0). */
  inScreen(screen: ScreenLike): Ref<T> {
    return new Ref<T>(this.prefix, this.field, screen);
  }

  /** `(this && other)`, for a boolean reference. */
  and(other: Condition | Ref<boolean>): Condition {
    return combine(this, "&&", other);
  }
  /** `(this || other)` */
  or(other: Condition | Ref<boolean>): Condition {
    return combine(this, "||", other);
  }
  /** `!this` */
  not(): Condition {
    return new Condition(`!${this.expression}`, this.since);
  }
}

/** `${data.key}` / `${screen.S.data.key}`: pywa's `ScreenDataRef`. */
export class ScreenDataRef<T = any> extends Ref<T> {
  constructor(key: string, screen?: ScreenLike) {
    super("data", key, screen);
  }
}

/** `${form.name}` / `${screen.S.form.name}`: pywa's `ComponentRef`. */
export class ComponentRef<T = any> extends Ref<T> {
  constructor(componentName: string, screen?: ScreenLike) {
    super("form", componentName, screen);
  }
}

/**
 * A boolean expression. In `If.condition` it is written as is; anywhere else
 * (`visible`, …) it is wrapped in backticks as a nested expression (Flow JSON 6.0).
 */
export class Condition extends Expr {
  readonly #expression: string;

  constructor(expression: string, since?: string) {
    super(since);
    this.#expression = expression;
  }

  get expression(): string {
    return this.#expression;
  }

  /** `(this && other)` */
  and(other: Condition | Ref<boolean>): Condition {
    return combine(this, "&&", other);
  }
  /** `(this || other)` */
  or(other: Condition | Ref<boolean>): Condition {
    return combine(this, "||", other);
  }
  /** `!this` */
  not(): Condition {
    return new Condition(`!${this.#expression}`, this.since);
  }
}

/** Arithmetic on numbers and references: `(${form.a} + 2)`. */
export class MathExpression extends Operand {
  readonly #expression: string;

  constructor(expression: string, since?: string) {
    super(since);
    this.#expression = expression;
  }

  /** A number or operand to start an expression from, for pywa's `2025 - age.ref`: `MathExpression.of(2025).minus(age.ref)`. */
  static of(value: Operand | number): MathExpression {
    return value instanceof MathExpression ? value : new MathExpression(format(value), value instanceof Expr ? value.since : undefined);
  }

  get expression(): string {
    return this.#expression;
  }
}

/**
 * A string built from text and expressions (pywa's `FlowStr`, Flow JSON 6.0):
 * ``flowStr`Hello ${name.ref}` `` → "`'Hello ' ${form.name}`". Text goes in single
 * quotes with `'` and `` ` `` escaped; math keeps its parentheses.
 */
export class FlowStr extends Expr {
  readonly #expression: string;

  /** pywa's form: `new FlowStr("Hello {name}", { name: nameInput.ref })`. */
  constructor(template: string, variables: Readonly<Record<string, Expr | Literal>> = {}) {
    const parts: (string | Expr | Literal)[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      const name = m[1]!;
      if (!Object.hasOwn(variables, name)) throw new TypeError(`FlowStr: no value for {${name}} in ${JSON.stringify(template)}`);
      parts.push(template.slice(last, m.index), variables[name]!);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    super(newest("6.0", sinceOf(parts)));
    this.#expression = render(parts);
  }

  get expression(): string {
    return this.#expression;
  }
}

/** The tagged-template form of FlowStr: ``flowStr`You are ${age.ref} years old` ``. */
export function flowStr(strings: TemplateStringsArray, ...values: (Expr | Literal)[]): FlowStr {
  const vars: Record<string, Expr | Literal> = {};
  let template = "";
  strings.forEach((text, i) => {
    template += text.replace(/[{}]/g, (c) => `{${c === "{" ? "lb" : "rb"}}`);
    if (i < values.length) {
      template += `{v${i}}`;
      vars[`v${i}`] = values[i]!;
    }
  });
  vars.lb = "{";
  vars.rb = "}";
  return new FlowStr(template, vars);
}

// ── Helpers ──────────────────────────────────────────────────────────────────

function sinceOf(parts: readonly unknown[]): string | undefined {
  let since: string | undefined;
  for (const p of parts) if (p instanceof Expr) since = newest(since, p.since);
  return since;
}

/** Text in single quotes, with `'` and `` ` `` escaped as pywa does (unless already escaped). */
function quote(text: string): string {
  return `'${text.replace(/(?<!\\)([`'])/g, "\\\\$1")}'`;
}

/** A literal or operand inside a condition or math expression. */
function format(value: Expr | Literal): string {
  if (value instanceof Expr) return value.expression;
  if (typeof value === "string") return quote(value);
  return String(value);
}

function render(parts: readonly (string | Expr | Literal)[]): string {
  const out: string[] = [];
  let text = "";
  for (const part of parts) {
    if (part instanceof Expr) {
      if (text) out.push(quote(text));
      text = "";
      out.push(part.expression);
    } else {
      text += String(part);
    }
  }
  if (text) out.push(quote(text));
  return `\`${out.join(" ")}\``;
}

function compare(left: Operand, operator: string, right: Operand | Literal): Condition {
  return new Condition(`(${left.expression} ${operator} ${format(right)})`, sinceOf([left, right]));
}

function arithmetic(left: Operand, operator: string, right: Operand | number): MathExpression {
  return new MathExpression(`(${left.expression} ${operator} ${format(right)})`, sinceOf([left, right]));
}

function combine(left: Condition | Ref, operator: string, right: Condition | Ref): Condition {
  return new Condition(`(${left.expression} ${operator} ${right.expression})`, sinceOf([left, right]));
}
