import type { CallOptions } from "../../graph/request.ts";
import { ack } from "../business/ack.ts";
import { phoneSegment, segment } from "../business/ids.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";

export interface DeleteQrCodeOptions extends CallOptions {
  code: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `delete_qr_code`: `DELETE /{phone-id}/message_qrdls/{code}`. */
export async function deleteQrCode(wa: WhatsApp, options: DeleteQrCodeOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "deleteQrCode");
  return ack(wa, { method: "DELETE", path: `/${phone}/message_qrdls/${segment(options.code, "code", "deleteQrCode")}` }, options);
}
