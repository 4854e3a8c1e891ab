import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { MediaUrl } from "./handles.ts";

export interface GetMediaUrlOptions extends CallOptions {
  mediaId: string;
  /** Check that the media belongs to this phone number id (`phone_number_id`); only sent if given. */
  phoneId?: string;
}

/** `GET /{media-id}` as Meta answers it. */
interface MediaUrlResponse {
  id: string;
  url: string;
  mime_type: string;
  sha256: string;
  /** A number, though Meta's docs show it quoted: both are read. */
  file_size: number | string;
}

/**
 * pywa's `get_media_url`: where to download a media, valid for about 5 minutes.
 * The URL only works with the access token: download it with `streamMedia`,
 * `getMediaBytes` or `downloadMedia`, which send it.
 */
export async function getMediaUrl(wa: WhatsApp, options: GetMediaUrlOptions): Promise<MediaUrl> {
  const response = await wa.api.request<MediaUrlResponse>({
    method: "GET",
    path: `/${mediaIdSegment(options.mediaId, "getMediaUrl")}`,
    query: { phone_number_id: options.phoneId },
    ...callOptions(options),
  });
  return new MediaUrl(wa, {
    id: String(response.id),
    url: response.url,
    mimeType: response.mime_type,
    sha256: response.sha256,
    fileSize: Number(response.file_size),
  });
}

/** A media id as one path segment: encoded, so `"../x"` cannot reach another endpoint. */
export function mediaIdSegment(mediaId: string, method: string): string {
  if (typeof mediaId !== "string" && typeof mediaId !== "number") {
    throw new TypeError(`${method}: mediaId must be a string, got ${typeof mediaId}`);
  }
  const id = String(mediaId);
  if (id === "") throw new TypeError(`${method}: mediaId is empty`);
  return encodeURIComponent(id);
}
