import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import { phoneSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { checkImageType, toQrCode, type QrCode, type QrImageType } from "./types.ts";

export interface CreateQrCodeOptions extends CallOptions {
  /** The message the user's composer is prefilled with. */
  prefilledMessage: string;
  /** Default `"PNG"`. */
  imageType?: QrImageType;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `create_qr_code`: `POST /{phone-id}/message_qrdls` with `prefilled_message` and `generate_qr_image`. */
export async function createQrCode(wa: WhatsApp, options: CreateQrCodeOptions): Promise<QrCode> {
  const phone = phoneSegment(wa, options.phoneId, "createQrCode");
  if (!options.prefilledMessage) throw new TypeError("createQrCode: prefilledMessage is empty");
  const wire = await wa.api.request<Json>({
    method: "POST",
    path: `/${phone}/message_qrdls`,
    json: { prefilled_message: options.prefilledMessage, generate_qr_image: checkImageType(options.imageType ?? "PNG") },
    ...callOptions(options),
  });
  return toQrCode(wire);
}
