// What `uploadMedia` and `getMediaUrl` return: the data, and what can be done with it
// (pywa's `Media` and `MediaURL`). Each method is one of the client's media calls with
// this media filled in.
import type { CallOptions } from "../../graph/request.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { deleteMedia } from "./delete.ts";
import { downloadMedia, getMediaBytes, streamMedia } from "./download.ts";
import type { Media } from "./types.ts";
import { uploadMedia } from "./upload.ts";
import { getMediaUrl } from "./url.ts";

/** Where `download` writes: closed when the download ends, aborted if it fails. */
export type MediaDownloadOptions = CallOptions & { sink: WritableStream<Uint8Array> };

/** Options of `reupload`: another number, a TTL for the copy. */
export interface ReuploadOptions extends CallOptions {
  /** Default: the number it was uploaded to. */
  phoneId?: string;
  ttlMinutes?: number;
}

/** pywa's `Media`: an uploaded media. Its id can be sent for 30 days (or its TTL). */
export class UploadedMedia implements Media {
  readonly id: string;
  /** The phone number id it was uploaded to. */
  readonly uploadedTo: string;
  readonly filename: string | undefined;
  readonly mimeType: string | undefined;
  readonly #wa: WhatsApp;

  constructor(wa: WhatsApp, media: Media) {
    this.#wa = wa;
    this.id = media.id;
    this.uploadedTo = media.uploadedTo;
    this.filename = media.filename;
    this.mimeType = media.mimeType;
  }

  /** Where to download it (valid for about 5 minutes). */
  getMediaUrl(options: CallOptions = {}): Promise<MediaUrl> {
    return getMediaUrl(this.#wa, { ...options, mediaId: this.id, phoneId: this.uploadedTo });
  }

  /** Its bytes, in memory. */
  getBytes(options: CallOptions = {}): Promise<Uint8Array> {
    return getMediaBytes(this.#wa, { ...options, mediaId: this.id, phoneId: this.uploadedTo });
  }

  /** Its bytes as they arrive. */
  stream(options: CallOptions = {}): Promise<ReadableStream<Uint8Array>> {
    return streamMedia(this.#wa, { ...options, mediaId: this.id, phoneId: this.uploadedTo });
  }

  /** Writes it into `sink`. */
  download(options: MediaDownloadOptions): Promise<void> {
    return downloadMedia(this.#wa, { ...options, mediaId: this.id, phoneId: this.uploadedTo });
  }

  /** Deletes it from WhatsApp's servers: its id stops working. */
  delete(options: CallOptions = {}): Promise<SuccessResult> {
    return deleteMedia(this.#wa, { ...options, mediaId: this.id, phoneId: this.uploadedTo });
  }

  /**
   * pywa's `reupload`: the same file uploaded again, e.g. to another number or for
   * a fresh 30 days. It is downloaded as a stream and uploaded as one Blob (a
   * multipart form holds Blobs), so it is held in memory once while it is sent.
   * Inside a waiting handler, wrap it in `wa.step` so a replay does not download it again.
   */
  async reupload(options: ReuploadOptions = {}): Promise<UploadedMedia> {
    const { phoneId, ttlMinutes, ...call } = options;
    const media = await this.stream(call);
    return uploadMedia(this.#wa, {
      ...call,
      media,
      mimeType: this.mimeType,
      filename: this.filename,
      phoneId: phoneId ?? this.uploadedTo,
      ttlMinutes,
    });
  }

  /** The data alone (what a log line or a store keeps). */
  toJSON(): Media {
    return { id: this.id, uploadedTo: this.uploadedTo, filename: this.filename, mimeType: this.mimeType };
  }
}

/** pywa's `MediaURL`: where to download a media, valid for about 5 minutes; the URL needs the token. */
export class MediaUrl {
  readonly id: string;
  readonly url: string;
  readonly mimeType: string;
  readonly sha256: string;
  readonly fileSize: number;
  readonly #wa: WhatsApp;

  constructor(wa: WhatsApp, init: { id: string; url: string; mimeType: string; sha256: string; fileSize: number }) {
    this.#wa = wa;
    this.id = init.id;
    this.url = init.url;
    this.mimeType = init.mimeType;
    this.sha256 = init.sha256;
    this.fileSize = init.fileSize;
  }

  /** The bytes at this URL, in memory (with the token: the URL needs it). */
  getBytes(options: CallOptions = {}): Promise<Uint8Array> {
    return getMediaBytes(this.#wa, { ...options, url: this.url });
  }

  /** The bytes at this URL as they arrive. */
  stream(options: CallOptions = {}): Promise<ReadableStream<Uint8Array>> {
    return streamMedia(this.#wa, { ...options, url: this.url });
  }

  /** Writes the bytes at this URL into `sink`. */
  download(options: MediaDownloadOptions): Promise<void> {
    return downloadMedia(this.#wa, { ...options, url: this.url });
  }

  /** Deletes the media from WhatsApp's servers. */
  delete(options: CallOptions = {}): Promise<SuccessResult> {
    return deleteMedia(this.#wa, { ...options, mediaId: this.id });
  }

  toJSON(): { id: string; url: string; mimeType: string; sha256: string; fileSize: number } {
    return { id: this.id, url: this.url, mimeType: this.mimeType, sha256: this.sha256, fileSize: this.fileSize };
  }
}
