import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "@edgewa/example-bot";
import { startGraphServer, type GraphServer } from "./support/graph-server.ts";
import { signedRequest, textPayload } from "./support/webhook.ts";

/** The example bot that `npm start` runs, against the local Graph API server. */
const SECRET = "example-secret";
let server: GraphServer;
beforeAll(async () => void (server = await startGraphServer({ token: "example-token" })));
afterAll(() => server.close());

describe("examples/node bot", () => {
  it("marks a text as read and echoes it, quoting it", async () => {
    const wa = createBot({ phoneId: "1234567890", token: "example-token", appSecret: SECRET, graphUrl: server.url, logger: console });
    server.clear();
    const res = await wa.fetch(signedRequest(SECRET, textPayload("echo me", { id: "wamid.EX1", from: "15551234567" })));
    expect(res.status).toBe(200);
    expect(server.requests.map((r) => r.body)).toEqual([
      { messaging_product: "whatsapp", status: "read", message_id: "wamid.EX1" },
      {
        messaging_product: "whatsapp",
        to: "15551234567",
        recipient_type: "individual",
        type: "text",
        context: { message_id: "wamid.EX1" },
        text: { body: "echo me", preview_url: false },
      },
    ]);
  });

  it("answers /start with a greeting and a button", async () => {
    const wa = createBot({ phoneId: "1234567890", token: "example-token", appSecret: SECRET, graphUrl: server.url, logger: console });
    server.clear();
    await wa.fetch(signedRequest(SECRET, textPayload("/start", { id: "wamid.EX2" })));
    const body = server.requests[0]!.body as { type: string; interactive: { type: string; body: { text: string } } };
    expect(body.type).toBe("interactive");
    expect(body.interactive.type).toBe("button");
    expect(body.interactive.body.text).toBe("Hi Test User! Send me anything and I'll echo it, or /signup.");
  });
});
