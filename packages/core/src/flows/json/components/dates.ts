// Dates: DatePicker and CalendarPicker (6.1, single day or range).
import type { DataExchangeAction } from "../actions.ts";
import { child, isOlder, type SerializeContext } from "../context.ts";
import type { CalendarDay, CalendarPickerMode } from "../enums.ts";
import type { Ref } from "../expressions.ts";
import { FlowNode, isPlainObject, serializeValue } from "../serialize.ts";
import type { Bool, DateInput, Dyn, Num, Str, Visible } from "../types.ts";
import { FormComponent, type FormProps } from "./base.ts";

const DATE_KEYS = new Set(["minDate", "maxDate", "unavailableDates", "initValue"]);

/**
 * Before Flow JSON 5.0 a DatePicker took timestamps in milliseconds (as strings);
 * from 5.0, `YYYY-MM-DD`. A Date is written in the form the flow's version wants.
 */
function pickerDate(value: unknown, ctx: SerializeContext): unknown {
  if (value instanceof Date && ctx.version !== undefined && isOlder(ctx.version, "5.0")) return String(value.getTime());
  if (Array.isArray(value)) return value.map((v, i) => pickerDate(v, child(ctx, `[${i}]`)));
  return serializeValue(value, ctx);
}

export interface DatePickerProps extends FormProps {
  /** Up to 40 characters. */
  label: Str;
  minDate?: DateInput;
  maxDate?: DateInput;
  unavailableDates?: readonly (string | Date)[] | Ref<string[]>;
  helperText?: Str;
  enabled?: Bool;
  required?: Bool;
  visible?: Visible;
  initValue?: DateInput;
  errorMessage?: Dyn<string>;
  onSelectAction?: DataExchangeAction;
}

/** A date field with a date picker. */
export class DatePicker extends FormComponent<string, DatePickerProps> {
  constructor(props: DatePickerProps) {
    super({ type: "DatePicker", formBefore4: true }, props);
  }

  protected override serializeProp(key: string, value: unknown, ctx: SerializeContext): unknown {
    return DATE_KEYS.has(key) ? pickerDate(value, ctx) : serializeValue(value, ctx);
  }
}

/** A start and an end value, for a CalendarPicker in range mode: `{ "start-date", "end-date" }`. */
export class CalendarRangeValues<T> extends FlowNode {
  readonly startDate: T;
  readonly endDate: T;

  constructor(init: { startDate: T; endDate: T }) {
    super();
    this.startDate = init.startDate;
    this.endDate = init.endDate;
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    return {
      "start-date": serializeValue(this.startDate, child(ctx, "startDate")),
      "end-date": serializeValue(this.endDate, child(ctx, "endDate")),
    };
  }
}

/** A CalendarRangeValues or its plain `{ startDate, endDate }`. */
export type Range<T> = CalendarRangeValues<T> | { startDate: T; endDate: T };

export interface CalendarPickerProps extends FormProps {
  /** Up to 40 characters; in range mode one per end. */
  label: Str | Range<Str>;
  /** Range mode only: up to 80 characters. */
  title?: Str;
  /** Range mode only: up to 300 characters. */
  description?: Str;
  mode?: Dyn<CalendarPickerMode>;
  minDate?: DateInput;
  maxDate?: DateInput;
  unavailableDates?: readonly (string | Date)[] | Ref<string[]>;
  /** Default: every day. */
  includeDays?: readonly CalendarDay[] | Ref<string[]>;
  /** Range mode only. */
  minDays?: Num;
  /** Range mode only. */
  maxDays?: Num;
  helperText?: Str | Range<Str>;
  enabled?: Bool;
  required?: Bool | Range<Bool>;
  visible?: Visible;
  initValue?: DateInput | Range<DateInput>;
  errorMessage?: Str | Range<Str>;
  onSelectAction?: DataExchangeAction | Range<DataExchangeAction>;
}

/** A full calendar to pick a day or a range of days (Flow JSON 6.1). */
export class CalendarPicker extends FormComponent<string | { "start-date": string; "end-date": string }, CalendarPickerProps> {
  constructor(props: CalendarPickerProps) {
    super({ type: "CalendarPicker", since: "6.1" }, props);
  }

  protected override serializeProp(_key: string, value: unknown, ctx: SerializeContext): unknown {
    if (isPlainObject(value) && "startDate" in value && "endDate" in value) {
      return new CalendarRangeValues(value as { startDate: unknown; endDate: unknown }).serialize(ctx);
    }
    return serializeValue(value, ctx);
  }
}
