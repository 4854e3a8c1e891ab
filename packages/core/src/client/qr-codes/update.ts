import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import { phoneSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { toQrCode, type QrCode } from "./types.ts";

export interface UpdateQrCodeOptions extends CallOptions {
  code: string;
  prefilledMessage: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `update_qr_code`: `POST /{phone-id}/message_qrdls` with `code` and the new `prefilled_message`. */
export async function updateQrCode(wa: WhatsApp, options: UpdateQrCodeOptions): Promise<QrCode> {
  const phone = phoneSegment(wa, options.phoneId, "updateQrCode");
  if (!options.code) throw new TypeError("updateQrCode: code is empty");
  if (!options.prefilledMessage) throw new TypeError("updateQrCode: prefilledMessage is empty");
  const wire = await wa.api.request<Json>({
    method: "POST",
    path: `/${phone}/message_qrdls`,
    json: { code: options.code, prefilled_message: options.prefilledMessage },
    ...callOptions(options),
  });
  return toQrCode(wire);
}
