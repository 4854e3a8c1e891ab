// pywa's `Message.copy`: the Cloud API has no forward, so a copy sends the same
// content again, as a new message from the business, to anyone.
import type { SendOptions } from "../client/send/envelope.ts";
import type { SentMessage } from "../client/sent-message.ts";
import type { WhatsApp } from "../client/whatsapp.ts";
import type { Location } from "./location.ts";
import type { Audio, Document, Image, Sticker, Video } from "./media.ts";
import type { ContactList } from "./shared-contacts.ts";

/** Where a copy goes (`to`), and the send options it takes; it is sent from the number the message came to unless `sender` says otherwise. */
export type CopyOptions = SendOptions;

/** What a copy reads of a message. */
export interface CopySource {
  readonly type: string;
  readonly text: string | undefined;
  readonly image: Image | undefined;
  readonly video: Video | undefined;
  readonly document: Document | undefined;
  readonly audio: Audio | undefined;
  readonly sticker: Sticker | undefined;
  readonly location: Location | undefined;
  readonly contacts: ContactList | undefined;
}

const COPYABLE = "text, image, video, document, audio, sticker, location and contacts";

/** Sends `message`'s content to `options.to`. Media go by their media id: nothing is downloaded. */
export async function copyMessage(client: WhatsApp, message: CopySource, sender: string, options: CopyOptions): Promise<SentMessage> {
  const o = { ...options, sender: options.sender ?? sender };
  const { image, video, document, audio, sticker, location, contacts } = message;
  switch (message.type) {
    case "text":
      if (message.text !== undefined) return client.sendMessage({ ...o, text: message.text });
      break;
    case "image":
      if (image) return client.sendImage({ ...o, image: image.id, caption: image.caption });
      break;
    case "video":
      if (video) return client.sendVideo({ ...o, video: video.id, caption: video.caption });
      break;
    case "document":
      if (document) return client.sendDocument({ ...o, document: document.id, caption: document.caption, filename: document.filename });
      break;
    case "audio":
      if (audio) return client.sendAudio({ ...o, audio: audio.id, isVoice: audio.voice || undefined });
      break;
    case "sticker":
      if (sticker) return client.sendSticker({ ...o, sticker: sticker.id });
      break;
    case "location":
      if (location) return client.sendLocation({ ...o, latitude: location.latitude, longitude: location.longitude, name: location.name, address: location.address });
      break;
    case "contacts":
      if (contacts && contacts.length > 0) return client.sendContact({ ...o, contact: [...contacts] });
      break;
  }
  throw new TypeError(`copy: a "${message.type}" message cannot be copied; copy sends ${COPYABLE} messages`);
}
