// pywa's wire format (`CallbackData.to_str` / `from_str`), kept byte for byte so that
// buttons sent by a pywa bot are read by an edgewa one and the other way round.

/** pywa's `__callback_data_sep__`: between the id and each field. */
export const FIELD_SEPARATOR = "~";
/** pywa's `__callback_sep__`: never written, but refused in values as pywa does. */
export const RESERVED_SEPARATOR = "¶";
/** pywa's `__callback_bool_true__`; false is the empty string. */
export const TRUE = "§";
export const FALSE = "";
/** pywa's `__callback_null__`. */
export const NULL = "¤";

/** Whether `text` holds a character that would break the field split. */
export function hasSeparator(text: string): boolean {
  return text.includes(FIELD_SEPARATOR) || text.includes(RESERVED_SEPARATOR);
}

/** A value as an error message shows it: quoted, and cut short. */
export function shown(value: unknown): string {
  const text =
    typeof value === "string"
      ? JSON.stringify(value)
      : typeof value === "object" && value !== null
        ? (Array.isArray(value) ? "an array" : "an object")
        : typeof value === "bigint"
          ? `${value}n`
          : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
