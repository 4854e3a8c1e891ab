import { str, type Json } from "../../updates/json.ts";

/** The image format of a QR code. */
export type QrImageType = "PNG" | "SVG";

/** A QR code / short link that opens a chat with a prefilled message (pywa's `QRCode`). */
export interface QrCode {
  code: string;
  prefilledMessage: string | undefined;
  /** `https://wa.me/message/<code>`. */
  deepLinkUrl: string | undefined;
  /** Only when an image type was asked for. */
  qrImageUrl: string | undefined;
  raw: Json;
}

export function toQrCode(w: Json): QrCode {
  return {
    code: str(w.code) ?? "",
    prefilledMessage: str(w.prefilled_message),
    deepLinkUrl: str(w.deep_link_url),
    qrImageUrl: str(w.qr_image_url),
    raw: w,
  };
}

/** The fields to read; the image URL only in the format asked for (pywa's `_api_fields`). */
export function qrFields(imageType: QrImageType | undefined): string[] {
  const fields = ["code", "prefilled_message", "deep_link_url"];
  if (imageType !== undefined) fields.push(`qr_image_url.format(${checkImageType(imageType)})`);
  return fields;
}

export function checkImageType(imageType: QrImageType): QrImageType {
  if (imageType !== "PNG" && imageType !== "SVG") throw new TypeError(`QR code imageType must be "PNG" or "SVG", got ${JSON.stringify(imageType)}`);
  return imageType;
}
