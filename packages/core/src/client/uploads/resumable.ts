import { fileName, ownedBytes } from "../media/bytes.ts";
import { callOptions, type CallOptions } from "../../graph/request.ts";
import { resolveAppId } from "../app/app-id.ts";
import { segment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";

/** What the Resumable Upload API can send: bytes or a Blob (a `File` gives its name and type). */
export type ResumableFile = Uint8Array | ArrayBuffer | Blob;

export interface ResumableUploadOptions extends CallOptions {
  /** The app the upload belongs to. Default: the client's `appId`. */
  appId?: string;
  /** The file. Its length must be known, so no streams: read one into a Blob first. */
  file: ResumableFile;
  /** Default: the File's name, else `"file"`. */
  fileName?: string;
  /**
   * The MIME type (`image/jpeg`, `image/png`, `video/mp4`, `application/pdf`…).
   * Default: the Blob's type; required for bytes.
   */
  fileType?: string;
}

/** A finished upload: the handle other endpoints take (`profile_picture_handle`, `header_handle`). */
export interface ResumableUpload {
  handle: string;
}

/**
 * Meta's Resumable Upload API, in one go (pywa's `create_upload_session` then
 * `upload_file`): `POST /{app-id}/uploads?file_name&file_length&file_type` opens a
 * session (`{ id: "upload:…" }`), then `POST /{session}` with header
 * `file_offset: 0` and the raw bytes answers the file handle `{ h }`. Used for
 * template media examples and the business profile picture.
 */
export async function resumableUpload(wa: WhatsApp, options: ResumableUploadOptions): Promise<ResumableUpload> {
  const appId = segment(resolveAppId(wa, options.appId, "resumableUpload"), "appId", "resumableUpload");
  const blob = toBlob(options.file);
  const fileType = (options.fileType || blob.type).split(";")[0]!.trim().toLowerCase();
  if (!fileType) throw new TypeError("resumableUpload: pass fileType (e.g. \"image/jpeg\"): bytes carry no MIME type");
  if (blob.size === 0) throw new RangeError("resumableUpload: the file is empty");
  const fileName = options.fileName || fileNameOf(options.file) || "file";

  const session = await wa.api.request<{ id?: unknown }>({
    method: "POST",
    path: `/${appId}/uploads`,
    // Unlike pywa (which builds this string by hand), the values are URL-encoded.
    query: { file_name: fileName, file_length: blob.size, file_type: fileType },
    ...callOptions(options),
  });
  const sessionId = session.id;
  // The id is `upload:<opaque>`, often with `?sig=…`: it is the path (and query) of step two as is.
  if (typeof sessionId !== "string" || !/^upload:[^#\s]+$/.test(sessionId) || /(^|\/)\.\.?(\/|\?|$)/.test(sessionId)) {
    throw new Error(`resumableUpload: the Graph API answered without an upload session id: ${JSON.stringify(session).slice(0, 200)}`);
  }
  const uploaded = await wa.api.request<{ h?: unknown }>({
    method: "POST",
    path: `/${sessionId}`,
    headers: { file_offset: "0" },
    // Labelled with the file's type; a Blob is replayable, so a retry resends it whole.
    body: blob.type === fileType ? blob : blob.slice(0, blob.size, fileType),
    ...callOptions(options),
  });
  if (typeof uploaded.h !== "string" || uploaded.h === "") {
    throw new Error(`resumableUpload: the Graph API answered without a file handle: ${JSON.stringify(uploaded).slice(0, 200)}`);
  }
  return { handle: uploaded.h };
}

function toBlob(file: ResumableFile): Blob {
  if (file instanceof Blob) return file;
  const bytes = ownedBytes(file);
  if (bytes) return new Blob([bytes]);
  throw new TypeError(`resumableUpload: file must be a Uint8Array, an ArrayBuffer or a Blob, got ${Object.prototype.toString.call(file)}`);
}

function fileNameOf(file: ResumableFile): string | undefined {
  return fileName(file);
}
