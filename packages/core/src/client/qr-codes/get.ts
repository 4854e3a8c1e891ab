import { callOptions, type CallOptions } from "../../graph/request.ts";
import { Page, type PageOptions } from "../../graph/pagination.ts";
import type { Json } from "../../updates/json.ts";
import { firstItem } from "../business/ack.ts";
import { phoneSegment, segment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { qrFields, toQrCode, type QrCode, type QrImageType } from "./types.ts";

export interface GetQrCodeOptions extends CallOptions {
  code: string;
  /** Also return the image URL, in this format. */
  imageType?: QrImageType;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `get_qr_code`: `GET /{phone-id}/message_qrdls/{code}?fields=…`; undefined when there is no such code. */
export async function getQrCode(wa: WhatsApp, options: GetQrCodeOptions): Promise<QrCode | undefined> {
  const phone = phoneSegment(wa, options.phoneId, "getQrCode");
  const code = segment(options.code, "code", "getQrCode");
  const wire = await firstItem<Json>(wa, { method: "GET", path: `/${phone}/message_qrdls/${code}`, query: { fields: qrFields(options.imageType) } }, options);
  return wire && toQrCode(wire);
}

export interface GetQrCodesOptions extends CallOptions, PageOptions {
  // `limit`, `after`, `before`: page size and cursors (pywa's `pagination`).
  /** Also return each image URL, in this format. */
  imageType?: QrImageType;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `get_qr_codes`: `GET /{phone-id}/message_qrdls?fields=…`, one `Page` at a time. */
export async function getQrCodes(wa: WhatsApp, options: GetQrCodesOptions = {}): Promise<Page<QrCode>> {
  const phone = phoneSegment(wa, options.phoneId, "getQrCodes");
  return Page.fetch(
    wa.api,
    { method: "GET", path: `/${phone}/message_qrdls`, query: { fields: qrFields(options.imageType) }, ...callOptions(options) },
    toQrCode,
    { limit: options.limit, after: options.after, before: options.before },
  );
}
