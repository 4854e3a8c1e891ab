// A fresh business key pair for WhatsApp Flows, with Web Crypto alone: 2048-bit
// RSA, e = 65537 (what Meta asks for). The private key is PKCS#8 PEM, unencrypted:
// keep it in a secret store (importPrivateKey reads it back); upload the public key
// (SPKI PEM) to Meta, e.g. with the Graph API's whatsapp_business_encryption edge.

import { encodePem } from "./pem.ts";

export interface GeneratedKeyPair {
  /** PKCS#8 PEM (BEGIN PRIVATE KEY): the secret the endpoint decrypts with. */
  readonly privateKey: string;
  /** SPKI PEM (BEGIN PUBLIC KEY): what you upload to Meta. */
  readonly publicKey: string;
}

export async function generateKeyPair(): Promise<GeneratedKeyPair> {
  const pair = (await crypto.subtle.generateKey(
    { name: "RSA-OAEP", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["encrypt", "decrypt"],
  )) as CryptoKeyPair;
  const [pkcs8, spki] = (await Promise.all([
    crypto.subtle.exportKey("pkcs8", pair.privateKey),
    crypto.subtle.exportKey("spki", pair.publicKey),
  ])) as [ArrayBuffer, ArrayBuffer];
  return {
    privateKey: encodePem("PRIVATE KEY", new Uint8Array(pkcs8)),
    publicKey: encodePem("PUBLIC KEY", new Uint8Array(spki)),
  };
}
