import type { CallOptions } from "../../graph/request.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { ack } from "./ack.ts";
import { phoneSegment } from "./ids.ts";

export interface UpdateDisplayNameOptions extends CallOptions {
  /** The new name; Meta reviews it before it shows (see the number's `newNameStatus`). */
  newDisplayName: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `update_display_name`: `POST /{phone-id}` with `new_display_name`. */
export async function updateDisplayName(wa: WhatsApp, options: UpdateDisplayNameOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "updateDisplayName");
  if (!options.newDisplayName) throw new TypeError("updateDisplayName: newDisplayName is empty");
  return ack(wa, { method: "POST", path: `/${phone}`, json: { new_display_name: options.newDisplayName, messaging_product: "whatsapp" } }, options);
}
