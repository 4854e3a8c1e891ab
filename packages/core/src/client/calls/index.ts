// The Calling API: call permissions, placing a call, and answering or ending one.
export { getCallPermissions, type GetCallPermissionsOptions } from "./permissions.ts";
export { initiateCall, type InitiateCallOptions, type InitiatedCall } from "./initiate.ts";
export { preAcceptCall, acceptCall, type PreAcceptCallOptions, type AcceptCallOptions } from "./accept.ts";
export { rejectCall, type RejectCallOptions } from "./reject.ts";
export { terminateCall, type TerminateCallOptions } from "./terminate.ts";
export type { CallActionOptions } from "./action.ts";
export type {
  SessionDescription, SdpOffer, SdpAnswer, CallPermissions, CallPermissionAction, CallPermissionActionLimit, CallPermissionStatus,
} from "./types.ts";
