import type { MessageBase } from "../../updates/message.ts";
import type { Filter } from "../filter.ts";
import { builtin, isMessage, isMessageOfType, type Loose, loose, named, rec, str } from "./util.ts";

/** Messages (pywa's `isinstance(u, Message)`); outgoing echoes are `outgoingMessage`. */
export const message: Filter<unknown> = builtin("message", (u) => u.kind === "message");

/** A filter for messages of one wire `type`. */
function ofType(type: string, name = type): Filter<MessageBase> {
  return builtin(name, (u) => isMessageOfType(u, type));
}

/** Text messages. */
export const text: Filter<MessageBase> = ofType("text");
/** Image messages. */
export const image: Filter<MessageBase> = ofType("image");
/** Video messages. */
export const video: Filter<MessageBase> = ofType("video");
/** Document messages. */
export const document: Filter<MessageBase> = ofType("document");
/** Audio messages: voice notes and audio files. */
export const audio: Filter<MessageBase> = ofType("audio");

/** Audio files that are not voice notes. */
export const audioOnly: Filter<MessageBase> = builtin(
  "audioOnly",
  (u) => isMessageOfType(u, "audio") && rec(u, "audio")?.voice !== true,
);

/** Voice notes (audio recorded in WhatsApp). */
export const voice: Filter<MessageBase> = builtin(
  "voice",
  (u) => isMessageOfType(u, "audio") && rec(u, "audio")?.voice === true,
);

/** Sticker messages, static or animated. */
export const sticker: Filter<MessageBase> = ofType("sticker");

/** Animated stickers. */
export const animatedSticker: Filter<MessageBase> = builtin(
  "animatedSticker",
  (u) => isMessageOfType(u, "sticker") && rec(u, "sticker")?.animated === true,
);

/** Static stickers. */
export const staticSticker: Filter<MessageBase> = builtin(
  "staticSticker",
  (u) => isMessageOfType(u, "sticker") && rec(u, "sticker")?.animated !== true,
);

/** Location messages. */
export const location: Filter<MessageBase> = ofType("location");

