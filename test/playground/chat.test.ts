import { writeFileSync } from "node:fs";
import { filters, type MessageStatus } from "@edgewa/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type LocalRun } from "../../examples/node/src/local.ts";
import { launchChromium, outputPath } from "./support.ts";

/**
 * `npm start`'s setup (the example bot on Node + the playground) driven through
 * the chat page in Chromium: what a user sees and taps, nothing else.
 */
let local: LocalRun;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const statuses: string[] = [];

// A setup failure (above all: no Chromium) fails every test with its message,
// rather than leaving them skipped.
let setupError: unknown;
beforeAll(async () => {
  try {
    local = await startLocal();
    // Statuses the bot receives (in place of the example's handler, which logs them).
    local.wa.onMessageStatus(filters.true, (_, s: MessageStatus) => void statuses.push(s.status), { priority: 100 });
    browser = await launchChromium();
    page = browser.page;
    await page.goto(`${local.url}/`);
    await page.waitForSelector("body[data-ready=true]");
  } catch (error) {
    setupError = error;
  }
}, 30_000);
beforeEach(() => {
  if (setupError) throw setupError;
});

afterAll(async () => {
  await browser?.close();
  await local?.close();
});

async function send(text: string): Promise<void> {
  await page.fill("#text", text);
  await page.press("#text", "Enter");
}

