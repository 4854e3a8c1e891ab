import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import { phoneSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { toUsernameStatus, type UsernameStatus } from "./types.ts";

export interface SetUsernameOptions extends CallOptions {
  username: string;
  /**
   * Take the username from another number of the same business portfolio
   * (`transfer_action: "force_transfer"`). Without it Meta refuses such a name
   * with `UsernameTransferRequired` (147005).
   */
  forceTransfer?: boolean;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `set_username`: `POST /{phone-id}/username` with `username` and `transfer_action` (`none` / `force_transfer`). */
export async function setUsername(wa: WhatsApp, options: SetUsernameOptions): Promise<UsernameStatus> {
  const phone = phoneSegment(wa, options.phoneId, "setUsername");
  if (typeof options.username !== "string" || options.username === "") {
    throw new TypeError("setUsername: username must be a non-empty string");
  }
  const wire = await wa.api.request<Json>({
    method: "POST",
    path: `/${phone}/username`,
    json: { username: options.username, transfer_action: options.forceTransfer ? "force_transfer" : "none" },
    ...callOptions(options),
  });
  return toUsernameStatus(wire, options.username);
}
