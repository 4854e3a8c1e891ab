// Choices: CheckboxGroup, RadioButtonsGroup, Dropdown, ChipsSelector (6.3), OptIn.
import { type DataExchangeAction, type NavigateAction, type OpenUrlAction, UpdateDataAction } from "../actions.ts";
import { isOlder, requireVersion, type SerializeContext } from "../context.ts";
import { type DataSourceItem, toDataSource } from "../data.ts";
import type { MediaSize } from "../enums.ts";
import { FlowJSONError } from "../errors.ts";
import type { Ref } from "../expressions.ts";
import { serializeValue } from "../serialize.ts";
import type { Bool, Dyn, Num, Str, Visible } from "../types.ts";
import { FormComponent, type FormProps } from "./base.ts";

/** Options: DataSources (or their plain `{ id, title, … }`), or a reference to a list. */
export type DataSourceInput = readonly DataSourceItem[] | Ref<readonly unknown[]>;

/** A form component that chooses among options: its `data-source` items become DataSources (Meta's keys, version checks). */
abstract class OptionsComponent<V, P extends FormProps & { dataSource: DataSourceInput }> extends FormComponent<V, P> {
  protected override serializeProp(key: string, value: unknown, ctx: SerializeContext): unknown {
    if (key === "dataSource" && Array.isArray(value)) return serializeValue(value.map(toDataSource), ctx);
    return serializeValue(value, ctx);
  }
}

/** CheckboxGroup and RadioButtonsGroup: options shown in a list, with a label required from Flow JSON 4.0. */
abstract class OptionGroup<V, P extends GroupProps> extends OptionsComponent<V, P> {
  protected override check(ctx: SerializeContext): void {
    if (this.props.label === undefined && ctx.version !== undefined && !isOlder(ctx.version, "4.0")) {
      throw new FlowJSONError(`${this.type} needs a label from Flow JSON 4.0 (this flow is ${ctx.version})`, ctx.path);
    }
  }
}

interface GroupProps extends FormProps {
  dataSource: DataSourceInput;
  /** Required from Flow JSON 4.0; up to 30 characters. */
  label?: Str;
  /** Flow JSON 4.0. */
  description?: Str;
  required?: Bool;
  visible?: Visible;
  enabled?: Bool;
  errorMessage?: Dyn<string>;
  /** Flow JSON 5.0. */
  mediaSize?: Dyn<MediaSize>;
  /** update_data needs Flow JSON 6.0. */
  onSelectAction?: DataExchangeAction | UpdateDataAction;
  /** Flow JSON 6.0. Set, it handles unselection and `onSelectAction` only selection. */
  onUnselectAction?: UpdateDataAction;
}

const GROUP_SINCE = { description: "4.0", mediaSize: "5.0", onUnselectAction: "6.0" };

export interface CheckboxGroupProps extends GroupProps {
  minSelectedItems?: Num;
  maxSelectedItems?: Num;
  /** Ids of the options checked at first. */
  initValue?: readonly string[] | Ref<string[]>;
}

/** Several choices out of a list. */
export class CheckboxGroup extends OptionGroup<string[], CheckboxGroupProps> {
  constructor(props: CheckboxGroupProps) {
    super({ type: "CheckboxGroup", formBefore4: true, props: GROUP_SINCE }, props);
  }
}

export interface RadioButtonsGroupProps extends GroupProps {
  /** Id of the option selected at first. */
  initValue?: Dyn<string>;
}

/** One choice out of a list, all shown. */
export class RadioButtonsGroup extends OptionGroup<string, RadioButtonsGroupProps> {
  constructor(props: RadioButtonsGroupProps) {
    super({ type: "RadioButtonsGroup", formBefore4: true, props: GROUP_SINCE }, props);
  }
}

export interface DropdownProps extends FormProps {
  /** Up to 20 characters. */
  label: Str;
  /** 1 to 200 options (100 with images). */
  dataSource: DataSourceInput;
  enabled?: Bool;
  required?: Bool;
  visible?: Visible;
  initValue?: Dyn<string>;
  errorMessage?: Dyn<string>;
  onSelectAction?: DataExchangeAction | UpdateDataAction;
  /** Flow JSON 6.0. */
  onUnselectAction?: UpdateDataAction;
}

/** One choice out of a list, in a picker. */
export class Dropdown extends OptionsComponent<string, DropdownProps> {
  constructor(props: DropdownProps) {
    super({ type: "Dropdown", formBefore4: true, props: { onUnselectAction: "6.0" } }, props);
  }
}

export interface ChipsSelectorProps extends FormProps {
  /** 2 to 20 options. */
  dataSource: DataSourceInput;
  /** Up to 80 characters. */
  label: Str;
  description?: Str;
  minSelectedItems?: Num;
  maxSelectedItems?: Num;
  required?: Bool;
  visible?: Visible;
  enabled?: Bool;
  initValue?: readonly string[] | Ref<string[]>;
  errorMessage?: Dyn<string>;
  /** update_data here needs Flow JSON 7.1. */
  onSelectAction?: DataExchangeAction | UpdateDataAction;
  /** Flow JSON 7.1. */
  onUnselectAction?: UpdateDataAction;
}

/** Several choices, shown as chips (Flow JSON 6.3). */
export class ChipsSelector extends OptionsComponent<string[], ChipsSelectorProps> {
  constructor(props: ChipsSelectorProps) {
    super({ type: "ChipsSelector", since: "6.3", props: { onUnselectAction: "7.1" } }, props);
  }

  protected override check(ctx: SerializeContext): void {
    if (this.props.onSelectAction instanceof UpdateDataAction) {
      requireVersion(ctx, "7.1", "ChipsSelector.onSelectAction with update_data");
    }
  }
}

export interface OptInProps extends FormProps {
  /** Up to 120 characters. */
  label: Str;
  required?: Bool;
  visible?: Visible;
  initValue?: Bool;
  /** Shows a "Read more" link; open_url needs Flow JSON 6.0. */
  onClickAction?: OpenUrlAction | DataExchangeAction | NavigateAction;
  /** Flow JSON 6.0. */
  onSelectAction?: UpdateDataAction;
  /** Flow JSON 6.0. */
  onUnselectAction?: UpdateDataAction;
}

/** A checkbox to agree to something (up to 5 per screen). */
export class OptIn extends FormComponent<boolean, OptInProps> {
  constructor(props: OptInProps) {
    super({ type: "OptIn", formBefore4: true, props: { onSelectAction: "6.0", onUnselectAction: "6.0" } }, props);
  }
}
