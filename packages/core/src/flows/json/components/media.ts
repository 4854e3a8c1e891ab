// Images (Image, ImageCarousel 7.1) and uploads (PhotoPicker, DocumentPicker: 4.0).
import type { SerializeContext } from "../context.ts";
import type { PhotoSource, ScaleType } from "../enums.ts";
import type { Ref } from "../expressions.ts";
import { FlowNode, serializeProps, serializeValue } from "../serialize.ts";
import type { Bool, Dyn, Num, Str, Visible } from "../types.ts";
import { Component, FormComponent, type FormProps } from "./base.ts";

export interface ImageProps {
  /** Base64 JPEG or PNG (up to 300 KB recommended). */
  src: Str;
  width?: Num;
  height?: Num;
  scaleType?: Dyn<ScaleType>;
  aspectRatio?: Num;
  altText?: Str;
  visible?: Visible;
}

/** An image (up to 3 per screen). Exported from the package as `FlowImage` (`Image` is the incoming media type). */
export class Image extends Component<ImageProps> {
  constructor(props: ImageProps) {
    super({ type: "Image" }, props);
  }
}

export interface ImageCarouselItemInit {
  /** Base64 image. */
  src: Str;
  altText: Str;
}

/** One image of an ImageCarousel: `{ src, "alt-text" }`. */
export class ImageCarouselItem extends FlowNode {
  readonly props: Readonly<ImageCarouselItemInit>;

  constructor(init: ImageCarouselItemInit) {
    super();
    this.props = { ...init };
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    return serializeProps(this.props as unknown as Record<string, unknown>, ctx);
  }
}

export interface ImageCarouselProps {
  /** 1 to 3 images. */
  images: readonly (ImageCarouselItem | ImageCarouselItemInit)[] | Ref<readonly unknown[]>;
  /** Default "4:3". */
  aspectRatio?: Dyn<"4:3" | "16:9">;
  scaleType?: Dyn<ScaleType>;
  visible?: Visible;
}

/** Images the user swipes through (Flow JSON 7.1; up to 2 per screen, 3 per flow). */
export class ImageCarousel extends Component<ImageCarouselProps> {
  constructor(props: ImageCarouselProps) {
    super({ type: "ImageCarousel", since: "7.1" }, props);
  }

  protected override serializeProp(key: string, value: unknown, ctx: SerializeContext): unknown {
    if (key === "images" && Array.isArray(value)) {
      return serializeValue(value.map((i) => (i instanceof ImageCarouselItem ? i : new ImageCarouselItem(i as ImageCarouselItemInit))), ctx);
    }
    return serializeValue(value, ctx);
  }
}

/** Per-file errors: media id → message. */
export type MediaErrors = Readonly<Record<string, string>>;

export interface PhotoPickerProps extends FormProps {
  label: Str;
  description?: Str;
  photoSource?: Dyn<PhotoSource>;
  /** 1 to 25600 (the default, 25 MiB). */
  maxFileSizeKb?: Num;
  /** 0 (optional, the default) to 30. */
  minUploadedPhotos?: Num;
  /** 1 to 30 (the default). */
  maxUploadedPhotos?: Num;
  enabled?: Bool;
  visible?: Visible;
  errorMessage?: Dyn<string> | MediaErrors;
}

/** Photos from the camera or the gallery (Flow JSON 4.0; one per screen, not with a DocumentPicker). */
export class PhotoPicker extends FormComponent<unknown[], PhotoPickerProps> {
  constructor(props: PhotoPickerProps) {
    super({ type: "PhotoPicker", since: "4.0" }, props);
  }
}

export interface DocumentPickerProps extends FormProps {
  label: Str;
  description?: Str;
  maxFileSizeKb?: Num;
  minUploadedDocuments?: Num;
  maxUploadedDocuments?: Num;
  /** Default: every type Meta supports. */
  allowedMimeTypes?: readonly string[] | Ref<string[]>;
  enabled?: Bool;
  visible?: Visible;
  errorMessage?: Dyn<string> | MediaErrors;
}

/** Files from the device (Flow JSON 4.0; one per screen, not with a PhotoPicker). */
export class DocumentPicker extends FormComponent<unknown[], DocumentPickerProps> {
  constructor(props: DocumentPickerProps) {
    super({ type: "DocumentPicker", since: "4.0" }, props);
  }
}
