import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { TemplateMediaExample, TemplateMediaHeader } from "../../templates/components/header.ts";
import { isFileHandle } from "../../templates/serialize.ts";
import type { TemplateComponents } from "../../templates/spec.ts";
import { fetchMedia } from "../media/download.ts";
import { decodeDataUri } from "../media/upload.ts";
import { resumableUpload, type ResumableFile } from "../uploads/resumable.ts";
import type { WhatsApp } from "../whatsapp.ts";

/** A sample's MIME type and file name when nothing better is known, by header format. */
const DEFAULTS: Record<string, { type: string; name: string }> = {
  image: { type: "image/jpeg", name: "image" },
  video: { type: "video/mp4", name: "video" },
  gif: { type: "video/mp4", name: "animation" },
  document: { type: "application/pdf", name: "document" },
};
/** The extension of a default name, from the types the upload API accepts. */
const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/jpg": "jpg", "image/png": "png", "video/mp4": "mp4", "application/pdf": "pdf" };

/**
 * Uploads the media samples of the headers (carousel cards' too) that are not
 * file handles yet through the Resumable Upload API, in parallel and each
 * distinct sample once, and returns each media header's handle.
 */
export async function uploadMediaExamples(
  wa: WhatsApp,
  c: TemplateComponents,
  o: CallOptions & { appId?: string },
): Promise<(header: TemplateMediaHeader) => string> {
  const headers = [c.header, ...(c.carousel ?? []).map((card) => card.header)].filter(
    (h): h is TemplateMediaHeader => h !== undefined && h.format !== "text" && h.format !== "location" && h.format !== "product",
  );
  const pending = new Map<TemplateMediaExample, Promise<string>>();
  for (const h of headers) {
    const example = h.example;
    if (example === undefined || isFileHandle(example) || pending.has(example)) continue;
    pending.set(
      example,
      sampleFile(wa, example, h, o).then(async ({ file, fileName, fileType }) => {
        const { handle } = await resumableUpload(wa, { ...callOptions(o), file, fileName, fileType, ...(o.appId !== undefined ? { appId: o.appId } : {}) });
        return handle;
      }),
    );
  }
  const handles = new Map<TemplateMediaExample, string>();
  await Promise.all([...pending].map(async ([example, upload]) => handles.set(example, await upload)));
  return (header) => {
    const example = header.example;
    if (example === undefined) throw new TypeError(`The ${header.format} header has no example`);
    return isFileHandle(example) ? example : handles.get(example)!;
  };
}

/** A sample as the file, name and type the upload needs (its length must be known up front). */
async function sampleFile(
  wa: WhatsApp,
  example: TemplateMediaExample,
  header: TemplateMediaHeader,
  o: CallOptions,
): Promise<{ file: ResumableFile; fileName: string; fileType: string }> {
  const fallback = DEFAULTS[header.format]!;
  let file: ResumableFile;
  let name: string | undefined;
  if (typeof example === "string") {
    if (/^https?:\/\//i.test(example)) {
      const response = await fetchMedia(wa, { url: example, ...callOptions(o) });
      file = await response.blob();
      const last = new URL(example).pathname.split("/").filter(Boolean).pop();
      name = last ? decodeURIComponent(last) : undefined;
    } else {
      const decoded = decodeDataUri(example);
      if (!decoded) {
        throw new TypeError(
          `A media example string must be a file handle ("4::…"), an http(s):// URL or a data: URI; got "${example.length > 40 ? `${example.slice(0, 40)}…` : example}"`,
        );
      }
      file = new Blob([decoded.bytes], { type: decoded.mimeType ?? "" });
    }
  } else if (example instanceof ReadableStream) {
    file = await new Response(example).blob();
  } else {
    file = example;
    if (typeof File !== "undefined" && example instanceof File && example.name) name = example.name;
  }
  const own = file instanceof Blob ? file.type.split(";")[0]!.trim().toLowerCase() : "";
  const fileType = header.mimeType || own || fallback.type;
  const ext = EXTENSIONS[fileType];
  return { file, fileName: name ?? (ext ? `${fallback.name}.${ext}` : fallback.name), fileType };
}
