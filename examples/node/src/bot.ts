import { WhatsApp, filters, type WhatsAppOptions } from "@edgewa/core";

/**
 * The example bot. Its handlers only log what they would send: replying through
 * the Graph API arrives with the sending half of the client.
 */
export function createBot(options: WhatsAppOptions): WhatsApp {
  const wa = new WhatsApp(options);

  wa.onMessage(filters.command("start", "help"), (_, msg) => {
    console.log(`[bot] would send to ${msg.from.waId}: "Hi ${msg.from.name ?? "there"}! Send me anything and I'll echo it."`);
  });

  wa.onMessage(filters.text, (_, msg) => {
    console.log(`[bot] would echo to ${msg.from.waId}: "${msg.text}"`);
  });

  wa.onMessage(filters.media, (_, msg) => {
    console.log(`[bot] ${msg.from.waId} sent ${msg.type}; would react with 👍 to ${msg.id}`);
  });

  wa.onCallbackButton((_, click) => {
    console.log(`[bot] ${click.from.waId} clicked "${click.title}" (${click.data})`);
  });

  wa.onMessageStatus((_, status) => {
    console.log(`[bot] message ${status.id} is now ${status.status}`);
  });

  return wa;
}
