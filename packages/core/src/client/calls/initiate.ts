import { callOptions, type CallOptions } from "../../graph/request.ts";
import { bool, objects, str, type Json } from "../../updates/json.ts";
import { phoneSegment } from "../business/ids.ts";
import { resolveRecipient } from "../send/recipient.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { trackerField } from "./action.ts";
import { sessionToWire, type SdpOffer } from "./types.ts";

export interface InitiateCallOptions extends CallOptions {
  /** Phone number, WhatsApp id or BSUID of a user who gave call permission. */
  to: string;
  /** The business's SDP offer. */
  sdp: SdpOffer;
  /** Echoed on this call's status and terminate updates (`biz_opaque_callback_data`, ≤ 512 characters). */
  tracker?: string;
  /** Call from this business number. Default: the client's `phoneId`. */
  phoneId?: string;
}

/** A call the business placed (pywa's `InitiatedCall`): its answer comes as `callConnect`, then `callStatus` updates. */
export interface InitiatedCall {
  /** The call's `wacid.…`. */
  id: string;
  to: string;
  fromPhoneId: string;
  success: boolean;
  raw: Json;
}

/** pywa's `initiate_call`: `POST /{phone-id}/calls` with `action: "connect"` and the SDP offer. */
export async function initiateCall(wa: WhatsApp, options: InitiateCallOptions): Promise<InitiatedCall> {
  const phoneId = wa.resolvePhoneId(options.phoneId);
  const phone = phoneSegment(wa, phoneId, "initiateCall");
  const { to, recipient } = resolveRecipient(options.to);
  const wire = await wa.api.request<Json>({
    method: "POST",
    path: `/${phone}/calls`,
    json: {
      messaging_product: "whatsapp",
      ...(recipient !== undefined ? { recipient } : { to }),
      action: "connect",
      session: sessionToWire(options.sdp, "initiateCall", "offer"),
      ...trackerField(options.tracker, "initiateCall"),
    },
    ...callOptions(options),
  });
  const call = objects(wire.calls)[0];
  const id = str(call?.id);
  if (!id) throw new Error(`initiateCall: the Graph API answered without calls[0].id: ${JSON.stringify(wire).slice(0, 200)}`);
  // Meta answers `{ calls: [{ id }] }`; a call id means the call is being placed.
  return { id, to: String(options.to), fromPhoneId: phoneId, success: bool(wire.success) ?? true, raw: wire };
}
