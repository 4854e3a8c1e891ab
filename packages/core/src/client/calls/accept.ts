import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { callAction, trackerField, type CallActionOptions } from "./action.ts";
import { sessionToWire, type SdpAnswer } from "./types.ts";

export interface PreAcceptCallOptions extends CallActionOptions {
  /** The business's SDP answer to the caller's offer (`CallConnect.session`). */
  sdp: SdpAnswer;
}

/**
 * pywa's `pre_accept_call`: `action: "pre_accept"`. Sets up the media connection
 * before accepting, so audio flows at once on `acceptCall` (no clipped start).
 */
export async function preAcceptCall(wa: WhatsApp, options: PreAcceptCallOptions): Promise<SuccessResult> {
  return callAction(wa, "pre_accept", options, { session: sessionToWire(options.sdp, "preAcceptCall", "answer") }, "preAcceptCall");
}

export interface AcceptCallOptions extends PreAcceptCallOptions {
  /** Echoed on this call's `callTerminate` update (`biz_opaque_callback_data`, ≤ 512 characters). */
  tracker?: string;
}

/** pywa's `accept_call`: `action: "accept"`, within 30–60 s of the `callConnect` update. */
export async function acceptCall(wa: WhatsApp, options: AcceptCallOptions): Promise<SuccessResult> {
  const extra = { session: sessionToWire(options.sdp, "acceptCall", "answer"), ...trackerField(options.tracker, "acceptCall") };
  return callAction(wa, "accept", options, extra, "acceptCall");
}
