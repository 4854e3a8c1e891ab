import type { CallOptions } from "../graph/request.ts";
import { acceptCall, preAcceptCall } from "../client/calls/accept.ts";
import type { InitiatedCall } from "../client/calls/initiate.ts";
import { rejectCall } from "../client/calls/reject.ts";
import { terminateCall } from "../client/calls/terminate.ts";
import type { SdpAnswer, SdpOffer } from "../client/calls/types.ts";
import type { SuccessResult } from "../client/results.ts";
import { type UpdateSource, toDate } from "./base.ts";
import { type Json, date, need, nonEmpty, num, obj, str } from "./json.ts";
import { recipientIds, senderIds, userContext } from "./sender.ts";
import { BaseUserUpdate, type UserContext } from "./user-update.ts";
import { type WebhookError, parseWebhookErrors } from "./webhook-error.ts";

export type CallEvent = "connect" | "terminate" | (string & {});
export type CallDirection = "BUSINESS_INITIATED" | "USER_INITIATED" | (string & {});
export type CallTerminateStatus = "COMPLETED" | "FAILED" | (string & {});
export type CallStatusType = "RINGING" | "ACCEPTED" | "REJECTED" | (string & {});
export type SdpType = "offer" | "answer" | (string & {});

/** The WebRTC session description of a call. */
export interface CallSession {
  readonly sdpType: SdpType | undefined;
  /** RFC 8866 SDP. */
  readonly sdp: string | undefined;
}

/** Options of `accept` and `recall`: the call options plus a tracker. */
export interface CallTrackerOptions extends CallOptions {
  /** Echoed on the call's later updates (`biz_opaque_callback_data`, ≤ 512 characters). */
  tracker?: string;
}

/**
 * pywa's `_CallShortcuts`, shared by connect, terminate and status updates. They act
 * from the business number the call is on (`metadata.phoneNumberId`), not the
 * client's default number, so a multi-number client answers the right call. The
 * client functions are called directly (not through `wa.acceptCall`), so they work
 * on any client, and through a handler run's client when the update is bound to one.
 * `async`, so that a bad argument rejects the returned promise instead of throwing.
 */
abstract class CallShortcuts extends BaseUserUpdate {
  /** Calls have no message to reply to (pywa raises too). */
  override get messageIdToReply(): string {
    throw new Error(`${this.kind} has no message to reply to`);
  }

  /**
   * Sets up the media connection before accepting (`preAcceptCall`), so audio flows
   * as soon as `accept` is called. `sdp` is the business's answer to `session`.
   */
  async preAccept(sdp: SdpAnswer, options?: CallOptions): Promise<SuccessResult> {
    return preAcceptCall(this.client, { ...options, callId: this.id, sdp, phoneId: this.metadata.phoneNumberId });
  }

  /** Answers the call with the business's SDP answer (`acceptCall`), within 30–60 s of the connect. */
  async accept(sdp: SdpAnswer, options?: CallTrackerOptions): Promise<SuccessResult> {
    return acceptCall(this.client, { ...options, callId: this.id, sdp, phoneId: this.metadata.phoneNumberId });
  }

  /** Declines the call (`rejectCall`). */
  async reject(options?: CallOptions): Promise<SuccessResult> {
    return rejectCall(this.client, { ...options, callId: this.id, phoneId: this.metadata.phoneNumberId });
  }

  /** Ends the call (`terminateCall`), e.g. one the user accepted (status `ACCEPTED`). */
  async terminate(options?: CallOptions): Promise<SuccessResult> {
    return terminateCall(this.client, { ...options, callId: this.id, phoneId: this.metadata.phoneNumberId });
  }
}

/** The user of a call is the callee of a business call and the caller otherwise. */
function callContext(value: Json, call: Json): UserContext {
  const ids = call.direction === "BUSINESS_INITIATED" ? recipientIds(call) : senderIds(call);
  return userContext(value, ids);
}

