import { fromBase64 } from "../../encoding/base64.ts";
import { fileName, ownedBytes } from "./bytes.ts";
import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { UploadedMedia } from "./handles.ts";
import type { MediaType } from "./types.ts";

/** Anything `uploadMedia` can send: bytes in a web-standard shape, or a `data:` URI. */
export type UploadableMedia = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | string;

export interface UploadMediaOptions extends CallOptions {
  /**
   * The file. A `Blob` or `File` is sent as it is (never copied; a `File` keeps its
   * name). Bytes are copied once, into a Blob. A `ReadableStream` is read to its end
   * first, into one Blob (a form carries only Blobs), holding the payload once. A
   * `data:<mime>;base64,…` URI is decoded. There are no file paths: the core has no
   * filesystem. On Node, `await fs.openAsBlob(path)` gives a Blob read lazily from
   * disk, the cheapest input of all.
   */
  media: UploadableMedia;
  /** Default: the Blob's or data URI's type, else guessed from the filename, else by `mediaType` (pywa's table). */
  mimeType?: string;
  /** Default: the File's name, else `image.jpg`, `video.mp4`, … by `mediaType` (pywa's table), with the extension of the MIME type. */
  filename?: string;
  /** What the file will be sent as: only picks the default filename and MIME type (pywa's `media_type`). */
  mediaType?: MediaType;
  /** Delete the media after this many minutes (No-Storage numbers: 60 to 43200). Default: 30 days. */
  ttlMinutes?: number;
  /** Upload to this phone number id instead of the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `upload_media`: `POST /{phone-id}/media`, multipart/form-data with `file`,
 * `messaging_product=whatsapp`, `type=<mime>` and, if set, `ttl_minutes`. The media
 * id it returns can be sent for 30 days (or the TTL).
 */
export async function uploadMedia(wa: WhatsApp, options: UploadMediaOptions): Promise<UploadedMedia> {
  const phoneId = wa.resolvePhoneId(options.phoneId);
  const ttl = options.ttlMinutes;
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) {
    throw new RangeError(`ttlMinutes must be a positive whole number of minutes, got ${ttl}`);
  }
  const { blob, name } = await toBlob(options.media, options.signal);
  const mimeType = bareMime(
    options.mimeType ||
      blob.type ||
      mimeFromFilename(options.filename ?? name) ||
      (options.mediaType ? DEFAULTS[options.mediaType].mimeType : FALLBACK_MIME),
  );
  const filename = options.filename || name || defaultFilename(options.mediaType, mimeType);

  const form = new FormData();
  form.append("messaging_product", "whatsapp");
  form.append("type", mimeType);
  if (ttl !== undefined) form.append("ttl_minutes", String(ttl));
  // The part's Content-Type is the Blob's own type: slice() re-labels it without
  // copying the bytes. fetch writes the multipart body and its boundary itself.
  form.append("file", blob.type === mimeType ? blob : blob.slice(0, blob.size, mimeType), filename);

  const response = await wa.api.request<{ id?: unknown }>({
    method: "POST",
    path: `/${encodeURIComponent(phoneId)}/media`,
    body: form,
    ...callOptions(options),
  });
  if (typeof response.id !== "string" && typeof response.id !== "number") {
    throw new Error(`uploadMedia: the Graph API answered without a media id: ${JSON.stringify(response).slice(0, 200)}`);
  }
  return new UploadedMedia(wa, { id: String(response.id), uploadedTo: phoneId, filename, mimeType });
}

/**
 * Blobs are assembled from parts of at most PIECE bytes. On Node (22 at least) a
 * Blob hands each in-memory part to `stream()` whole, so fetch would copy a Blob
 * made of one 50 MB part in one 50 MB piece while sending it, and
 * `new Response(stream).blob()` joins every chunk into one buffer before copying
 * that into the Blob (3× the payload at its peak, measured by bench/media.bench.ts).
 * Slices and parts share storage there. Runtimes that flatten a Blob's parts
 * (workerd) pay one transient extra copy of a PIECE at most per batch.
 */
const PIECE = 1024 * 1024;

/** The bytes as one Blob, in a single copy at most, and a File's name. */
async function toBlob(media: UploadableMedia, signal: AbortSignal | undefined): Promise<{ blob: Blob; name?: string }> {
  if (typeof media === "string") {
    const decoded = decodeDataUri(media);
    if (!decoded) {
      throw new TypeError(
        `uploadMedia: a string must be a data:<mime>;base64,… URI, got "${preview(media)}". ` +
          "To upload a file, pass its bytes, a Blob or a ReadableStream (on Node: `await fs.openAsBlob(path)`).",
      );
    }
    return { blob: bytesToBlob(decoded.bytes, decoded.mimeType) };
  }
  if (media instanceof Blob) {
    const name = fileName(media);
    const blob = media.size > PIECE ? pieces(media) : media;
    return name ? { blob, name } : { blob };
  }
  if (media instanceof ReadableStream) return { blob: await streamToBlob(media, signal) };
  const bytes = ownedBytes(media);
  if (bytes) return { blob: bytesToBlob(bytes) };
  throw new TypeError(
    "uploadMedia: media must be a Uint8Array, an ArrayBuffer, a Blob or File, a ReadableStream of bytes, " +
      `or a data: URI; got ${Object.prototype.toString.call(media)}`,
  );
}

