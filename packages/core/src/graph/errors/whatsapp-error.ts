// The typed Graph API errors: pywa's `errors.py` (4.4) in TypeScript.
//
// `WhatsAppError` is raised for every error that Graph reports in its JSON envelope
// (`{"error": {...}}`), and it parses the error objects of webhooks too (a failed
// message status, a failed call, …). `WhatsAppError.fromGraph` picks the most specific
// class by `code`: twelve categories (AuthorizationError, ThrottlingError, …) each with
// their leaf classes, named exactly as in pywa so code ports over. Unknown codes give a
// plain `WhatsAppError`.
//
//   try { await wa.sendMessage({ to, text: "hi" }); }
//   catch (e) {
//     if (e instanceof ReEngagementMessage) … // 24 h window closed: send a template
//     else if (e instanceof ThrottlingError) … // any rate limit
//   }
//   filters.failedWith(ReEngagementMessage)   // any class works where codes are wanted
//
// Everything in the hierarchy (base, categories, leaves, the code map) lives in this one
// module on purpose: `fromGraph` needs the map of every leaf, and keeping them together
// means there is no import cycle and no registration step that could be skipped.

import { redactSecrets } from "./redact.ts";

/** The code of an error object that has no usable `code` (not a Graph code). */
export const UNKNOWN_ERROR_CODE = -1;

/** The fields of a `WhatsAppError`, already parsed (see `WhatsAppError.fromGraph`). */
export interface WhatsAppErrorInit {
  code: number;
  /** Graph's message (for webhook errors: `message`, else `title`). */
  message?: string | undefined;
  subcode?: number | undefined;
  type?: string | undefined;
  details?: string | undefined;
  fbtraceId?: string | undefined;
  href?: string | undefined;
  statusCode?: number | undefined;
  isTransient?: boolean | undefined;
  userTitle?: string | undefined;
  userMsg?: string | undefined;
  /** The error object as received (copied, with credential-like strings masked). */
  raw?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * An error reported by the WhatsApp Cloud API: the `error` of a Graph response, or an
 * entry of a webhook's `errors`. Subclasses narrow it down by `code`; see
 * `WhatsAppError.fromGraph`.
 */
export class WhatsAppError extends Error {
  /** Graph's error code (`error.code`); `-1` when the object had none. */
  readonly code: number;
  /** `error.error_subcode`. */
  declare readonly subcode?: number;
  /** `error.type`, e.g. `"OAuthException"`. */
  declare readonly type?: string;
  /** `error.error_data.details` (or `error_data` itself when it is a string). */
  declare readonly details?: string;
  /** `error.fbtrace_id`: quote it to Meta support. */
  declare readonly fbtraceId?: string;
  /** What the response carried besides `error`, when the call answered results next to it (block_users' per-user outcomes). */
  declare readonly responseBody?: Readonly<Record<string, unknown>>;
  /** `error.href`: a link to Meta's documentation of the error (webhook errors). */
  declare readonly href?: string;
  /** The HTTP status of the response that carried the error, if any. */
  declare readonly statusCode?: number;
  /** `error.is_transient`: Graph's hint that retrying may succeed. */
  declare readonly isTransient?: boolean;
  /** `error.error_user_title`. */
  declare readonly userTitle?: string;
  /** `error.error_user_msg`: a message meant to be shown to the end user. */
  declare readonly userMsg?: string;
  /** Graph's message as it was sent (`message`, or a webhook error's `title`), redacted. */
  readonly graphMessage: string;
  /** The error object as received (a frozen copy, credential-like strings masked). */
  readonly raw: Readonly<Record<string, unknown>>;

  constructor(init: WhatsAppErrorInit) {
    const code = Number.isInteger(init.code) ? init.code : UNKNOWN_ERROR_CODE;
    const graphMessage = clean(init.message) ?? "";
    const details = clean(init.details);
    const subcode = Number.isInteger(init.subcode) ? init.subcode : undefined;
    super(formatMessage(graphMessage, code, subcode, details, clean(init.userTitle)));
    if (!Object.hasOwn(new.target.prototype, "name")) this.name = new.target.name;
    this.code = code;
    this.graphMessage = graphMessage;
    this.raw = sanitize(init.raw ?? {}, 0) as Readonly<Record<string, unknown>>;
    // Optional fields (declared, not defined) exist only when present, so logs stay short.
    if (subcode !== undefined) this.subcode = subcode;
    if (init.type !== undefined) this.type = redactSecrets(String(init.type));
    if (details !== undefined) this.details = details;
    if (init.fbtraceId !== undefined) this.fbtraceId = redactSecrets(String(init.fbtraceId));
    if (init.href !== undefined) this.href = redactSecrets(String(init.href));
    if (Number.isInteger(init.statusCode)) this.statusCode = init.statusCode;
    if (typeof init.isTransient === "boolean") this.isTransient = init.isTransient;
    const userTitle = clean(init.userTitle);
    if (userTitle !== undefined) this.userTitle = userTitle;
    const userMsg = clean(init.userMsg);
    if (userMsg !== undefined) this.userMsg = userMsg;
  }

