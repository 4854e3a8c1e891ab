import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { callAction, type CallActionOptions } from "./action.ts";

export type TerminateCallOptions = CallActionOptions;

/** pywa's `terminate_call`: `action: "terminate"` ends an active call (also needed after an RTCP BYE). */
export async function terminateCall(wa: WhatsApp, options: TerminateCallOptions): Promise<SuccessResult> {
  return callAction(wa, "terminate", options, {}, "terminateCall");
}
