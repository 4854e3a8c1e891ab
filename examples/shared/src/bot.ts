import { WhatsApp, filters, type WhatsAppOptions } from "@edgewa/core";
import { signup } from "./signup.ts";

/** The example bot: an echo bot with a greeting, a button and a signup conversation. */
export function createBot(options: WhatsAppOptions): WhatsApp {
  const wa = new WhatsApp(options);

  wa.onMessage(filters.command("start", "help"), async (_, msg) => {
    await msg.reply(`Hi ${msg.from.name ?? "there"}! Send me anything and I'll echo it, or /signup.`, {
      buttons: [{ title: "What can you do?", callbackData: "about" }],
    });
  });

  wa.onMessage(filters.command("signup"), signup);

  wa.onMessage(filters.text, async (_, msg) => {
    await msg.markAsRead();
    await msg.reply(msg.text!, { quote: true });
  });

  wa.onMessage(filters.media, async (_, msg) => {
    await msg.react("👍");
  });

  wa.onCallbackButton(filters.matches("about"), async (_, click) => {
    await click.reply("I echo text, react to media, and run anywhere fetch does.");
  });

  wa.onMessageStatus((_, status) => {
    console.log(`[bot] message ${status.id} is now ${status.status}`);
  });

  return wa;
}
