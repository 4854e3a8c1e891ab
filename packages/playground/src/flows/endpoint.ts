import { hubSignature } from "../webhook/sign.ts";
import { openFlowResponse, sealFlowRequest } from "./crypto.ts";

export interface FlowEndpointClientOptions {
  /** The bot's flow endpoint URL. */
  url: string;
  /** The business public key (SPKI PEM) the endpoint's private key belongs to. */
  publicKey: string;
  /** Requests are signed with it (`X-Hub-Signature-256`), as Meta signs them. */
  appSecret?: string;
  fetch?: typeof fetch;
}

export type FlowExchange =
  | { ok: true; response: Record<string, unknown> }
  | { ok: false; status: number; error: string };

/** What the endpoint's status codes mean to the WhatsApp client. */
const MEANINGS: Record<number, string> = {
  421: "the endpoint could not decrypt the request: is the playground's public key the pair of the bot's private key?",
  427: "the flow token is no longer valid",
  432: "the endpoint refused the request signature (app secret or flow_token_signature)",
};

/** Calls a flow endpoint the way the WhatsApp client does. */
export class FlowEndpointClient {
  readonly url: string;
  readonly #options: FlowEndpointClientOptions;

  constructor(options: FlowEndpointClientOptions) {
    this.url = options.url;
    this.#options = options;
  }

  async exchange(payload: Record<string, unknown>): Promise<FlowExchange> {
    const sealed = sealFlowRequest(this.#options.publicKey, payload);
    const body = JSON.stringify(sealed.body);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.#options.appSecret !== undefined) headers["x-hub-signature-256"] = hubSignature(this.#options.appSecret, body);
    let res: Response;
    try {
      res = await (this.#options.fetch ?? fetch)(this.url, { method: "POST", headers, body });
    } catch (error) {
      return { ok: false, status: 0, error: `cannot reach the flow endpoint ${this.url} (${error instanceof Error ? error.message : String(error)})` };
    }
    const text = await res.text();
    if (res.status !== 200) {
      const detail = MEANINGS[res.status] ?? "the flow endpoint failed";
      return { ok: false, status: res.status, error: `${res.status}: ${detail}${text && res.status !== 421 ? ` (${text.slice(0, 200)})` : ""}` };
    }
    try {
      const response = openFlowResponse(text, sealed);
      if (typeof response !== "object" || response === null) throw new Error("not a JSON object");
      return { ok: true, response: response as Record<string, unknown> };
    } catch (error) {
      return { ok: false, status: 200, error: `the flow endpoint's answer could not be decrypted (${error instanceof Error ? error.message : String(error)})` };
    }
  }
}
