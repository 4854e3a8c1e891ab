import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { toInteractiveAction, type Buttons } from "./buttons.ts";
import { sendEnvelope, type SendOptions } from "./envelope.ts";
import { interactivePayload } from "./interactive.ts";

export interface SendMessageOptions extends SendOptions {
  text: string;
  /** A text header (interactive messages only). */
  header?: string;
  /** A footer (interactive messages only). */
  footer?: string;
  /** Reply buttons, a URL button, a section list, a flow button… turns the text into an interactive message. */
  buttons?: Buttons;
  /** Render a preview of the first URL in the text. */
  previewUrl?: boolean;
}

/** A text message, or with `buttons` an interactive one (pywa's `send_message`). */
export function sendMessage(wa: WhatsApp, options: SendMessageOptions): Promise<SentMessage> {
  if (!options.buttons) {
    if (options.header !== undefined || options.footer !== undefined) {
      throw new TypeError("sendMessage: header and footer need buttons (only interactive messages have them)");
    }
    return sendEnvelope(wa, options, "text", { body: options.text, preview_url: options.previewUrl ?? false });
  }
  const { type, action } = toInteractiveAction(options.buttons);
  return sendEnvelope(
    wa,
    options,
    "interactive",
    interactivePayload(type, action, {
      header: options.header !== undefined ? { type: "text", text: options.header } : undefined,
      body: options.text,
      footer: options.footer,
    }),
  );
}
