import type { CallOptions } from "../../graph/request.ts";
import { ack } from "../business/ack.ts";
import { phoneSegment } from "../business/ids.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";

export interface DeleteUsernameOptions extends CallOptions {
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `delete_username`: `DELETE /{phone-id}/username`. */
export async function deleteUsername(wa: WhatsApp, options: DeleteUsernameOptions = {}): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "deleteUsername");
  return ack(wa, { method: "DELETE", path: `/${phone}/username` }, options);
}
