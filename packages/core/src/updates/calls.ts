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

/** The user of a call is the callee of a business call and the caller otherwise. */
function callContext(value: Json, call: Json): UserContext {
  const ids = call.direction === "BUSINESS_INITIATED" ? recipientIds(call) : senderIds(call);
  return userContext(value, ids);
}

/** What call connect and terminate events share (`value.calls[]`). */
export abstract class CallEventUpdate extends BaseUserUpdate {
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

  /** Calls have no message to reply to (pywa raises too). */
  override get messageIdToReply(): string {
    throw new Error(`${this.kind} has no message to reply to`);
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
}

/** A business-initiated call is ringing, was accepted or rejected (`calls` field, `value.statuses[]`). */
export class CallStatus extends BaseUserUpdate {
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

  override get messageIdToReply(): string {
    throw new Error("callStatus has no message to reply to");
  }

  override get textFields(): readonly (string | undefined)[] {
    return [this.tracker];
  }
}
