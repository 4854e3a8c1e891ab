/**
 * What a media argument may be (pywa's media parameter, minus file paths: the core
 * has no filesystem):
 * - a media id (`"1234567890"`) or a `Media` from `uploadMedia` → sent by id;
 * - an `http(s)://` URL → sent as a link, WhatsApp fetches it;
 * - bytes (`Uint8Array`, `ArrayBuffer`), a `Blob`/`File`, a `ReadableStream` of bytes,
 *   or a `data:<mime>;base64,…` URI → uploaded first, then sent by id.
 */
export type MediaInput = string | Media | Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;

export type MediaType = "image" | "video" | "audio" | "document" | "sticker";

/** An uploaded media: its id is valid for 30 days (or its TTL). */
export interface Media {
  id: string;
  /** The phone number id it was uploaded to. */
  uploadedTo: string;
  filename?: string | undefined;
  mimeType?: string | undefined;
}

// `GET /{media-id}`'s answer is the MediaUrl class (handles.ts), with its download methods.
