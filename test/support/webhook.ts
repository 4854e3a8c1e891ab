import { createHmac } from "node:crypto";

/**
 * Signs a body exactly as Meta does (HMAC-SHA256 of the raw bytes with the app
 * secret, lower-case hex, `sha256=` prefix), with node:crypto: an implementation
 * independent of the core's Web Crypto one.
 */
export function metaSignature(appSecret: string, body: string | Uint8Array): string {
  return "sha256=" + createHmac("sha256", appSecret).update(body).digest("hex");
}

/** A POST to the webhook as Meta sends it. */
export function signedRequest(
  appSecret: string,
  payload: unknown,
  { url = "https://bot.example/", signature }: { url?: string; signature?: string | null } = {},
): Request {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const sig = signature === undefined ? metaSignature(appSecret, body) : signature;
  if (sig !== null) headers["x-hub-signature-256"] = sig;
  return new Request(url, { method: "POST", body, headers });
}

/** Collects what `waitUntil` was given, so a test can await it after the response. */
export function waitUntilRecorder(): { waitUntil: (p: Promise<unknown>) => void; settled: () => Promise<unknown[]> } {
  const pending: Promise<unknown>[] = [];
  return {
    waitUntil: (p) => void pending.push(p),
    settled: () => Promise.all(pending),
  };
}

/** A text message payload from one user, with a given wamid. */
export function textPayload(text: string, { id = "wamid.TEST1", from = "972501234567", phoneId = "1234567890" } = {}) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550001111", phone_number_id: phoneId },
              contacts: [{ profile: { name: "Test User" }, wa_id: from }],
              messages: [{ from, id, timestamp: "1750000000", type: "text", text: { body: text } }],
            },
          },
        ],
      },
    ],
  };
}
