import { filters, type WhatsApp } from "@edgewa/core";

/** A 48×48 PNG (a white dot on green), so the example can send a photo without a file or a URL. */
const DOT_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAb0lEQVR42u3Y0Q3AIAwDUdZli27uTlCpFIcadCcGeF+Q0NrVsw4gQIAAATKC9NAPIL1oEUiD1YL0qSqQJvKDNJ0TJFOHgmTtOJAKAgQIECBuajOI137HAS1xhE0c8hPXoMRFMXSV5vcDECBAgJadG7QtMeSjL+EwAAAAAElFTkSuQmCC";

/** /menu: a list of the kinds of message the bot can send, each shown when picked. */
export function addMenu(wa: WhatsApp): void {
  wa.onMessage(filters.command("menu"), async (_, msg) => {
    await msg.reply("What should I show you?", {
      header: "Menu",
      footer: "edgewa example bot",
      buttons: {
        type: "list",
        buttonTitle: "Show me",
        sections: [
          {
            title: "Messages",
            rows: [
              { title: "Formatting", callbackData: "show:format", description: "bold, italic, strike, monospace" },
              { title: "A photo", callbackData: "show:photo" },
              { title: "A link button", callbackData: "show:link" },
              { title: "A location request", callbackData: "show:location" },
              { title: "A template", callbackData: "show:template", description: "hello_world" },
              { title: "A carousel", callbackData: "show:carousel", description: "cards with quick replies" },
            ],
          },
        ],
      },
    });
  });

  wa.onCallbackSelection(filters.startsWith("show:"), async (_, pick) => {
    switch (pick.data) {
      case "show:format":
        await pick.reply("*bold* _italic_ ~strike~ ```monospace```");
        break;
      case "show:photo":
        await pick.replyImage(DOT_PNG, { caption: "A dot, uploaded by the bot" });
        break;
      case "show:link":
        await pick.reply("The Cloud API's documentation", { buttons: { type: "url", title: "Open", url: "https://developers.facebook.com/docs/whatsapp/cloud-api" } });
        break;
      case "show:location":
        await pick.replyLocationRequest("Where are you?");
        break;
      case "show:template":
        await pick.replyTemplate({ name: "hello_world", language: "en_US" });
        break;
      case "show:carousel": {
        const card = (n: number) => ({ image: DOT_PNG, body: `Card ${n}`, buttons: [{ title: "Like", callbackData: `like:${n}` }] });
        await pick.replyCarousel({ body: "Swipe the cards", cards: [card(1), card(2), card(3)] });
        break;
      }
    }
  });

  wa.onCallbackButton(filters.startsWith("like:"), async (_, click) => {
    await click.reply(`You liked card ${click.data.slice("like:".length)}.`);
  });

  wa.onMessage(filters.location, async (_, msg) => {
    const { latitude, longitude } = msg.location!;
    await msg.reply(`You are at ${latitude.toFixed(4)}, ${longitude.toFixed(4)}.`, { quote: true });
  });
}