  /**
   * The most specific error for a Graph error object (pywa's `WhatsAppError.from_dict`).
   *
   * Accepts the `error` of a Graph response (`{message, type, code, error_subcode,
   * error_data: {details}, fbtrace_id, is_transient, error_user_title, error_user_msg}`),
   * the whole envelope (`{error: {...}}`), or a webhook error (`{code, title, message,
   * error_data: {details}, href}`; `title` stands in for a missing `message`).
   * `statusCode` is the HTTP status of the response, when there was one.
   *
   * Never throws: input that is not an error object gives a plain `WhatsAppError` with
   * code `-1` (a string input becomes its message). Credential-like text in Graph's
   * strings (`access_token=…`, `EAA…` tokens) is masked.
   */
  static fromGraph(error: unknown, statusCode?: number): WhatsAppError {
    try {
      return build(error, statusCode);
    } catch {
      // Only reachable with hostile input (throwing getters, proxies): give up on it.
      return new WhatsAppError({ code: UNKNOWN_ERROR_CODE, statusCode });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Parsing

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** An integer, from a number or a numeric string (`"131047"`). */
function int(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A trimmed, redacted, non-empty string, or undefined. */
function clean(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  return s === "" ? undefined : redactSecrets(s);
}

function build(input: unknown, statusCode: number | undefined): WhatsAppError {
  if (typeof input === "string") {
    return new WhatsAppError({ code: UNKNOWN_ERROR_CODE, message: input.slice(0, 500), statusCode });
  }
  if (!isObj(input)) return new WhatsAppError({ code: UNKNOWN_ERROR_CODE, statusCode });
  // The whole envelope `{"error": {...}}`.
  const e = isObj(input.error) && !("code" in input) ? input.error : input;
  const code = int(e.code);
  const data = e.error_data;
  const details = typeof data === "string" ? data : isObj(data) ? str(data.details) : undefined;
  const init: WhatsAppErrorInit = {
    code: code ?? UNKNOWN_ERROR_CODE,
    message: clean(e.message) ?? str(e.title),
    subcode: int(e.error_subcode),
    type: str(e.type),
    details,
    fbtraceId: str(e.fbtrace_id),
    href: str(e.href),
    statusCode,
    isTransient: typeof e.is_transient === "boolean" ? e.is_transient : undefined,
    userTitle: str(e.error_user_title),
    userMsg: str(e.error_user_msg),
    raw: e,
  };
  const ctor = code === undefined ? undefined : BY_CODE.get(code);
  return ctor ? new ctor(init) : new WhatsAppError(init);
}

function formatMessage(
  graphMessage: string,
  code: number,
  subcode: number | undefined,
  details: string | undefined,
  userTitle: string | undefined,
): string {
  const head = graphMessage || userTitle || "Unrecognised WhatsApp API error";
  const codes = code === UNKNOWN_ERROR_CODE ? "no error code" : `code ${code}`;
  const sub = subcode === undefined ? "" : `, subcode ${subcode}`;
  const tail = details !== undefined && details !== head ? `: ${details}` : "";
  return `${head} (${codes}${sub})${tail}`;
}

const MAX_DEPTH = 8;

/** A frozen JSON-ish copy of `v` with strings redacted (cycles and depth are cut). */
function sanitize(v: unknown, depth: number): unknown {
  if (typeof v === "string") return redactSecrets(v);
  if (typeof v !== "object" || v === null) {
    return typeof v === "function" || typeof v === "symbol" || typeof v === "bigint" ? undefined : v;
  }
  if (depth >= MAX_DEPTH) return "[truncated]";
  if (Array.isArray(v)) return Object.freeze(v.map((x) => sanitize(x, depth + 1)));
  // fromEntries defines own properties, so a `__proto__` key stays a plain key.
  return Object.freeze(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sanitize(x, depth + 1)])));
}

/** The codes of every leaf that descends from `category` (sorted, frozen, cached). */
const categoryCodeCache = new Map<Function, readonly number[]>();
function codesUnder(category: Function): readonly number[] {
  let codes = categoryCodeCache.get(category);
  if (!codes) {
    const set = new Set<number>();
    for (const leaf of Object.values(LEAVES)) {
      if (leaf.prototype instanceof category) for (const c of leaf.codes) set.add(c);
    }
    codes = Object.freeze([...set].sort((a, b) => a - b));
    categoryCodeCache.set(category, codes);
  }
  return codes;
}

// ---------------------------------------------------------------------------------------
// Categories. Each one's static `codes` is the union of its leaves' codes, so
// `filters.failedWith(ThrottlingError)` matches any rate limit.

/** The access token, app or permissions are not valid for the call. */
export class AuthorizationError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** A rate limit was hit: slow down and retry later. */
export class ThrottlingError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** The account was restricted or blocked for a policy violation. */
export class IntegrityError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** A message could not be sent (raised on send, or reported by a failed status webhook). */
export class SendMessageError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** A flow could not be sent, updated, published, deprecated or deleted. */
export class FlowError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** Blocking or unblocking users failed. */
export class BlockUserError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** A Calling API error (initiating, connecting or permission requests). */
export class CallingError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** A Groups API error. */
export class GroupError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** A template could not be created or updated. */
export class TemplateCreationError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** A business username could not be set. */
export class UsernameError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** A phone number could not be registered or migrated. */
export class PhoneMigrationError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

/** An in-app signup (marketing opt-in) error. */
export class SignupError extends WhatsAppError {
  static get codes(): readonly number[] {
    return codesUnder(this);
  }
}

// ---------------------------------------------------------------------------------------
// Leaves (pywa's names, codes and order). `codes` is frozen when the map is built.

// AuthorizationError

/** 0: unable to authenticate the app user (often an expired or invalidated token). */
export class AuthException extends AuthorizationError {
  static override readonly codes: readonly number[] = [0];
}
/** 3: the app lacks the capability or permission for this API method. */
export class APIMethod extends AuthorizationError {
  static override readonly codes: readonly number[] = [3];
}
/** 10: permission not granted or removed. */
export class PermissionDenied extends AuthorizationError {
  static override readonly codes: readonly number[] = [10];
}
/** 190: the access token has expired. */
export class ExpiredAccessToken extends AuthorizationError {
  static override readonly codes: readonly number[] = [190];
}
/** 200–299: permission not granted or removed. */
export class APIPermission extends AuthorizationError {
  static override readonly codes: readonly number[] = Array.from({ length: 100 }, (_, i) => 200 + i);
}

// ThrottlingError

/**
 * 4: the app reached its API call rate limit. (pywa's spelling; `TooManyAPICalls` is
 * exported as the same class.)
 */
export class ToManyAPICalls extends ThrottlingError {
  static override readonly codes: readonly number[] = [4];
}
/** 80007: the WhatsApp Business Account reached its rate limit. */
export class RateLimitIssues extends ThrottlingError {
  static override readonly codes: readonly number[] = [80007];
}
/** 130429: the phone number's Cloud API throughput was reached. */
export class RateLimitHit extends ThrottlingError {
  static override readonly codes: readonly number[] = [130429];
}
/** 131048: too many messages were sent from this number (spam rate limit). */
export class SpamRateLimitHit extends ThrottlingError {
  static override readonly codes: readonly number[] = [131048];
}
/** 131056: too many messages from this sender to the same recipient in a short time. */
export class TooManyMessages extends ThrottlingError {
  static override readonly codes: readonly number[] = [131056];
}
/** 131064: the message failed because the business reached its messaging limit. */
export class MessageFailedToReachMessagingLimit extends ThrottlingError {
  static override readonly codes: readonly number[] = [131064];
}
/** 133016: too many registration or deregistration attempts for this number. */
export class RegistrationOrDeregistrationFailed extends ThrottlingError {
  static override readonly codes: readonly number[] = [133016];
}

// IntegrityError

/** 368: temporarily blocked for policy violations. */
export class TemporarilyBlocked extends IntegrityError {
  static override readonly codes: readonly number[] = [368];
}
/** 130497: the account is restricted from messaging users in this country. */
export class AccountRestrictedFromCountry extends IntegrityError {
  static override readonly codes: readonly number[] = [130497];
}
/** 131031: the account was locked (policy violation or failed verification). */
export class AccountLocked extends IntegrityError {
  static override readonly codes: readonly number[] = [131031];
}

// SendMessageError

/** 130472: the user's number is part of an experiment group (marketing message not sent). */
export class UserIsInExperimentGroup extends SendMessageError {
  static override readonly codes: readonly number[] = [130472];
}
/** 131000: the message failed for an unknown reason. */
export class UnknownError extends SendMessageError {
  static override readonly codes: readonly number[] = [131000];
}
/** 131005: permission not granted or removed. */
export class AccessDenied extends SendMessageError {
  static override readonly codes: readonly number[] = [131005];
}
/** 131008: a required parameter is missing. */
export class MissingRequiredParameter extends SendMessageError {
  static override readonly codes: readonly number[] = [131008];
}
/** 131009: a parameter value is not valid. */
export class InvalidParameter extends SendMessageError {
  static override readonly codes: readonly number[] = [131009];
}
/** 131016: the service is temporarily unavailable. */
export class ServiceUnavailable extends SendMessageError {
  static override readonly codes: readonly number[] = [131016];
}
/** 131021: the recipient is the sender's own number. */
export class RecipientCannotBeSender extends SendMessageError {
  static override readonly codes: readonly number[] = [131021];
}
/** 131026: the message could not be delivered (not a WhatsApp user, old app, terms not accepted, …). */
export class MessageUndeliverable extends SendMessageError {
  static override readonly codes: readonly number[] = [131026];
}
/** 131030: the recipient is not in the test number's allowed list. */
export class RecipientNotInAllowedList extends SendMessageError {
  static override readonly codes: readonly number[] = [131030];
}
/** 131037: the phone number's display name is not approved yet. */
export class PhoneNumberDisplayNameNotApproved extends SendMessageError {
  static override readonly codes: readonly number[] = [131037];
}
/** 131042, 131044: a payment or billing problem on the business account. */
export class BusinessPaymentIssue extends SendMessageError {
  static override readonly codes: readonly number[] = [131042, 131044];
}
/** 131045: the phone number's certificate is incorrect (registration incomplete). */
export class IncorrectCertificate extends SendMessageError {
  static override readonly codes: readonly number[] = [131045];
}
/** 131047: more than 24 hours since the user last wrote; only a template can be sent. */
export class ReEngagementMessage extends SendMessageError {
  static override readonly codes: readonly number[] = [131047];
}
/** 131049: not delivered, to keep the ecosystem healthy (per-user marketing limit). */
export class MessageUndeliverableDueToHealthyEcosystemEngagement extends SendMessageError {
  static override readonly codes: readonly number[] = [131049];
}
/** 131050: the user stopped marketing messages from this business. */
export class UserStoppedMarketingMessages extends SendMessageError {
  static override readonly codes: readonly number[] = [131050];
}
/** 131051: the message type is not supported. */
export class UnsupportedMessageType extends SendMessageError {
  static override readonly codes: readonly number[] = [131051];
}
/** 131052: the media the user sent could not be downloaded. */
export class MediaDownloadError extends SendMessageError {
  static override readonly codes: readonly number[] = [131052];
}
/** 131053: the media could not be uploaded (unsupported type or size). */
export class MediaUploadError extends SendMessageError {
  static override readonly codes: readonly number[] = [131053];
}
/** 131057: the business account is in maintenance mode. */
export class AccountInMaintenanceMode extends SendMessageError {
  static override readonly codes: readonly number[] = [131057];
}
/** 131062: this message type cannot be sent to a business-scoped user id (BSUID). */
export class BSUIDRecipientNotSupported extends SendMessageError {
  static override readonly codes: readonly number[] = [131062];
}
/** 131063: marketing templates are disabled for the Cloud API on this account. */
export class MarketingTemplatesDisabledForCloudAPI extends SendMessageError {
  static override readonly codes: readonly number[] = [131063];
}
/** 132000: the number of template parameters does not match the template. */
export class TemplateParamCountMismatch extends SendMessageError {
  static override readonly codes: readonly number[] = [132000];
}
/** 132001: the template does not exist in that language, or is not approved. */
export class TemplateNotExists extends SendMessageError {
  static override readonly codes: readonly number[] = [132001];
}
/** 132005: the template text is too long once its parameters are filled in. */
export class TemplateTextTooLong extends SendMessageError {
  static override readonly codes: readonly number[] = [132005];
}
/** 132007: the template content violates a WhatsApp policy. */
export class TemplateContentPolicyViolation extends SendMessageError {
  static override readonly codes: readonly number[] = [132007];
}
/** 132008: a template parameter value is not valid. */
export class TemplateParamValueInvalid extends SendMessageError {
  static override readonly codes: readonly number[] = [132008];
}
/** 132012: a template parameter's format does not match the template. */
export class TemplateParamFormatMismatch extends SendMessageError {
  static override readonly codes: readonly number[] = [132012];
}
/** 132015: the template is paused for low quality. */
export class TemplatePaused extends SendMessageError {
  static override readonly codes: readonly number[] = [132015];
}
/** 132016: the template was paused too many times and is now disabled. */
export class TemplateDisabled extends SendMessageError {
  static override readonly codes: readonly number[] = [132016];
}
/** 132068: the flow is blocked. */
export class FlowBlocked extends SendMessageError {
  static override readonly codes: readonly number[] = [132068];
}
/** 132069: the flow is throttled. */
export class FlowThrottled extends SendMessageError {
  static override readonly codes: readonly number[] = [132069];
}
/** 135000: a generic user error. */
export class GenericError extends SendMessageError {
  static override readonly codes: readonly number[] = [135000];
}
/** 137000: the recipient's identity key does not match `identityKeyHash`. */
export class RecipientIdentityKeyMismatch extends SendMessageError {
  static override readonly codes: readonly number[] = [137000];
}

// FlowError

/** 139000: the flow is blocked by integrity. */
export class FlowBlockedByIntegrity extends FlowError {
  static override readonly codes: readonly number[] = [139000];
}
/** 139001: the flow could not be updated. */
export class FlowUpdatingError extends FlowError {
  static override readonly codes: readonly number[] = [139001];
}
/** 139002: the flow could not be published. */
export class FlowPublishingError extends FlowError {
  static override readonly codes: readonly number[] = [139002];
}
/** 139003: the flow could not be deprecated. */
export class FlowDeprecatingError extends FlowError {
  static override readonly codes: readonly number[] = [139003];
}
/** 139004: the flow could not be deleted. */
export class FlowDeletingError extends FlowError {
  static override readonly codes: readonly number[] = [139004];
}

// BlockUserError

/** 139100: blocking some or all of the users failed. */
export class BulkBlockingFailed extends BlockUserError {
  static override readonly codes: readonly number[] = [139100];
}
/** 139101: the block list is full. */
export class BlockListLimitReached extends BlockUserError {
  static override readonly codes: readonly number[] = [139101];
}
/** 139102: the block list was updated concurrently; retry. */
export class BlockListConcurrentUpdate extends BlockUserError {
  static override readonly codes: readonly number[] = [139102];
}
/** 139103: an internal error while blocking users; retry. */
export class BlockUserInternalError extends BlockUserError {
  static override readonly codes: readonly number[] = [139103];
}

// CallingError

/** 138000: calling is not enabled on this phone number. */
export class CallingNotEnabled extends CallingError {
  static override readonly codes: readonly number[] = [138000];
}
/** 138001: the receiver cannot be called. */
export class ReceiverUncallable extends CallingError {
  static override readonly codes: readonly number[] = [138001];
}
/** 138002: too many concurrent calls. */
export class ConcurrentCallsLimit extends CallingError {
  static override readonly codes: readonly number[] = [138002];
}
/** 138003: a call to this user is already in progress. */
export class DuplicateCall extends CallingError {
  static override readonly codes: readonly number[] = [138003];
}
/** 138004: the call could not be connected. */
export class CallConnectionError extends CallingError {
  static override readonly codes: readonly number[] = [138004];
}
/** 138005: the call rate limit was exceeded. */
export class CallRateLimitExceeded extends CallingError {
  static override readonly codes: readonly number[] = [138005];
}
/** 138006: no call permission from the user. */
export class CallPermissionNotFound extends CallingError {
  static override readonly codes: readonly number[] = [138006];
}
/** 138007: the call was not answered or connected in time. */
export class CallConnectionTimeout extends CallingError {
  static override readonly codes: readonly number[] = [138007];
}
/** 138009: too many call permission requests to this user. */
export class CallPermissionRequestLimitHit extends CallingError {
  static override readonly codes: readonly number[] = [138009];
}
/** 138012: the business-initiated calls limit was reached. */
export class BusinessInitiatedCallsLimitHit extends CallingError {
  static override readonly codes: readonly number[] = [138012];
}
/** 138013, 613: too many call permission look-ups. */
export class FetchCallPermissionLimitHit extends CallingError {
  static override readonly codes: readonly number[] = [138013, 613];
}
/** 138018: calling cannot be enabled on this phone number. */
export class CallingCannotBeEnabled extends CallingError {
  static override readonly codes: readonly number[] = [138018];
}

// GroupError

/** 131020: the group is not valid. */
export class BadGroup extends GroupError {
  static override readonly codes: readonly number[] = [131020];
}
/** 131041: the group is unknown. */
export class GroupUnknown extends GroupError {
  static override readonly codes: readonly number[] = [131041];
}
/** 131059: the pagination cursor is not valid. */
export class GroupInvalidCursor extends GroupError {
  static override readonly codes: readonly number[] = [131059];
}
/** 131201: the request succeeded for some participants only. */
export class GroupRequestPartiallySucceeded extends GroupError {
  static override readonly codes: readonly number[] = [131201];
}
/** 131202: the participant is already in the group. */
export class GroupDuplicateParticipant extends GroupError {
  static override readonly codes: readonly number[] = [131202];
}
/** 131204: the group is full. */
export class GroupParticipantOverlimit extends GroupError {
  static override readonly codes: readonly number[] = [131204];
}
/** 131207: the group is suspended. */
export class GroupSuspended extends GroupError {
  static override readonly codes: readonly number[] = [131207];
}
/** 131208: the groups rate limit was hit. */
export class GroupRateLimitHit extends GroupError {
  static override readonly codes: readonly number[] = [131208];
}
/** 131209: the profile picture's aspect ratio is not valid. */
export class GroupInvalidProfilePictureAspectRatio extends GroupError {
  static override readonly codes: readonly number[] = [131209];
}
/** 131210: the profile picture is too small. */
export class GroupImageTooSmall extends GroupError {
  static override readonly codes: readonly number[] = [131210];
}
/** 131211: the group creation limit was reached. */
export class GroupCreationLimitReached extends GroupError {
  static override readonly codes: readonly number[] = [131211];
}
/** 131212: the user is not a participant of the group. */
export class GroupParticipantNotInGroup extends GroupError {
  static override readonly codes: readonly number[] = [131212];
}
/** 131213: the join request does not exist. */
export class GroupJoinRequestDoesNotExist extends GroupError {
  static override readonly codes: readonly number[] = [131213];
}
/** 131214: creating groups is temporarily disabled. */
export class GroupCreationTemporarilyDisabled extends GroupError {
  static override readonly codes: readonly number[] = [131214];
}
/** 131215: the business is not eligible for the Groups API. */
export class GroupAPINotEligible extends GroupError {
  static override readonly codes: readonly number[] = [131215];
}

// TemplateCreationError

/** 2388019: the account has reached its message template limit. */
export class TemplateLimitExceeded extends TemplateCreationError {
  static override readonly codes: readonly number[] = [2388019];
}
/** 2388040: a template field exceeds its character limit. */
export class TemplateCharacterLimitExceeded extends TemplateCreationError {
  static override readonly codes: readonly number[] = [2388040];
}
/**
 * 2388047: the header format is incorrect. Never produced by `fromGraph`: pywa gives
 * the same code to `TemplateBodyFormatIncorrect`, defined later, which wins (kept as in
 * pywa; Graph's message says which part is wrong).
 */
export class TemplateHeaderFormatIncorrect extends TemplateCreationError {
  static override readonly codes: readonly number[] = [2388047];
}
/** 2388047: the body format is incorrect (also used for header errors, see above). */
export class TemplateBodyFormatIncorrect extends TemplateCreationError {
  static override readonly codes: readonly number[] = [2388047];
}
/** 2388073: the footer format is incorrect. */
export class TemplateFooterFormatIncorrect extends TemplateCreationError {
  static override readonly codes: readonly number[] = [2388073];
}
/** 2388293: too many parameters for the amount of text. */
export class TemplateParametersWordsRatioExceedsLimit extends TemplateCreationError {
  static override readonly codes: readonly number[] = [2388293];
}
/** 2388299: the body cannot start or end with a parameter. */
export class TemplateLeadingOrTrailingParametersNotAllowed extends TemplateCreationError {
  static override readonly codes: readonly number[] = [2388299];
}

// UsernameError

/** 147001: the username is not available. */
export class UsernameNotAvailable extends UsernameError {
  static override readonly codes: readonly number[] = [147001];
}
/** 147002: the account is not eligible to request a username. */
export class AccountNotEligibleToRequestUsername extends UsernameError {
  static override readonly codes: readonly number[] = [147002];
}
/** 147003: no Facebook account is linked. */
export class FBAccountNotLinked extends UsernameError {
  static override readonly codes: readonly number[] = [147003];
}
/** 147004: no Instagram account is linked. */
export class IGAccountNotLinked extends UsernameError {
  static override readonly codes: readonly number[] = [147004];
}
/** 147005: the username has to be transferred first. */
export class UsernameTransferRequired extends UsernameError {
  static override readonly codes: readonly number[] = [147005];
}

// PhoneMigrationError

/** 2388012: the phone number is already registered. */
export class PhoneNumberAlreadyExists extends PhoneMigrationError {
  static override readonly codes: readonly number[] = [2388012];
}
/** 2388091, 2388093: the phone number cannot receive a registration code now. */
export class PhoneNumberNotEligibleForRegistrationCode extends PhoneMigrationError {
  static override readonly codes: readonly number[] = [2388091, 2388093];
}
/** 2388103: the phone number cannot be migrated. */
export class CannotMigratePhoneNumber extends PhoneMigrationError {
  static override readonly codes: readonly number[] = [2388103];
}
/** 2494100: the phone number's account is in maintenance mode. */
export class PhoneNumberAccountInMaintenanceMode extends PhoneMigrationError {
  static override readonly codes: readonly number[] = [2494100];
}

// SignupError

/** 2494164: the signup was not found. */
export class SignupNotFoundError extends SignupError {
  static override readonly codes: readonly number[] = [2494164];
}
/** 2494165: the signup API is unavailable. */
export class SignupAPIUnavailable extends SignupError {
  static override readonly codes: readonly number[] = [2494165];
}
/** 2494166: an unknown placeholder was used. */
export class SignupUnknownPlaceholderError extends SignupError {
  static override readonly codes: readonly number[] = [2494166];
}
/** 2494167: a placeholder has no value. */
export class SignupMissingPlaceholderValueError extends SignupError {
  static override readonly codes: readonly number[] = [2494167];
}
/** 2494168: the terms of service were not accepted. */
export class SignupTOSNotAccepted extends SignupError {
  static override readonly codes: readonly number[] = [2494168];
}
/** 2494176: the terms of service were already accepted. */
export class SignupTOSAlreadyAccepted extends SignupError {
  static override readonly codes: readonly number[] = [2494176];
}
/** 2494177: the terms of service URL is not allowed. */
export class SignupTOSURLNotAllowed extends SignupError {
  static override readonly codes: readonly number[] = [2494177];
}
/** 2494179: the website URL's scheme is not allowed. */
export class SignupWebsiteURLSchemeNotAllowed extends SignupError {
  static override readonly codes: readonly number[] = [2494179];
}

/** pywa's `ToManyAPICalls`, spelled correctly (the same class). */
export { ToManyAPICalls as TooManyAPICalls };

// ---------------------------------------------------------------------------------------
// The code map, built once. Object keys survive minification, so they also give every
// class its `name`.

/** A leaf class: constructible from parsed fields, with its codes. */
export type WhatsAppErrorClass = (new (init: WhatsAppErrorInit) => WhatsAppError) & { readonly codes: readonly number[] };

const CATEGORIES = {
  AuthorizationError,
  ThrottlingError,
  IntegrityError,
  SendMessageError,
  FlowError,
  BlockUserError,
  CallingError,
  GroupError,
  TemplateCreationError,
  UsernameError,
  PhoneMigrationError,
  SignupError,
} as const;

/** Every leaf, in pywa's order (a later class wins a shared code, as in pywa). */
const LEAVES: Readonly<Record<string, WhatsAppErrorClass>> = {
  AuthException, APIMethod, PermissionDenied, ExpiredAccessToken, APIPermission,
  ToManyAPICalls, RateLimitIssues, RateLimitHit, SpamRateLimitHit, TooManyMessages,
  MessageFailedToReachMessagingLimit, RegistrationOrDeregistrationFailed,
  TemporarilyBlocked, AccountRestrictedFromCountry, AccountLocked,
  UserIsInExperimentGroup, UnknownError, AccessDenied, MissingRequiredParameter, InvalidParameter,
  ServiceUnavailable, RecipientCannotBeSender, MessageUndeliverable, RecipientNotInAllowedList,
  PhoneNumberDisplayNameNotApproved, BusinessPaymentIssue, IncorrectCertificate, ReEngagementMessage,
  MessageUndeliverableDueToHealthyEcosystemEngagement, UserStoppedMarketingMessages, UnsupportedMessageType,
  MediaDownloadError, MediaUploadError, AccountInMaintenanceMode, BSUIDRecipientNotSupported,
  MarketingTemplatesDisabledForCloudAPI, TemplateParamCountMismatch, TemplateNotExists, TemplateTextTooLong,
  TemplateContentPolicyViolation, TemplateParamValueInvalid, TemplateParamFormatMismatch, TemplatePaused,
  TemplateDisabled, FlowBlocked, FlowThrottled, GenericError, RecipientIdentityKeyMismatch,
  FlowBlockedByIntegrity, FlowUpdatingError, FlowPublishingError, FlowDeprecatingError, FlowDeletingError,
  BulkBlockingFailed, BlockListLimitReached, BlockListConcurrentUpdate, BlockUserInternalError,
  CallingNotEnabled, ReceiverUncallable, ConcurrentCallsLimit, DuplicateCall, CallConnectionError,
  CallRateLimitExceeded, CallPermissionNotFound, CallConnectionTimeout, CallPermissionRequestLimitHit,
  BusinessInitiatedCallsLimitHit, FetchCallPermissionLimitHit, CallingCannotBeEnabled,
  BadGroup, GroupUnknown, GroupInvalidCursor, GroupRequestPartiallySucceeded, GroupDuplicateParticipant,
  GroupParticipantOverlimit, GroupSuspended, GroupRateLimitHit, GroupInvalidProfilePictureAspectRatio,
  GroupImageTooSmall, GroupCreationLimitReached, GroupParticipantNotInGroup, GroupJoinRequestDoesNotExist,
  GroupCreationTemporarilyDisabled, GroupAPINotEligible,
  TemplateLimitExceeded, TemplateCharacterLimitExceeded,
  TemplateHeaderFormatIncorrect, TemplateBodyFormatIncorrect, // 2388047: Body wins, as in pywa
  TemplateFooterFormatIncorrect, TemplateParametersWordsRatioExceedsLimit,
  TemplateLeadingOrTrailingParametersNotAllowed,
  UsernameNotAvailable, AccountNotEligibleToRequestUsername, FBAccountNotLinked, IGAccountNotLinked,
  UsernameTransferRequired,
  PhoneNumberAlreadyExists, PhoneNumberNotEligibleForRegistrationCode, CannotMigratePhoneNumber,
  PhoneNumberAccountInMaintenanceMode,
  SignupNotFoundError, SignupAPIUnavailable, SignupUnknownPlaceholderError, SignupMissingPlaceholderValueError,
  SignupTOSNotAccepted, SignupTOSAlreadyAccepted, SignupTOSURLNotAllowed, SignupWebsiteURLSchemeNotAllowed,
};

function nameClass(name: string, cls: Function): void {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, enumerable: false, configurable: true });
}

nameClass("WhatsAppError", WhatsAppError);
for (const [name, cls] of Object.entries(CATEGORIES)) nameClass(name, cls);

const BY_CODE: ReadonlyMap<number, WhatsAppErrorClass> = (() => {
  const map = new Map<number, WhatsAppErrorClass>();
  for (const [name, cls] of Object.entries(LEAVES)) {
    nameClass(name, cls);
    Object.freeze(cls.codes);
    for (const code of cls.codes) map.set(code, cls); // later wins: see TemplateBodyFormatIncorrect
  }
  return map;
})();

/**
 * The class `fromGraph` would pick for `code` (a leaf), or undefined for an unknown
 * code. Mostly for tests and tooling.
 */
export function errorClassForCode(code: number): WhatsAppErrorClass | undefined {
  return BY_CODE.get(code);
}
