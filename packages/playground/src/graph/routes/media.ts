import { cdnNotFound, graphError, invalidToken, missingParameter, unsupportedRequest } from "../errors.ts";
import type { Reply, RouteContext, RouteDef } from "../types.ts";
import { KEEP_BYTES_UNDER } from "../body.ts";
import { ok } from "./util.ts";

/** Where GET /{media-id} points downloads (stand-in for lookaside.fbsbx.com). */
export const DOWNLOAD_PREFIX = "/media-download";

/** `POST /{phone-id}/media` (multipart): registers the file, answers `{ id }`. */
function upload(ctx: RouteContext): Reply {
  const form = ctx.request.form;
  if (!form || form.fields.messaging_product === undefined) return missingParameter("messaging_product", ctx.fbtraceId);
  if (form.fields.messaging_product !== "whatsapp") {
    return graphError(400, { code: 100, message: `(#100) Param messaging_product must be one of {WHATSAPP} - got "${form.fields.messaging_product}".` }, ctx.fbtraceId);
  }
  const file = ctx.files.file;
  if (!file) return missingParameter("file", ctx.fbtraceId);
  const mimeType = form.fields.type || file.type || "application/octet-stream";
  const id = ctx.media.add({
    mimeType,
    size: file.size,
    sha256: file.sha256,
    filename: file.filename,
    ...(file.bytes ? { bytes: file.bytes } : {}),
  });
  return ok({ id });
}

/** `GET /{media-id}`: the media URL object. Unknown ids fall through to the 404. */
function mediaUrl(ctx: RouteContext): Reply | undefined {
  const id = ctx.params.mediaId!;
  const media = ctx.media.get(id);
  if (!media) return undefined;
  const ext = Math.floor(Date.now() / 1000) + 300;
  const url = `${ctx.baseUrl}${DOWNLOAD_PREFIX}/${encodeURIComponent(id)}?mid=${encodeURIComponent(id)}&ext=${ext}&hash=${ctx.media.urlHash(id)}`;
  return ok({ messaging_product: "whatsapp", url, mime_type: media.mimeType, sha256: media.sha256, file_size: media.size, id });
}

/** `DELETE /{media-id}` */
function deleteMedia(ctx: RouteContext): Reply {
  const id = ctx.params.mediaId!;
  return ctx.media.delete(id) ? ok({ success: true }) : unsupportedRequest("DELETE", id, ctx.fbtraceId);
}

/**
 * `GET /media-download/{id}`: the CDN stand-in. Needs a User-Agent (else a 404 HTML
 * page, as the CDN answers) and `Authorization: Bearer …` (the configured token when
 * there is one; else any), then streams the bytes.
 */
function download(ctx: RouteContext): Reply {
  const { headers } = ctx.request;
  if (!headers["user-agent"]) return cdnNotFound();
  const auth = headers.authorization ?? "";
  const token = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
  if (token === undefined) return invalidToken(ctx.fbtraceId, "An active access token must be used to download this media.");
  if (ctx.options.token !== undefined && token !== ctx.options.token) return invalidToken(ctx.fbtraceId);

  const media = ctx.media.get(ctx.params.mediaId!);
  if (!media) return cdnNotFound();
  if (!media.bytes) {
    return {
      status: 410,
      headers: { "content-type": "text/plain; charset=utf-8" },
      text: `local graph server: the bytes of media ${media.id} (${media.size} bytes) were not kept (uploads keep bytes only under ${ctx.options.keepBytesUnder ?? KEEP_BYTES_UNDER} bytes)`,
    };
  }
  const headersOut: Record<string, string> = { "content-type": media.mimeType };
  if (media.filename) headersOut["content-disposition"] = `attachment; filename="${media.filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"`;
  return { status: 200, headers: headersOut, bytes: media.bytes };
}

export const mediaRoutes: RouteDef[] = [
  { method: "GET", path: `${DOWNLOAD_PREFIX}/:mediaId`, versioned: false, auth: "self", handle: download },
  { method: "POST", path: "/:phoneId/media", handle: upload },
  { method: "GET", path: "/:mediaId", handle: mediaUrl },
  { method: "DELETE", path: "/:mediaId", handle: deleteMedia },
];
