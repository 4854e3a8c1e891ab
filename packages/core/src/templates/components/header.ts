import type { TextExample } from "../placeholders.ts";

/**
 * The sample media a media header is reviewed with: a file handle from the
 * resumable upload API (`"4::aW1h…"`, used as is), an `http(s)://` URL (fetched),
 * a `data:<mime>;base64,…` URI, bytes, a Blob/File or a stream. `createTemplate`
 * and `updateTemplate` upload what is not a handle yet, once per distinct sample.
 */
export type TemplateMediaExample = string | Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;

/** A text header, at most one variable (`{{1}}` or `{{name}}`), 60 characters. */
export interface TemplateTextHeader<S extends string = string> {
  readonly type: "header";
  readonly format: "text";
  readonly text: S;
  /** Sample values for review: required when the text has a variable. */
  readonly example?: TextExample<S>;
}

export type TemplateMediaFormat = "image" | "video" | "gif" | "document";

export interface TemplateMediaHeader<F extends TemplateMediaFormat = TemplateMediaFormat> {
  readonly type: "header";
  readonly format: F;
  /** Required to create the template; a template read back from the API carries Meta's sample URL. */
  readonly example?: TemplateMediaExample;
  /** The sample's MIME type when it cannot be told from the Blob, data URI or URL response. */
  readonly mimeType?: string;
}

/** A map, whose place is given when the template is sent. */
export interface TemplateLocationHeader {
  readonly type: "header";
  readonly format: "location";
}

/** A catalog product (single-product templates and product carousels), chosen at send time. */
export interface TemplateProductHeader {
  readonly type: "header";
  readonly format: "product";
}

export type TemplateHeader = TemplateTextHeader | TemplateMediaHeader | TemplateLocationHeader | TemplateProductHeader;

/** pywa's `HeaderText`: `headerText("Order {{id}} shipped", { id: "42" })`. */
export function headerText<const S extends string>(text: S, example?: TextExample<S>): TemplateTextHeader<S> {
  return example === undefined ? { type: "header", format: "text", text } : { type: "header", format: "text", text, example };
}

function media<F extends TemplateMediaFormat>(format: F, example: TemplateMediaExample | undefined, mimeType: string | undefined): TemplateMediaHeader<F> {
  return {
    type: "header",
    format,
    ...(example !== undefined ? { example } : {}),
    ...(mimeType !== undefined ? { mimeType } : {}),
  };
}

/** pywa's `HeaderImage`. */
export function headerImage(example?: TemplateMediaExample, options: { mimeType?: string } = {}): TemplateMediaHeader<"image"> {
  return media("image", example, options.mimeType);
}

/** pywa's `HeaderVideo`. */
export function headerVideo(example?: TemplateMediaExample, options: { mimeType?: string } = {}): TemplateMediaHeader<"video"> {
  return media("video", example, options.mimeType);
}

/** pywa's `HeaderGIF`: an MP4 without sound (Marketing Messages Lite). */
export function headerGif(example?: TemplateMediaExample, options: { mimeType?: string } = {}): TemplateMediaHeader<"gif"> {
  return media("gif", example, options.mimeType);
}

/** pywa's `HeaderDocument`. */
export function headerDocument(example?: TemplateMediaExample, options: { mimeType?: string } = {}): TemplateMediaHeader<"document"> {
  return media("document", example, options.mimeType);
}

/** pywa's `HeaderLocation`. */
export function headerLocation(): TemplateLocationHeader {
  return { type: "header", format: "location" };
}

/** pywa's `HeaderProduct`. */
export function headerProduct(): TemplateProductHeader {
  return { type: "header", format: "product" };
}
