// The media methods: upload, look up, download, delete, and how a send's media argument is resolved.
// The upload's `Media` shape is exported as `MediaRef` (what a send takes by id) and
// `MediaType` not at all: the package root already exports the incoming-message `Media`
// and an identical `MediaType` from updates/. `uploadMedia` returns an `UploadedMedia`.
export type { Media as MediaRef, MediaInput } from "./types.ts";
export { UploadedMedia, MediaUrl, type MediaDownloadOptions, type ReuploadOptions } from "./handles.ts";
export { uploadMedia, decodeDataUri, type UploadMediaOptions, type UploadableMedia } from "./upload.ts";
export { getMediaUrl, type GetMediaUrlOptions } from "./url.ts";
export {
  downloadMedia, fetchMedia, getMediaBytes, streamMedia,
  type DownloadMediaOptions, type MediaSource,
} from "./download.ts";
export { deleteMedia, type DeleteMediaOptions } from "./delete.ts";
export { resolveMediaParam, type ResolveMediaOptions } from "./resolve.ts";
