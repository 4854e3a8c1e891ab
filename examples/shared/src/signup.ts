import { ListenerCanceled, ListenerTimeout, filters, type Message, type WhatsApp } from "@edgewa/core";

const digits = filters.new<Message>((_, m) => /^\d+$/.test(m.text ?? ""));

/**
 * A conversation that waits for the user between steps. It survives restarts and
 * stateless deployments: see README "Listening".
 */
export async function signup(_wa: WhatsApp, msg: Message): Promise<void> {
  try {
    const askName = await msg.reply("What's your name?");
    const name = await askName.waitForReply({ filters: filters.text, timeout: 5 * 60_000 });
    const askAge = await name.reply("How old are you? (digits please)");
    const age = await askAge.waitForReply({ filters: filters.text.and(digits), ignoreUpdates: false, timeout: 5 * 60_000 });
    const confirm = await age.reply(`Confirm: ${name.text}, ${age.text}?`, {
      buttons: [
        { title: "Yes", callbackData: "yes" },
        { title: "Cancel", callbackData: "cancel" },
      ],
    });
    const yes = await confirm.waitForClick({ filters: filters.matches("yes"), cancelers: filters.matches("cancel"), timeout: 5 * 60_000 });
    await yes.reply(`Welcome, ${name.text}!`);
  } catch (error) {
    if (error instanceof ListenerCanceled) await msg.reply("Canceled.");
    else if (error instanceof ListenerTimeout) await msg.reply("You took too long; send /signup to start again.");
    else throw error;
  }
}
