// WhatsApp Flows: the encrypted data endpoint (Web Crypto only).
export {
  createFlowEndpoint,
  type FlowEndpointOptions,
  type FlowErrorInfo,
  type FlowFetchHandler,
  type FlowRequestCallback,
  type PrivateKeyImporter,
  type PrivateKeySource,
} from "./endpoint.ts";
export {
  FlowEndpoints,
  FlowRequestHandler,
  isFlowRequestHandler,
  onFlowRequest,
  type FlowEndpointDefaults,
  type FlowRequestFilter,
  type FlowRequestHandlerOptions,
} from "./register.ts";
export {
  FlowRequest,
  FlowResponse,
  type FlowAction,
  type FlowHandlerResult,
  type FlowRequestPayload,
  type FlowResponseBody,
  type FlowResponseInit,
} from "./types.ts";
export {
  FlowMediaDecryptionError,
  FlowRequestCannotBeDecrypted,
  FlowRequestSignatureAuthenticationFailed,
  FlowResponseError,
  FlowTokenNoLongerValid,
  type DecryptFailure,
  type MediaFailure,
} from "./errors.ts";
export { decryptFlowMedia, type DecryptedFlowMedia, type DecryptMediaOptions, type FlowMedia } from "./media.ts";
export { verifyFlowTokenJwt, type FlowTokenSignatureCheck, type FlowTokenSignaturePolicy } from "./signature.ts";
export { decryptFlowRequest, encryptFlowResponse, type EncryptedFlowRequest, type FlowSession } from "./crypto.ts";
export { generateKeyPair, importPrivateKey, PrivateKeyError, type GeneratedKeyPair, type PrivateKeyErrorCode, type PrivateKeyFormat } from "./keys/index.ts";
