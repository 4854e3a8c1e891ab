import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { mediaIdSegment } from "./url.ts";

export interface DeleteMediaOptions extends CallOptions {
  mediaId: string;
  /** Only delete it if it belongs to this phone number id (`phone_number_id`); only sent if given. */
  phoneId?: string;
}

/** pywa's `delete_media`: `DELETE /{media-id}`. */
export async function deleteMedia(wa: WhatsApp, options: DeleteMediaOptions): Promise<SuccessResult> {
  const response = await wa.api.request<{ success?: unknown }>({
    method: "DELETE",
    path: `/${mediaIdSegment(options.mediaId, "deleteMedia")}`,
    query: { phone_number_id: options.phoneId },
    ...callOptions(options),
  });
  return { success: response.success === true };
}
