/**
 * The wire format between `DurableObjectStore` (in the Worker) and
 * `EdgewaStoreObject` (the Durable Object): one POST per operation, whose body is a
 * JSON header line, a newline, then the value's JSON text as-is. The value is never
 * parsed by the object: it stores and returns the text it was given.
 */

/** The operation, its key and its conditions. */
export type StoreOp =
  | { op: "get"; key: string }
  | {
      op: "set";
      key: string;
      /** Time to live in ms, counted on the object's clock. */
      ttlMs?: number;
      /** `null`: create only if absent; a string: only over that version; absent: unconditional. */
      ifVersion?: string | null;
      /** When the object's alarm should run the sweep hook for this entry (ms since the epoch). */
      wakeAt?: number;
    }
  | { op: "delete"; key: string; ifVersion?: string }
  | { op: "stats" };

/**
 * Answers' header lines: get `{ found, version? }` (the value text follows when
 * found), set `{ version | false }`, delete `{ deleted }`, stats `{ rows, expiredRows, alarm }`.
 */

/** Joins a header (JSON) and an optional raw JSON text into one body. */
export function encodeMessage(header: object, text?: string): string {
  // JSON.stringify escapes newlines inside strings, so the first "\n" ends the header.
  return text === undefined ? JSON.stringify(header) : `${JSON.stringify(header)}\n${text}`;
}

/** Splits a body made by `encodeMessage`. */
export function decodeMessage<H>(body: string): { header: H; text: string | undefined } {
  const cut = body.indexOf("\n");
  if (cut < 0) return { header: JSON.parse(body) as H, text: undefined };
  return { header: JSON.parse(body.slice(0, cut)) as H, text: body.slice(cut + 1) };
}

/** The URL every operation is posted to; the host is never resolved (it names the binding's object). */
export const STORE_OBJECT_URL = "https://edgewa-store.internal/op";
