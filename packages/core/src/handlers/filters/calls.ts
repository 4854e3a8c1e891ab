import type { CallPermissionUpdate } from "../../updates/call-permission-update.ts";
import type { CallConnect, CallStatus } from "../../updates/calls.ts";
import type { Filter } from "../filter.ts";
import { builtin, is } from "./util.ts";

/** Calls connecting (incoming or outgoing). */
export const callConnect: Filter<unknown> = builtin("callConnect", (u) => u.kind === "callConnect");

/** Calls the business started (`direction === "BUSINESS_INITIATED"`). */
export const outgoingCall: Filter<CallConnect> = builtin(
  "outgoingCall",
  (u) => u.kind === "callConnect" && is(u.direction, "BUSINESS_INITIATED"),
);

/** Calls the user started (`direction === "USER_INITIATED"`). */
export const incomingCall: Filter<CallConnect> = builtin(
  "incomingCall",
  (u) => u.kind === "callConnect" && is(u.direction, "USER_INITIATED"),
);

/** Status updates of business-initiated calls. */
export const callStatus: Filter<unknown> = builtin("callStatus", (u) => u.kind === "callStatus");

/** The user answered the call. */
export const callAnswered: Filter<CallStatus> = builtin(
  "callAnswered",
  (u) => u.kind === "callStatus" && is(u.status, "ACCEPTED"),
);

/** The user rejected the call. */
export const callRejected: Filter<CallStatus> = builtin(
  "callRejected",
  (u) => u.kind === "callStatus" && is(u.status, "REJECTED"),
);

/** The user's phone is ringing. */
export const callRinging: Filter<CallStatus> = builtin(
  "callRinging",
  (u) => u.kind === "callStatus" && is(u.status, "RINGING"),
);

/** Answers to call-permission requests. */
export const callPermissionUpdate: Filter<unknown> = builtin(
  "callPermissionUpdate",
  (u) => u.kind === "callPermissionUpdate",
);

/** The user allowed the business to call. */
export const callPermissionAccepted: Filter<CallPermissionUpdate> = builtin(
  "callPermissionAccepted",
  (u) => u.kind === "callPermissionUpdate" && is(u.response, "accept"),
);

/** The user refused the business permission to call. */
export const callPermissionRejected: Filter<CallPermissionUpdate> = builtin(
  "callPermissionRejected",
  (u) => u.kind === "callPermissionUpdate" && is(u.response, "reject"),
);

/** Calls that ended. */
export const callTerminate: Filter<unknown> = builtin("callTerminate", (u) => u.kind === "callTerminate");
