// Text entry: TextInput (one line) and TextArea (several).
import type { InputType, LabelVariant } from "../enums.ts";
import type { Ref } from "../expressions.ts";
import type { Bool, Dyn, Num, Str, Visible } from "../types.ts";
import { FormComponent, type FormProps } from "./base.ts";

export interface TextInputProps extends FormProps {
  /** Up to 20 characters. */
  label: Str;
  inputType?: Dyn<InputType>;
  /** Flow JSON 7.0. */
  labelVariant?: Dyn<LabelVariant>;
  /** A regular expression the value must match (Flow JSON 6.2; set `helperText` with it). A RegExp gives its source. */
  pattern?: string | RegExp | Ref<string>;
  required?: Bool;
  minChars?: Num;
  maxChars?: Num;
  helperText?: Str;
  enabled?: Bool;
  visible?: Visible;
  /** Inside a Form it goes into the Form's `init-values`. */
  initValue?: Dyn<string>;
  /** Inside a Form it goes into the Form's `error-messages`. */
  errorMessage?: Dyn<string>;
}

/** A one-line text field. */
export class TextInput extends FormComponent<string, TextInputProps> {
  constructor(props: TextInputProps) {
    super({ type: "TextInput", formBefore4: true, props: { pattern: "6.2", labelVariant: "7.0" } }, props);
  }
}

export interface TextAreaProps extends FormProps {
  label: Str;
  /** Flow JSON 7.0. */
  labelVariant?: Dyn<LabelVariant>;
  required?: Bool;
  maxLength?: Num;
  helperText?: Str;
  enabled?: Bool;
  visible?: Visible;
  initValue?: Dyn<string>;
  errorMessage?: Dyn<string>;
}

/** A multi-line text field. */
export class TextArea extends FormComponent<string, TextAreaProps> {
  constructor(props: TextAreaProps) {
    super({ type: "TextArea", formBefore4: true, props: { labelVariant: "7.0" } }, props);
  }
}
