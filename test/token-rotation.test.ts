import { describe, expect, it } from "vitest";
import { AuthorizationError, WhatsApp } from "@edgewa/core";
import { startGraphServer } from "./support/graph-server.ts";
import { PHONE_ID } from "./support/graph-suite.ts";
import { signedRequest, textPayload } from "./support/webhook.ts";

/** pywa's `wa.token = …`: rotating the access token of a live client. */
const OLD = "old-token-1111";
const NEW = "new-token-2222";
const SECRET = "rotation-secret";

describe("wa.setToken", () => {
  it("calls made after it carry the new token; both tokens stay out of the logs", async () => {
    const server = await startGraphServer({ token: NEW });
    try {
      const logged: string[] = [];
      const log = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
      const wa = new WhatsApp({ phoneId: PHONE_ID, token: OLD, appSecret: SECRET, graphUrl: server.url, retry: { maxAttempts: 1 }, logger: { debug: log, warn: log, error: log } });

      await expect(wa.sendMessage({ to: "15550001111", text: "before" })).rejects.toBeInstanceOf(AuthorizationError);
      wa.setToken(NEW);
      const sent = await wa.sendMessage({ to: "15550001111", text: "after" });
      expect(sent.id).toMatch(/^wamid\./);
      expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${NEW}`);
      expect(wa.hasToken).toBe(true);

      // A handler that puts either token in its error: the logger never sees them.
      wa.onMessage(() => {
        throw new Error(`tokens ${OLD} and ${NEW}`);
      });
      expect((await wa.fetch(signedRequest(SECRET, textPayload("hi")))).status).toBe(200);
      const text = logged.join("\n");
      expect(text).toContain("tokens [redacted] and [redacted]");
      expect(text).not.toContain(OLD);
      expect(text).not.toContain(NEW);
    } finally {
      await server.close();
    }
  });

  it("a token read with a trailing newline is masked in the form Meta echoes (fetch trims it)", async () => {
    const server = await startGraphServer({ token: "someone-else" });
    try {
      const logged: string[] = [];
      const log = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
      const padded = "padded-token-3333\n";
      const wa = new WhatsApp({ phoneId: PHONE_ID, token: padded, graphUrl: server.url, retry: { maxAttempts: 1 }, logger: { debug: log, warn: log, error: log } });
      server.respondWithError({ method: "POST", path: `/v25.0/${PHONE_ID}/messages` }, { status: 401, code: 190, message: "Malformed access token padded-token-3333" });
      const error = await wa.sendMessage({ to: "15550001111", text: "x" }).catch((e: unknown) => e);
      expect(String(error)).not.toContain("padded-token-3333");
      expect(JSON.stringify(error)).not.toContain("padded-token-3333");
      wa.logger.error("echo:", (error as Error).message, "padded-token-3333");
      expect(logged.join("\n")).not.toContain("padded-token-3333");
    } finally {
      await server.close();
    }
  });

  it("refuses an empty token; the token is never readable from the client", () => {
    const wa = new WhatsApp({ phoneId: PHONE_ID, token: OLD });
    expect(() => wa.setToken("")).toThrow(/non-empty string/);
    expect(() => wa.setToken(undefined as unknown as string)).toThrow(TypeError);
    expect(JSON.stringify(Object.entries(wa))).not.toContain(OLD);
    expect((wa as unknown as { token?: unknown }).token).toBeUndefined();
  });
});
