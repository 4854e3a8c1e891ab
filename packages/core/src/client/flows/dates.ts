// Dates as the Graph API writes and reads them.

/** A Graph timestamp (`2024-01-28T08:00:00+0000`) as a Date; the offset gets the colon every runtime parses. */
export function graphDate(value: unknown): Date | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `YYYY-MM-DD` of a Date (UTC), or a string given as is (pywa's `date | str`). */
export function graphDay(value: Date | string): string {
  return typeof value === "string" ? value : value.toISOString().slice(0, 10);
}