/** The user's current location (a pin with no name, address or url), not a chosen place. */
export const currentLocation: Filter<MessageBase> = builtin("currentLocation", (u) => {
  if (!isMessageOfType(u, "location")) return false;
  const loc = rec(u, "location");
  if (!loc) return false;
  if (typeof loc.currentLocation === "boolean") return loc.currentLocation;
  return !str(loc, "name") && !str(loc, "address") && !str(loc, "url");
});

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres (haversine, R = 6371 km, as pywa). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A latitude / longitude as a finite number (webhooks send numbers; strings are accepted). */
function coordinate(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Location messages within `radiusKm` kilometres of (`lat`, `lon`).
 *
 *   filters.locationInRadius(37.485, -122.147, 1)
 */
export function locationInRadius(lat: number, lon: number, radiusKm: number): Filter<MessageBase> {
  return builtin(named("locationInRadius", [lat, lon, radiusKm]), (u) => {
    if (!isMessageOfType(u, "location")) return false;
    const loc = rec(u, "location");
    const la = coordinate(loc?.latitude);
    const lo = coordinate(loc?.longitude);
    return la !== undefined && lo !== undefined && distanceKm(lat, lon, la, lo) <= radiusKm;
  });
}

/** Reactions, added or removed. */
export const reaction: Filter<MessageBase> = ofType("reaction");

/** The emoji of a reaction message; undefined when the reaction was removed. */
function emojiOf(u: Loose): string | undefined {
  return str(rec(u, "reaction"), "emoji") || undefined;
}

/** Reactions added to a message. */
export const reactionAdded: Filter<MessageBase> = builtin(
  "reactionAdded",
  (u) => isMessageOfType(u, "reaction") && emojiOf(u) !== undefined,
);

/** Reactions removed from a message (an empty or missing emoji). */
export const reactionRemoved: Filter<MessageBase> = builtin(
  "reactionRemoved",
  (u) => isMessageOfType(u, "reaction") && rec(u, "reaction") !== undefined && emojiOf(u) === undefined,
);

/** Reactions with any of these emojis. `filters.reactionEmojis("👍", "👎")` */
export function reactionEmojis(...emojis: string[]): Filter<MessageBase> {
  const set: ReadonlySet<unknown> = new Set(emojis);
  return builtin(named("reactionEmojis", emojis), (u) => isMessageOfType(u, "reaction") && set.has(emojiOf(u)));
}

/** Contact cards. */
export const contacts: Filter<MessageBase> = ofType("contacts");

/** Contact cards shared in answer to a contact-info request (`contacts.origin === "contact_request"`). */
export const contactInfoShared: Filter<MessageBase> = builtin(
  "contactInfoShared",
  (u) => isMessageOfType(u, "contacts") && rec(u, "contacts")?.origin === "contact_request",
);

/** Contact cards where at least one phone number has a WhatsApp account (`phones[].waId`). */
export const contactsHasWa: Filter<MessageBase> = builtin("contactsHasWa", (u) => {
  if (!isMessageOfType(u, "contacts")) return false;
  const list = u.contacts;
  if (!Array.isArray(list)) return false;
  return list.some((contact: unknown) => {
    const phones = loose(contact)?.phones;
    return Array.isArray(phones) && phones.some((phone: unknown) => !!str(loose(phone), "waId"));
  });
});

/** Orders sent from the catalog / cart. */
export const order: Filter<MessageBase> = ofType("order");

/** Messages that WhatsApp could not deliver in a supported form (`type === "unsupported"`). */
export const unsupported: Filter<MessageBase> = ofType("unsupported");

const MEDIA_TYPES: ReadonlySet<unknown> = new Set(["image", "video", "audio", "document", "sticker"]);

/** The media object of a media message (`message.image`, `.video`, …), or undefined. */
function mediaOf(u: Loose): Loose | undefined {
  if (!isMessage(u) || !MEDIA_TYPES.has(u.type)) return undefined;
  return rec(u, u.type as string);
}

/** Media messages: images, videos, documents, audio and stickers. */
export const media: Filter<MessageBase> = builtin("media", (u) => mediaOf(u) !== undefined);

/** Media messages with a caption. */
export const hasCaption: Filter<MessageBase> = builtin("hasCaption", (u) => {
  const caption = str(mediaOf(u), "caption");
  return caption !== undefined && caption.length > 0;
});

/** `"Audio/OGG; codecs=opus"` → `"audio/ogg"`. */
function essence(mimeType: string): string {
  return (mimeType.split(";")[0] ?? "").trim().toLowerCase();
}

/**
 * Media messages of any of these mime types. Parameters are ignored
 * (`"audio/ogg"` matches a voice note's `"audio/ogg; codecs=opus"`), and
 * `"image/*"` matches any image type.
 *
 *   filters.mimetypes("application/pdf", "image/png")
 */
export function mimetypes(...mimeTypes: string[]): Filter<MessageBase> {
  const exact = new Set(mimeTypes.map((m) => essence(m)));
  const wildcards = [...exact].filter((m) => m.endsWith("/*")).map((m) => m.slice(0, -1));
  return builtin(named("mimetypes", mimeTypes), (u) => {
    const mime = str(mediaOf(u), "mimeType");
    if (mime === undefined) return false;
    const m = essence(mime);
    return exact.has(m) || wildcards.some((w) => m.startsWith(w));
  });
}

/** The file extensions of the media types WhatsApp accepts (the first is the usual one). */
export const MIME_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  "audio/aac": [".aac"],
  "audio/amr": [".amr"],
  "audio/mpeg": [".mp3"],
  "audio/mp4": [".m4a"],
  "audio/ogg": [".ogg", ".oga", ".opus"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "image/webp": [".webp"],
  "video/mp4": [".mp4"],
  "video/3gpp": [".3gp", ".3gpp"],
  "text/plain": [".txt"],
  "application/pdf": [".pdf"],
  "application/msword": [".doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.ms-excel": [".xls"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/vnd.ms-powerpoint": [".ppt"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": [".pptx"],
};

/** `"PDF"`, `".pdf"` → `".pdf"`. */
function dotted(ext: string): string {
  const e = ext.trim().toLowerCase();
  return e.startsWith(".") ? e : `.${e}`;
}

/**
 * Media messages whose file has any of these extensions (with or without the dot,
 * any case). The extension is taken from the document's file name when it has
 * one, and from the mime type (see `MIME_EXTENSIONS`).
 *
 *   filters.extensions(".pdf", "docx")
 */
export function extensions(...exts: string[]): Filter<MessageBase> {
  const wanted = new Set(exts.map(dotted));
  return builtin(named("extensions", exts), (u) => {
    const m = mediaOf(u);
    if (!m) return false;
    const filename = str(m, "filename");
    const dot = filename?.lastIndexOf(".") ?? -1;
    if (filename !== undefined && dot > 0 && wanted.has(filename.slice(dot).toLowerCase())) return true;
    const mime = str(m, "mimeType");
    return mime !== undefined && (MIME_EXTENSIONS[essence(mime)] ?? []).some((e) => wanted.has(e));
  });
}
