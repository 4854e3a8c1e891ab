import { describe, expect, it } from "vitest";
import { WhatsApp, type Message } from "@edgewa/core";
import { loadFixtures } from "./fixtures/updates/index.ts";
import { PHONE_ID, TOKEN, graphSuite, quiet } from "./support/graph-suite.ts";
import { signedRequest } from "./support/webhook.ts";

/** pywa's Message.copy: the same content sent again, to someone else, as a new message. */
const SECRET = "copy-secret";
const TO = "15550002222";
const { server } = graphSuite();
const fixtures = loadFixtures();

/** Receives the fixture `name` of message.json and copies it to TO inside the handler. */
async function copied(name: string, options: { sender?: string } = {}): Promise<Record<string, unknown>> {
  const payload = structuredClone(fixtures["message"]![name]!) as object;
  const errors: unknown[] = [];
  const wa = new WhatsApp({ phoneId: PHONE_ID, token: TOKEN, appSecret: SECRET, graphUrl: server.url, logger: quiet, retry: { maxAttempts: 1 }, onError: (e) => void errors.push(e) });
  let original: Message | undefined;
  wa.onMessage(async (_, msg) => {
    original = msg;
    await msg.copy({ to: TO, ...options });
  });
  expect((await wa.fetch(signedRequest(SECRET, payload))).status).toBe(200);
  if (errors.length) throw errors[0];
  expect(original).toBeDefined();
  expect(server.requests).toHaveLength(1);
  const request = server.requests[0]!;
  expect(request.path).toBe(`/v25.0/${options.sender ?? PHONE_ID}/messages`);
  server.clear();
  return request.body as Record<string, unknown>;
}

const envelope = { messaging_product: "whatsapp", recipient_type: "individual", to: TO };

describe("msg.copy({ to })", () => {
  it("a text: the same body, to the new recipient, from the number it came to (or the sender given)", async () => {
    const text = (fixtures["message"]!["text"] as { entry: { changes: { value: { messages: { text: { body: string } }[] } }[] }[] }).entry[0]!.changes[0]!.value.messages[0]!.text.body;
    expect(await copied("text")).toEqual({ ...envelope, type: "text", text: { body: text, preview_url: false } });
    expect((await copied("text", { sender: "5550001" })).to).toBe(TO);
  });

  it("media go by their media id (nothing downloaded), with caption, filename and the voice flag", async () => {
    const image = await copied("image");
    expect(image).toMatchObject({ ...envelope, type: "image" });
    expect(Object.keys(image.image as object).sort()).toEqual(expect.arrayContaining(["id"]));
    expect((image.image as { id: string }).id).toMatch(/^\d+$/);
    const document = (await copied("document")).document as Record<string, unknown>;
    expect(document.id).toMatch(/^\d+$/);
    expect(document.filename).toEqual(expect.any(String));
    expect(((await copied("voice")).audio as Record<string, unknown>).voice).toBe(true);
    expect(((await copied("audio")).audio as Record<string, unknown>).voice).toBeUndefined();
    expect((await copied("sticker_static")).type).toBe("sticker");
    expect(server.requests.filter((r) => r.method === "GET")).toHaveLength(0);
  });

  it("a location and contact cards are sent again as they came", async () => {
    const location = (await copied("location")).location as Record<string, unknown>;
    expect(location).toMatchObject({ latitude: expect.any(Number), longitude: expect.any(Number) });
    const contacts = (await copied("contacts")).contacts as { name: { formatted_name: string } }[];
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts[0]!.name.formatted_name).toEqual(expect.any(String));
  });

  it("what cannot be sent again (a reaction, an order, an unsupported message) is a TypeError, with no request", async () => {
    for (const name of ["reaction", "order", "unsupported"]) {
      await expect(copied(name)).rejects.toThrow(/copy: a "\w+" message cannot be copied; copy sends text, image/);
      expect(server.requests).toHaveLength(0);
    }
  });
});
