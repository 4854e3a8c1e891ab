import { resolveMediaParam } from "../media/resolve.ts";
import type { MediaInput, MediaType } from "../media/types.ts";
import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { toInteractiveAction, type FlowButton, type ReplyButton, type UrlButton } from "./buttons.ts";
import { checkSendOptions, compact, sendEnvelope, type SendOptions } from "./envelope.ts";
import { interactivePayload, type InteractiveHeader } from "./interactive.ts";

/** The buttons a media message may carry: it then becomes interactive, the media as its header. */
export type MediaButtons = ReplyButton[] | UrlButton | FlowButton;

interface CaptionedMediaOptions extends SendOptions {
  /** The caption; with `buttons` it becomes the body text, and is required. */
  caption?: string;
  /** A footer (with `buttons` only). */
  footer?: string;
  /** Turns the message into an interactive one with the media as its header. */
  buttons?: MediaButtons;
  /** The MIME type, when the media is uploaded and it cannot be guessed. */
  mimeType?: string;
}

export interface SendImageOptions extends CaptionedMediaOptions {
  image: MediaInput;
}

export interface SendVideoOptions extends CaptionedMediaOptions {
  video: MediaInput;
}

export interface SendDocumentOptions extends CaptionedMediaOptions {
  document: MediaInput;
  /** The name shown to the user. Default: the URL's last path segment, or the uploaded file's name when known. */
  filename?: string;
}

export interface SendAudioOptions extends SendOptions {
  audio: MediaInput;
  /** Send as a voice note (`audio.voice: true`: shown with a play button and transcribable). */
  isVoice?: boolean;
  mimeType?: string;
}

export interface SendVoiceOptions extends SendOptions {
  voice: MediaInput;
  mimeType?: string;
}

export interface SendStickerOptions extends SendOptions {
  sticker: MediaInput;
  mimeType?: string;
}

export function sendImage(wa: WhatsApp, o: SendImageOptions): Promise<SentMessage> {
  return sendMedia(wa, o, { type: "image", input: o.image, ...captioned(o) });
}

export function sendVideo(wa: WhatsApp, o: SendVideoOptions): Promise<SentMessage> {
  return sendMedia(wa, o, { type: "video", input: o.video, ...captioned(o) });
}

export function sendDocument(wa: WhatsApp, o: SendDocumentOptions): Promise<SentMessage> {
  return sendMedia(wa, o, { type: "document", input: o.document, filename: o.filename, ...captioned(o) });
}

export function sendAudio(wa: WhatsApp, o: SendAudioOptions): Promise<SentMessage> {
  return sendMedia(wa, o, { type: "audio", input: o.audio, mimeType: o.mimeType, extra: { voice: o.isVoice } });
}

/** pywa's `send_voice`: `sendAudio` with `isVoice: true`. */
export function sendVoice(wa: WhatsApp, o: SendVoiceOptions): Promise<SentMessage> {
  return sendMedia(wa, o, { type: "audio", input: o.voice, mimeType: o.mimeType, extra: { voice: true } });
}

export function sendSticker(wa: WhatsApp, o: SendStickerOptions): Promise<SentMessage> {
  return sendMedia(wa, o, { type: "sticker", input: o.sticker, mimeType: o.mimeType });
}

// ── The one helper behind all six ──────────────────────────────────────────────

interface MediaSpec {
  type: MediaType;
  input: MediaInput;
  mimeType?: string;
  filename?: string;
  caption?: string;
  footer?: string;
  buttons?: MediaButtons;
  /** More payload fields (`voice`). */
  extra?: Record<string, unknown>;
}

function captioned(o: CaptionedMediaOptions): Pick<MediaSpec, "caption" | "footer" | "buttons" | "mimeType"> {
  return { caption: o.caption, footer: o.footer, buttons: o.buttons, mimeType: o.mimeType };
}

/**
 * Checks everything first (no upload for a call that would be refused), resolves
 * the media to `{ id }` or `{ link }` (uploading it if needed), then sends either
 * the plain media message or, with buttons, an interactive one with a media header.
 */
async function sendMedia(wa: WhatsApp, options: SendOptions, spec: MediaSpec): Promise<SentMessage> {
  const sender = checkSendOptions(wa, options);
  const action = spec.buttons ? toInteractiveAction(spec.buttons) : undefined;
  const method = `send${spec.type[0]!.toUpperCase()}${spec.type.slice(1)}`;
  if (action && !spec.caption) {
    throw new TypeError(`${method}: buttons need a caption (it becomes the interactive message's body text)`);
  }
  if (!action && spec.footer !== undefined) {
    throw new TypeError(`${method}: a footer needs buttons (only interactive messages have one)`);
  }

  const resolved = await resolveMediaParam(wa, spec.input, {
    type: spec.type,
    mimeType: spec.mimeType,
    filename: spec.filename,
    sender,
    signal: options.signal,
  });
  const filename = spec.type === "document" ? (spec.filename ?? inferFilename(spec.input, resolved)) : undefined;
  const media = compact({ ...resolved, filename, ...spec.extra });

  if (!action) return sendEnvelope(wa, options, spec.type, compact({ ...media, caption: spec.caption }));
  // The header media carries no caption: the caption is the body.
  // Only image, video and document options have buttons, so spec.type is one of the three.
  const header = { type: spec.type, [spec.type]: media } as unknown as InteractiveHeader;
  return sendEnvelope(
    wa,
    options,
    "interactive",
    interactivePayload(action.type, action.action, { header, body: spec.caption, footer: spec.footer }),
  );
}

/**
 * A document's default name (pywa's intent; its `MISSING` default crashes): a
 * link's last path segment, else the name the input itself carries (a `File`, an
 * uploaded `Media`). Plain bytes have none, and then none is sent.
 */
export function inferFilename(input: MediaInput, resolved: { id: string } | { link: string }): string | undefined {
  if ("link" in resolved) {
    try {
      const segment = new URL(resolved.link).pathname.split("/").at(-1) ?? "";
      return segment ? decodeURIComponent(segment) : undefined;
    } catch {
      return undefined;
    }
  }
  if (typeof input !== "object" || input === null) return undefined;
  const name = "filename" in input ? input.filename : "name" in input ? (input as { name?: unknown }).name : undefined;
  return typeof name === "string" && name !== "" ? name : undefined;
}
