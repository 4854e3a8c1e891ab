import type { WhatsApp } from "../whatsapp.ts";
import { fetchMedia } from "./download.ts";
import type { Media, MediaInput, MediaType } from "./types.ts";
import { uploadMedia } from "./upload.ts";

export interface ResolveMediaOptions {
  /** The message type it is for: picks the default filename and MIME type of an upload. */
  type: MediaType;
  mimeType?: string;
  filename?: string;
  /** The phone number id sending the message: uploads go to it. */
  sender: string;
  signal?: AbortSignal;
}

/** Media URLs from `getMediaUrl` / incoming messages: they only open with the token. */
const LOOKASIDE = /^https:\/\/lookaside\.fbsbx\.com\/whatsapp_business\/attachments\/\?mid=/i;

/**
 * The `image` / `video` / `document` / `audio` / `sticker` argument of a send, as
 * the message refers to it (pywa's `resolve_media_param`):
 * - a `Media`, or a string of digits (a media id) → `{ id }`;
 * - an `http(s)://` URL → `{ link }`: WhatsApp fetches it, nothing is uploaded;
 * - a WhatsApp media URL (`lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…`,
 *   or any URL on the configured `graphUrl`'s host) → downloaded with the token and
 *   uploaded again, since WhatsApp's servers cannot open it without the token;
 * - a `data:<mime>;base64,…` URI, bytes, a Blob/File or a ReadableStream → uploaded, `{ id }`.
 */
export async function resolveMediaParam(
  wa: WhatsApp,
  input: MediaInput,
  opts: ResolveMediaOptions,
): Promise<{ id: string } | { link: string }> {
  const upload = (media: Exclude<MediaInput, Media>, mimeType = opts.mimeType, filename = opts.filename) =>
    uploadMedia(wa, { media, mimeType, filename, mediaType: opts.type, phoneId: opts.sender, signal: opts.signal });

  if (typeof input === "string") {
    if (/^\d+$/.test(input)) return { id: input };
    if (/^https?:\/\//i.test(input)) {
      if (!needsToken(wa, input)) return { link: input };
      // pywa copies it the same way: download (with auth), then upload.
      const response = await fetchMedia(wa, { url: input, signal: opts.signal });
      // A generic octet-stream says nothing: the message type's default does better.
      const served = response.headers.get("content-type") ?? "";
      const mimeType = opts.mimeType ?? (served && !/^application\/octet-stream\b/i.test(served) ? served : undefined);
      const filename = opts.filename ?? filenameFromDisposition(response.headers.get("content-disposition"));
      // The body goes in as a stream: uploadMedia collects it with the least memory.
      const body = response.body ?? new Blob([]);
      return { id: (await upload(body, mimeType, filename)).id };
    }
    if (/^data:/i.test(input)) return { id: (await upload(input)).id };
    throw new TypeError(
      `${opts.type}: expected a media id (digits), an http(s):// URL, a data:<mime>;base64,… URI, a Media from ` +
        `uploadMedia, bytes (Uint8Array / ArrayBuffer), a Blob or File, or a ReadableStream; got the string ` +
        `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}". File paths are not read here (the core has ` +
        "no filesystem): read the file and pass its bytes, e.g. on Node `await fs.openAsBlob(path)`.",
    );
  }
  if (isMedia(input)) return { id: input.id };
  return { id: (await upload(input)).id };
}

/** Meta's lookaside media URLs, and the configured Graph host's own (a proxy, or a test server). */
function needsToken(wa: WhatsApp, url: string): boolean {
  if (LOOKASIDE.test(url)) return true;
  return new URL(url).host === new URL(wa.graphUrl).host;
}

function isMedia(input: Exclude<MediaInput, string>): input is Media {
  return (
    !(input instanceof Blob) &&
    !(input instanceof ReadableStream) &&
    !ArrayBuffer.isView(input) &&
    !(input instanceof ArrayBuffer) &&
    typeof (input as Partial<Media>).id === "string"
  );
}

/** `attachment; filename="photo.jpg"` (or RFC 5987's `filename*=UTF-8''…`) → `photo.jpg`. */
function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // Fall through to the plain parameter.
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim() || undefined;
}
