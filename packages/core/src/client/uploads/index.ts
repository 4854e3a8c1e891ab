// Meta's Resumable Upload API (file handles for template media examples and profile pictures).
export { resumableUpload, type ResumableUploadOptions, type ResumableUpload, type ResumableFile } from "./resumable.ts";
