import { bool, date, num, obj, objects, str, type Json } from "../../updates/json.ts";

/**
 * A WebRTC session description (pywa's `SessionDescription`): the business's SDP
 * `answer` to a user's call (`preAcceptCall` / `acceptCall`), or its `offer` when it
 * calls (`initiateCall`). `sdp` must follow RFC 8866.
 */
export type SessionDescription = SdpOffer | SdpAnswer;

/** What the business sends when it calls a user (`initiateCall`). */
export interface SdpOffer {
  sdpType: "offer";
  sdp: string;
}

/** What the business sends to take a user's call (`preAcceptCall`, `acceptCall`). */
export interface SdpAnswer {
  sdpType: "answer";
  sdp: string;
}

/** The wire `session`; `expected` is the one SDP type the call takes (an offer to call, an answer to accept). */
export function sessionToWire(session: SessionDescription, method: string, expected: SessionDescription["sdpType"]): { sdp_type: string; sdp: string } {
  if (!session || session.sdpType !== expected) {
    throw new TypeError(`${method}: sdp must be an SDP ${expected}: { sdpType: "${expected}", sdp }${session?.sdpType ? ` (got "${String(session.sdpType)}")` : ""}`);
  }
  if (typeof session.sdp !== "string" || session.sdp === "") throw new TypeError(`${method}: sdp.sdp is empty`);
  return { sdp_type: session.sdpType, sdp: session.sdp };
}

export type CallPermissionStatus = "no_permission" | "temporary" | (string & {});

/** A limit on one action, e.g. 5 permission requests per 24 h. */
export interface CallPermissionActionLimit {
  /** ISO 8601 duration, e.g. `"PT24H"`. */
  timePeriod: string;
  maxAllowed: number;
  currentUsage: number;
  limitExpirationTime: Date | undefined;
}

export interface CallPermissionAction {
  /** `send_call_permission_request`, `start_call`, … */
  actionName: string;
  canPerformAction: boolean;
  limits: CallPermissionActionLimit[];
}

/** Whether the business may call a user, and what it may do next (pywa's `CallPermissions`). */
export interface CallPermissions {
  permission: { status: CallPermissionStatus; expirationTime: Date | undefined };
  actions: CallPermissionAction[];
  raw: Json;
}

export function toCallPermissions(w: Json): CallPermissions {
  const permission = obj(w.permission) ?? {};
  return {
    permission: { status: str(permission.status) ?? "no_permission", expirationTime: date(permission.expiration_time) },
    actions: objects(w.actions).map((a) => ({
      actionName: str(a.action_name) ?? "",
      canPerformAction: bool(a.can_perform_action) ?? false,
      limits: objects(a.limits).map((l) => ({
        timePeriod: str(l.time_period) ?? "",
        maxAllowed: num(l.max_allowed) ?? 0,
        currentUsage: num(l.current_usage) ?? 0,
        limitExpirationTime: date(l.limit_expiration_time),
      })),
    })),
    raw: w,
  };
}
