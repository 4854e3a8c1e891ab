import type { CallOptions } from "../../graph/request.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { ack } from "./ack.ts";
import { phoneSegment } from "./ids.ts";

export interface SetBusinessPublicKeyOptions extends CallOptions {
  /** The PEM (`-----BEGIN PUBLIC KEY-----…`) of the key pair whose private half decrypts flow requests. */
  publicKey: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `set_business_public_key`: `POST /{phone-id}/whatsapp_business_encryption`
 * with `business_public_key`, so that WhatsApp encrypts flow data-exchange
 * requests for this number (see `onFlowRequest`).
 */
export async function setBusinessPublicKey(wa: WhatsApp, options: SetBusinessPublicKeyOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "setBusinessPublicKey");
  if (typeof options.publicKey !== "string" || !options.publicKey.includes("PUBLIC KEY")) {
    throw new TypeError("setBusinessPublicKey: publicKey must be a PEM public key (-----BEGIN PUBLIC KEY-----…)");
  }
  return ack(wa, { method: "POST", path: `/${phone}/whatsapp_business_encryption`, json: { business_public_key: options.publicKey } }, options);
}
