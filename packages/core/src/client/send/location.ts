import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { compact, sendEnvelope, type SendOptions } from "./envelope.ts";
import { interactivePayload } from "./interactive.ts";

export interface SendLocationOptions extends SendOptions {
  latitude: number;
  longitude: number;
  /** The place's name, shown above the map. */
  name?: string;
  address?: string;
}

export interface RequestLocationOptions extends SendOptions {
  /** The message asking for the location (the body text). */
  text: string;
}

/** A map pin (pywa's `send_location`). Unset `name` / `address` are left out, not sent as null. */
export async function sendLocation(wa: WhatsApp, o: SendLocationOptions): Promise<SentMessage> {
  return sendEnvelope(
    wa,
    o,
    "location",
    compact({ latitude: o.latitude, longitude: o.longitude, name: o.name, address: o.address }),
  );
}

/** A "Send location" button; the answer arrives as a location message (pywa's `request_location`). */
export async function requestLocation(wa: WhatsApp, o: RequestLocationOptions): Promise<SentMessage> {
  return sendEnvelope(
    wa,
    o,
    "interactive",
    interactivePayload("location_request_message", { name: "send_location" }, { body: o.text }),
  );
}