/** Waits until the bot's last message reads `text`. */
async function botSays(text: string): Promise<void> {
  await page.locator(".row.from-bot .text").last().filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

const sheet = () => page.locator("#sheet");
const botTexts = () => page.locator(".row.from-bot .text").allInnerTexts();
const userRow = (text: string) => page.locator(".row.from-user").filter({ has: page.locator(".text", { hasText: new RegExp(`^${text}$`) }) });

describe("playground: the listening conversation in the browser", () => {
  it("runs /signup: each question once, a non-digit age echoed and the question kept, Yes → welcome", async () => {
    await send("/signup");
    await botSays("What's your name?");
    await send("Dana");
    await botSays("How old are you? (digits please)");
    await send("abc"); // not digits: the wait stays, the ordinary echo handler answers
    await botSays("abc");
    await send("42");
    await botSays("Confirm: Dana, 42?");
    await page.locator(".row.from-bot").last().getByRole("button", { name: "Yes" }).click();
    await botSays("Welcome, Dana!");

    expect(await botTexts()).toEqual(["What's your name?", "How old are you? (digits please)", "abc", "Confirm: Dana, 42?", "Welcome, Dana!"]);
    // The click is the user's reply, quoting the question.
    await expect.poll(() => page.locator(".row.from-user").last().innerText()).toContain("Yes");
    expect(await page.locator(".row.from-user").last().locator(".quote").innerText()).toContain("Confirm: Dana, 42?");
    // The echo handler marked "abc" read: blue ticks; the others reached the bot: delivered.
    await expect.poll(() => userRow("abc").locator(".ticks").getAttribute("data-ticks")).toBe("read");
    expect(await userRow("Dana").locator(".ticks").getAttribute("data-ticks")).toBe("delivered");
    // The page showed the bot's messages while in view: their statuses came back as webhooks.
    await expect.poll(() => ["sent", "delivered", "read"].every((s) => statuses.includes(s))).toBe(true);

    await page.screenshot({ path: outputPath("signup.png") });
  }, 30_000);
});

describe("playground: what else the page does", () => {
  it("renders formatting, a photo, a link button and a template from the /menu list", async () => {
    const pick = async (row: string) => {
      await send("/menu");
      await page.locator(".row.from-bot").last().getByRole("button", { name: "Show me" }).click();
      await page.locator(".row-choice", { hasText: row }).click();
      await sheet().getByRole("button", { name: "Send", exact: true }).click();
    };

    await pick("Formatting");
    await botSays("bold italic strike monospace");
    const html = await page.locator(".row.from-bot .text").last().innerHTML();
    expect(html).toBe('<strong>bold</strong> <em>italic</em> <s>strike</s> <code class="mono">monospace</code>');

    await pick("A photo");
    const photo = page.locator(".row.from-bot img.media").last();
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);

    await pick("A link button");
    await expect.poll(() => page.locator(".row.from-bot .link-button").last().getAttribute("href")).toBe("https://developers.facebook.com/docs/whatsapp/cloud-api");

    await pick("A carousel");
    const cards = page.locator(".row.from-bot").last().locator(".card");
    await expect.poll(() => cards.count()).toBe(3);
    await expect.poll(() => cards.nth(1).locator("img.media").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
    await cards.nth(1).getByRole("button", { name: "Like" }).click();
    await botSays("You liked card 2.");
    await page.screenshot({ path: outputPath("carousel.png") });

    await pick("A template");
    await page.locator(".row.from-bot .header", { hasText: "Hello World" }).last().waitFor();
    expect(await page.locator(".row.from-bot").last().locator(".footer").innerText()).toBe("WhatsApp Business Platform sample message");
  }, 30_000);

  it("answers a location request with a shared location", async () => {
    await send("/menu");
    await page.locator(".row.from-bot").last().getByRole("button", { name: "Show me" }).click();
    await page.locator(".row-choice", { hasText: "A location request" }).click();
    await sheet().getByRole("button", { name: "Send", exact: true }).click();
    await botSays("Where are you?");
    await page.locator(".row.from-bot").last().getByRole("button", { name: "Send location" }).click();
    await page.fill("input[name=latitude]", "32.0853");
    await page.fill("input[name=longitude]", "34.7818");
    await page.fill("input[name=name]", "Office");
    await sheet().getByRole("button", { name: "Send location" }).click();
    await botSays("You are at 32.0853, 34.7818.");
    expect(await page.locator(".row.from-user .location .place").last().innerText()).toBe("Office");
  }, 30_000);

  it("sends a photo from disk: the bot downloads it from the Graph server and reacts", async () => {
    // 48×48, a white dot on green.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAb0lEQVR42u3Y0Q3AIAwDUdZli27uTlCpFIcadCcGeF+Q0NrVsw4gQIAAATKC9NAPIL1oEUiD1YL0qSqQJvKDNJ0TJFOHgmTtOJAKAgQIECBuajOI137HAS1xhE0c8hPXoMRFMXSV5vcDECBAgJadG7QtMeSjL+EwAAAAAElFTkSuQmCC",
      "base64",
    );
    const file = outputPath("dot.png");
    writeFileSync(file, png);
    await page.setInputFiles("#file", file);
    await page.fill("input[name=caption]", "my dot");
    await sheet().getByRole("button", { name: "Send", exact: true }).click();
    await botSays(`Got your photo: ${png.length} bytes of image/png.`);
    const mine = page.locator(".row.from-user").filter({ has: page.locator("img.media") }).last();
    await expect.poll(() => mine.locator(".reactions").innerText()).toBe("👍");
    expect(await mine.locator(".text").innerText()).toBe("my dot");
  }, 30_000);

  it("fills a flow's form: encrypted data exchange with the bot's endpoint, then the completion message", async () => {
    await send("/flow");
    await botSays("Sign up with a form:");
    await page.locator(".row.from-bot").last().getByRole("button", { name: "Sign up" }).click();
    await page.locator("form.flow-form[data-screen=SIGNUP]").waitFor();
    await page.fill(".flow-form input[name=name]", "Dana");
    await page.fill(".flow-form input[name=email]", "not an email");
    await sheet().getByRole("button", { name: "Continue" }).click();
    await page.locator(".flow-error", { hasText: "Please give your name and a valid email." }).waitFor();
    await page.fill(".flow-form input[name=email]", "dana@example.com");
    await sheet().getByRole("button", { name: "Continue" }).click();
    await botSays("Thanks, Dana! We'll write to dana@example.com.");
    expect(await page.locator("#sheet").isHidden()).toBe(true);
    const sent = page.locator(".row.from-user").last();
    expect(await sent.locator(".quote").innerText()).toContain("Sign up with a form:");
    await page.screenshot({ path: outputPath("features.png") });
  }, 30_000);
});
