import type { CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { getMediaUrl } from "./url.ts";

/**
 * Which media to download: the `url` from `getMediaUrl` (or an incoming message's
 * media), or a `mediaId`, whose URL is looked up first (one more request).
 */
export type MediaSource = ({ url: string } | { mediaId: string; phoneId?: string }) & CallOptions;

export type DownloadMediaOptions = MediaSource & {
  /** Where the bytes go. Closed when the download ends, aborted if it fails. */
  sink: WritableStream<Uint8Array>;
};

/**
 * The download's response, unread. It goes through `wa.api` so that it carries
 * the User-Agent, and the token when the URL is Meta's (never to another host):
 * the lookaside CDN answers requests without them with an error page.
 */
export async function fetchMedia(wa: WhatsApp, source: MediaSource): Promise<Response> {
  const call = { signal: source.signal, timeoutMs: source.timeoutMs, retry: source.retry };
  let url: string;
  if ("url" in source) {
    url = source.url;
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) {
      throw new TypeError(`media url must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
    }
  } else {
    url = (await getMediaUrl(wa, { mediaId: source.mediaId, phoneId: source.phoneId, ...call })).url;
  }
  return wa.api.send({ method: "GET", path: url, ...call });
}

/**
 * pywa's `stream_media`: the media's bytes as they arrive, never held whole.
 * Note that `timeoutMs` covers the whole download, not just its start.
 */
export async function streamMedia(wa: WhatsApp, source: MediaSource): Promise<ReadableStream<Uint8Array>> {
  const response = await fetchMedia(wa, source);
  return response.body ?? new ReadableStream({ start: (controller) => controller.close() });
}

/** pywa's `get_media_bytes`: the whole media in memory. For large files prefer `streamMedia` / `downloadMedia`. */
export async function getMediaBytes(wa: WhatsApp, source: MediaSource): Promise<Uint8Array> {
  const response = await fetchMedia(wa, source);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * pywa's `download_media`, to a sink of your choice: the core has no filesystem.
 * The bytes are piped as they arrive. On Node, to a file:
 *
 *     import { createWriteStream } from "node:fs";
 *     import { Writable } from "node:stream";
 *     await wa.downloadMedia({ mediaId, sink: Writable.toWeb(createWriteStream("photo.jpg")) });
 *
 * On Workers, hand `streamMedia`'s stream to its destination (e.g. an R2 `put`) instead.
 * The sink is closed when the download completes and aborted if it fails.
 */
export async function downloadMedia(wa: WhatsApp, options: DownloadMediaOptions): Promise<void> {
  const { sink, ...source } = options;
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = await streamMedia(wa, source);
  } catch (error) {
    // Nothing will be written: release the sink (e.g. its file descriptor) as pipeTo would.
    await sink.abort(error).catch(() => {});
    throw error;
  }
  await stream.pipeTo(sink, options.signal ? { signal: options.signal } : {});
}
