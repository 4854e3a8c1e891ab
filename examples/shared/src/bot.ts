import { WhatsApp, filters, type WhatsAppOptions } from "@edgewa/core";
import { addMenu } from "./menu.ts";
import { signup } from "./signup.ts";

/**
 * The example bot: an echo bot with a greeting, a button, a signup conversation
 * (/signup) and a menu of message kinds (/menu). Flows are per platform (they need
 * a key and an endpoint path): see flow.ts for the Node example's.
 */
export function createBot(options: WhatsAppOptions): WhatsApp {
  const wa = new WhatsApp(options);

  wa.onMessage(filters.command("start", "help"), async (_, msg) => {
    await msg.reply(`Hi ${msg.from.name ?? "there"}! Send me anything and I'll echo it, or /signup.`, {
      buttons: [{ title: "What can you do?", callbackData: "about" }],
    });
  });

  wa.onMessage(filters.command("signup"), signup);
  addMenu(wa);

  wa.onMessage(filters.text, async (_, msg) => {
    await msg.markAsRead();
    await msg.reply(msg.text!, { quote: true });
  });

  // A photo is fetched (from Meta's CDN, or the playground's Graph server) to show it arrived whole.
  wa.onMessage(filters.image, async (_, msg) => {
    await msg.react("👍");
    const bytes = await msg.getMediaBytes();
    await msg.reply(`Got your photo: ${bytes.byteLength} bytes of ${msg.image?.mimeType ?? "image"}.`, { quote: true });
  });

  wa.onMessage(filters.media, async (_, msg) => {
    await msg.react("👍");
  });

  wa.onCallbackButton(filters.matches("about"), async (_, click) => {
    await click.reply("I echo text, react to media, and run anywhere fetch does. Try /signup, /menu or /flow.");
  });

  wa.onMessageStatus((_, status) => {
    console.log(`[bot] message ${status.id} is now ${status.status}`);
  });

  return wa;
}
