import { str, type Json } from "../../updates/json.ts";

/**
 * Where a business username stands: `reserved` (accepted, not yet visible in the
 * user's region), `approved` (visible), `deleted`. Open: a status Meta adds later
 * is kept as it came.
 */
export type UsernameStatusValue = "approved" | "reserved" | "deleted" | (string & {});

/** A phone number's business username (pywa's `UsernameStatus`). */
export interface UsernameStatus {
  /** Undefined when the number has no username (Meta then omits it). */
  username: string | undefined;
  status: UsernameStatusValue;
  raw: Json;
}

/** `requested`: the name asked for, since Meta answers a set with the status alone. */
export function toUsernameStatus(w: Json, requested?: string): UsernameStatus {
  return { username: str(w.username) ?? requested, status: str(w.status) ?? "", raw: w };
}
