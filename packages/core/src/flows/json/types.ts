// The value types of builder properties: each one is a literal or a reference
// to a value of the same type, so the compiler rejects `visible: nameInput.ref`.
import type { Condition, FlowStr, MathExpression, Ref } from "./expressions.ts";

/** A literal or a reference to one. */
export type Dyn<T> = T | Ref<T>;
/** Text: a string, a reference to one, or a string template (6.0). */
export type Str = string | Ref<string> | FlowStr;
/** Displayed text: also a math expression (6.0). */
export type Text = Str | MathExpression;
export type Bool = boolean | Ref<boolean>;
export type Num = number | Ref<number>;
/** `visible`: also a condition (a nested expression, 6.0). */
export type Visible = boolean | Ref<boolean> | Condition;
/** A date: `"YYYY-MM-DD"`, a Date (its UTC calendar day), or a reference. */
export type DateInput = string | Date | Ref<string> | Ref<Date>;

/** A component given as raw JSON (pywa accepts dicts as children too): written as is. */
export interface RawComponent {
  readonly type: string;
  readonly [key: string]: unknown;
}
