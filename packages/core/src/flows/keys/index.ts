// Reading and creating the business RSA key a WhatsApp Flows endpoint decrypts with.
export { importPrivateKey, PrivateKeyError } from "./import.ts";
export type { PrivateKeyErrorCode, PrivateKeyFormat } from "./import.ts";
export { generateKeyPair, type GeneratedKeyPair } from "./generate.ts";