/** What call connect and terminate events share (`value.calls[]`). */
export abstract class CallEventUpdate extends CallShortcuts {
  /** The call id, `wacid.…`. */
  readonly id: string;
  readonly timestamp: Date;
  readonly event: CallEvent;
  readonly direction: CallDirection | undefined;

  constructor(source: UpdateSource, value: Json, call: Json) {
    super(source, callContext(value, call));
    this.id = need(nonEmpty(call.id), "call id");
    this.timestamp = toDate(num(call.timestamp));
    this.event = need(nonEmpty(call.event), "call event");
    this.direction = str(call.direction);
  }

  /** One event of one call. */
  override get dedupeKey(): string {
    return `${this.kind}:${this.id}:${this.event}`;
  }
}

/** A call is being set up: the user calls the business, or answers its call (`event: "connect"`). */
export class CallConnect extends CallEventUpdate {
  readonly kind = "callConnect" as const;
  /** The caller's offer (user-initiated) or the callee's answer (business-initiated). */
  readonly session: CallSession | undefined;

  constructor(source: UpdateSource, value: Json, call: Json) {
    super(source, value, call);
    const session = obj(call.session);
    this.session = session && { sdpType: str(session.sdp_type), sdp: str(session.sdp) };
  }
}

/** A call ended (`event: "terminate"`). */
export class CallTerminate extends CallEventUpdate {
  readonly kind = "callTerminate" as const;
  readonly status: CallTerminateStatus | undefined;
  readonly startTime: Date | undefined;
  readonly endTime: Date | undefined;
  /** Seconds. */
  readonly duration: number | undefined;
  /** `biz_opaque_callback_data` of the call. */
  readonly tracker: string | undefined;
  readonly error: WebhookError | undefined;
  readonly errors: readonly WebhookError[];

  constructor(source: UpdateSource, value: Json, call: Json) {
    super(source, value, call);
    this.status = str(call.status);
    this.startTime = date(call.start_time);
    this.endTime = date(call.end_time);
    this.duration = num(call.duration);
    this.tracker = str(call.biz_opaque_callback_data);
    this.errors = parseWebhookErrors(call.errors, value.errors);
    this.error = this.errors[0];
  }

  override get textFields(): readonly (string | undefined)[] {
    return [this.tracker];
  }

  /**
   * Calls the user back from the same business number (`initiateCall` with the
   * business's SDP offer): the user must have given call permission. The same as
   * the `call` shortcut every user update has.
   */
  async recall(sdp: SdpOffer, options?: CallTrackerOptions): Promise<InitiatedCall> {
    return this.call(sdp, options);
  }
}

/** A business-initiated call is ringing, was accepted or rejected (`calls` field, `value.statuses[]`). */
export class CallStatus extends CallShortcuts {
  readonly kind = "callStatus" as const;
  readonly id: string;
  readonly timestamp: Date;
  /** Always `call`. */
  readonly type: string | undefined;
  readonly status: CallStatusType;
  readonly tracker: string | undefined;

  constructor(source: UpdateSource, value: Json, status: Json) {
    super(
      source,
      userContext(value, {
        bsuid: nonEmpty(status.recipient_user_id),
        waId: nonEmpty(status.recipient_id),
        parentBsuid: nonEmpty(status.recipient_parent_user_id) ?? nonEmpty(status.parent_recipient_user_id),
      }),
    );
    this.id = need(nonEmpty(status.id), "call status id");
    this.timestamp = toDate(num(status.timestamp));
    this.type = str(status.type);
    this.status = need(nonEmpty(status.status), "call status");
    this.tracker = str(status.biz_opaque_callback_data);
  }

  /** One status of one call. */
  override get dedupeKey(): string {
    return `callStatus:${this.id}:${this.status}`;
  }

  override get textFields(): readonly (string | undefined)[] {
    return [this.tracker];
  }
}
