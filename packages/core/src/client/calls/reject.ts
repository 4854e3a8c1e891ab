import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { callAction, type CallActionOptions } from "./action.ts";

export type RejectCallOptions = CallActionOptions;

/** pywa's `reject_call`: `action: "reject"` on a user's incoming call. */
export async function rejectCall(wa: WhatsApp, options: RejectCallOptions): Promise<SuccessResult> {
  return callAction(wa, "reject", options, {}, "rejectCall");
}
