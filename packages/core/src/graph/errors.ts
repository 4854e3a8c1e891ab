// The errors of the Graph API client. The code lives in ./errors/:
//   whatsapp-error.ts  WhatsAppError, pywa's 12 categories and their leaf classes, the code map
//   transport.ts       GraphRequestError and subclasses: network, timeout, non-Graph HTTP errors
//   redact.ts          redactUrl / redactSecrets (no credential in any error text)
// Import from this module, not from the files behind it.

export * from "./errors/whatsapp-error.ts";
export {
  GraphRequestError,
  GraphNetworkError,
  GraphTimeoutError,
  GraphResponseError,
  RESPONSE_BODY_EXCERPT,
  type GraphRequestTarget,
} from "./errors/transport.ts";
export { redactUrl, redactSecrets } from "./errors/redact.ts";