/** One copy of the bytes, in PIECE-sized parts (subarrays are views, not copies). */
function bytesToBlob(bytes: Uint8Array<ArrayBuffer>, type = ""): Blob {
  if (bytes.byteLength <= PIECE) return new Blob([bytes], { type });
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0; at < bytes.byteLength; at += PIECE) parts.push(bytes.subarray(at, at + PIECE));
  return new Blob(parts, { type });
}

/** The same bytes as a Blob of PIECE-sized slices (no copy on Node). */
function pieces(blob: Blob): Blob {
  const parts: Blob[] = [];
  for (let at = 0; at < blob.size; at += PIECE) parts.push(blob.slice(at, at + PIECE));
  return new Blob(parts, { type: blob.type });
}

/**
 * A stream drained into one Blob. Each PIECE of chunks is copied into a small
 * Blob as soon as it is complete, so the chunks are garbage right away and never
 * all held next to the Blob (no array of every chunk, no joined buffer).
 */
async function streamToBlob(stream: ReadableStream<Uint8Array>, signal: AbortSignal | undefined): Promise<Blob> {
  const reader = stream.getReader();
  // Cancelling the stream also ends a read() that is waiting for the source.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await drain(reader, signal);
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, signal: AbortSignal | undefined): Promise<Blob> {
  const parts: Blob[] = [];
  let batch: Uint8Array<ArrayBuffer>[] = [];
  let batched = 0;
  for (;;) {
    signal?.throwIfAborted();
    const { done, value } = await reader.read();
    signal?.throwIfAborted();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      await reader.cancel();
      throw new TypeError(`uploadMedia: the stream must yield Uint8Array chunks, got ${Object.prototype.toString.call(value)}`);
    }
    batch.push(ownedBytes(value)!);
    batched += value.byteLength;
    if (batched >= PIECE) {
      parts.push(new Blob(batch));
      batch = [];
      batched = 0;
    }
  }
  if (batch.length > 0) parts.push(new Blob(batch));
  return new Blob(parts);
}

// `data:[<mime>][;param…];base64,<data>`. Only the header is matched: the payload can be megabytes.
const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*?);base64,/i;

/** A base64 `data:` URI's bytes and MIME type; undefined for any other string. */
export function decodeDataUri(uri: string): { bytes: Uint8Array<ArrayBuffer>; mimeType: string | undefined } | undefined {
  const header = DATA_URI.exec(uri.slice(0, 512));
  if (!header) return undefined;
  const payload = uri.slice(header[0].length);
  const mimeType = header[1] ? header[1].toLowerCase() : undefined;
  // Line breaks are allowed in a data: URI (RFC 2397 via RFC 2045); nothing else is.
  const bytes = fromBase64(payload.replace(/\s+/g, ""));
  if (!bytes) throw new TypeError(`The data: URI's payload is not valid base64 ("${preview(payload)}")`);
  return { bytes, mimeType };
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// ── Default names and types ──────────────────────────────────────────────────

/** pywa's `media_types_default_filenames` / `media_types_default_mime_types`. */
const DEFAULTS: Record<MediaType, { filename: string; mimeType: string }> = {
  image: { filename: "image.jpg", mimeType: "image/jpeg" },
  video: { filename: "video.mp4", mimeType: "video/mp4" },
  audio: { filename: "audio.mp3", mimeType: "audio/mpeg" },
  sticker: { filename: "sticker.webp", mimeType: "image/webp" },
  document: { filename: "document.pdf", mimeType: "application/pdf" },
};
/** pywa's fallback when nothing is known (named `file.txt`). */
const FALLBACK_MIME = "text/plain";

/**
 * The types the Cloud API accepts, by extension. pywa guesses with Python's
 * `mimetypes`; the core has no such database, and these are the only types that
 * matter here.
 */
const EXTENSIONS: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif",
  mp4: "video/mp4", "3gp": "video/3gpp",
  aac: "audio/aac", amr: "audio/amr", mp3: "audio/mpeg", m4a: "audio/mp4", ogg: "audio/ogg", opus: "audio/ogg",
  txt: "text/plain", pdf: "application/pdf",
  doc: "application/msword", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint", pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};
/** The first extension listed for each type (`image/jpeg` → `jpg`). */
const EXTENSION_OF: Record<string, string> = {};
for (const [ext, mime] of Object.entries(EXTENSIONS)) EXTENSION_OF[mime] ??= ext;

function mimeFromFilename(filename: string | undefined): string | undefined {
  const ext = filename?.match(/\.([^./\\]+)$/)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}

/**
 * pywa's default name, with the extension of the actual type: an `image/png` image
 * is `image.png`, not `image.jpg`. A type the table does not know gets no extension.
 */
function defaultFilename(mediaType: MediaType | undefined, mimeType: string): string {
  const ext = EXTENSION_OF[mimeType];
  if (ext) return `${mediaType ?? "file"}.${ext}`;
  return mediaType ? DEFAULTS[mediaType].filename : "file";
}

/** `image/jpeg; charset=…` → `image/jpeg`: the form's `type` field wants the bare type. */
function bareMime(mime: string): string {
  return mime.split(";")[0]!.trim().toLowerCase();
}
