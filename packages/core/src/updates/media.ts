import { type Json, bool, nonEmpty, obj, str } from "./json.ts";

interface MediaBase {
  /** The media id, for `getMediaUrl` / download. */
  readonly id: string;
  readonly sha256: string | undefined;
  readonly mimeType: string | undefined;
  /** A short-lived download URL, when the webhook includes one. */
  readonly url: string | undefined;
}

export interface Image extends MediaBase {
  readonly type: "image";
  readonly caption: string | undefined;
}

export interface Video extends MediaBase {
  readonly type: "video";
  readonly caption: string | undefined;
}

export interface Document extends MediaBase {
  readonly type: "document";
  readonly caption: string | undefined;
  readonly filename: string | undefined;
}

export interface Audio extends MediaBase {
  readonly type: "audio";
  /** A voice note recorded in WhatsApp, rather than an audio file. */
  readonly voice: boolean;
}

export interface Sticker extends MediaBase {
  readonly type: "sticker";
  readonly animated: boolean;
}

export type Media = Image | Video | Document | Audio | Sticker;
export type MediaType = Media["type"];

/** A media object of the given type, or `undefined` when it has no id to fetch it by. */
export function parseMedia<T extends MediaType>(type: T, v: unknown): Extract<Media, { type: T }> | undefined {
  const o = obj(v);
  const id = nonEmpty(o?.id);
  if (!o || id === undefined) return undefined;
  const base = { id, sha256: str(o.sha256), mimeType: str(o.mime_type), url: str(o.url) };
  return withExtras(type, base, o) as Extract<Media, { type: T }>;
}

function withExtras(type: MediaType, base: MediaBase, o: Json): Media {
  switch (type) {
    case "image":
    case "video":
      return { type, ...base, caption: str(o.caption) };
    case "document":
      return { type, ...base, caption: str(o.caption), filename: str(o.filename) };
    case "audio":
      return { type, ...base, voice: bool(o.voice) ?? false };
    case "sticker":
      return { type, ...base, animated: bool(o.animated) ?? false };
  }
}
