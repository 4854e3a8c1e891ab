import { createHandler, isHandler, type AnyHandler, type Handler, type HandlerCallback, type OnUpdate } from "../handlers/handler.ts";
import { HandlerRegistry } from "../handlers/registry.ts";
import { Claims, assertAtomicStore } from "../store/claims.ts";
import { MemoryStore } from "../store/memory.ts";
import { systemClock, type Store } from "../store/store.ts";
import type { AnyUpdate, UpdateKind } from "../updates/kinds.ts";
import { isUserUpdate } from "../updates/user-update.ts";
import { DEFAULT_USER_IDENTIFIER_PRIORITY, checkUserIdentifierPriority, type UserIdentifier } from "../updates/user.ts";
import { listenContext, type ListenContext } from "../listen/context.ts";
import { executionOf } from "../listen/execution.ts";
import { listenerKey, type ListenerRecord } from "../listen/record.ts";
import { resumeListener, type ResumeDeps } from "../listen/resume.ts";
import { dueListeners, retireBuckets } from "../listen/timeouts.ts";
import { allOf, anyOf, waitFor, type ListenOptions } from "../listen/wait.ts";
import { answerChallenge } from "../webhook/challenge.ts";
import { WebhookReceiver, type ReceiveOptions, type UpdateErrorInfo } from "../webhook/receive.ts";
import type { WebhookResult } from "../webhook/responses.ts";
import { createRouter, serveWebhook, type RouterConfig } from "../webhook/router.ts";
import { importAppSecret } from "../webhook/signature.ts";
import { GraphApi } from "../graph/request.ts";
import { FlowEndpoints, isFlowRequestHandler, type FlowRequestHandler, type FlowRequestHandlerOptions } from "../flows/register.ts";
import type { FlowFetchHandler, FlowRequestCallback } from "../flows/endpoint.ts";
import { redactingLogger, type Logger, type RedactingLogger } from "./log.ts";
import { tokenForms } from "../graph/errors/redact.ts";
import type { WhatsAppOptions } from "./options.ts";
import type { SentMessage } from "./sent-message.ts";
import { sendMessage, type SendMessageOptions } from "./send/text.ts";
import {
  sendAudio, sendDocument, sendImage, sendSticker, sendVideo, sendVoice,
  type SendAudioOptions, type SendDocumentOptions, type SendImageOptions, type SendStickerOptions,
  type SendVideoOptions, type SendVoiceOptions,
} from "./send/media.ts";
import { requestLocation, sendLocation, type RequestLocationOptions, type SendLocationOptions } from "./send/location.ts";
import { requestContactInfo, sendContact, type RequestContactInfoOptions, type SendContactOptions } from "./send/contact.ts";
import { removeReaction, sendReaction, type RemoveReactionOptions, type SendReactionOptions } from "./send/reaction.ts";
import { sendTemplate, type SendTemplateOptions } from "./send/template.ts";
import {
  sendCatalog, sendProduct, sendProducts,
  type SendCatalogOptions, type SendProductOptions, type SendProductsOptions,
} from "./send/catalog.ts";
import { indicateTyping, markMessageAsRead, type ReadReceiptOptions } from "./send/read.ts";
import { sendCarousel, type SendCarouselOptions } from "./send/carousel.ts";
import { pinMessage, unpinMessage, type PinMessageOptions, type UnpinMessageOptions } from "./send/pin.ts";
import type { SuccessResult } from "./results.ts";
import { uploadMedia, type UploadMediaOptions } from "./media/upload.ts";
import { getMediaUrl, type GetMediaUrlOptions } from "./media/url.ts";
import { downloadMedia, getMediaBytes, streamMedia, type DownloadMediaOptions, type MediaSource } from "./media/download.ts";
import { deleteMedia, type DeleteMediaOptions } from "./media/delete.ts";
import type { MediaUrl, UploadedMedia } from "./media/handles.ts";
import {
  getBusinessAccount, getBusinessProfile, updateBusinessProfile, updateDisplayName, updateConversationalAutomation,
  setBusinessPublicKey, getBusinessPhoneNumberSettings, updateBusinessPhoneNumberSettings,
  type GetBusinessAccountOptions, type WhatsAppBusinessAccount, type GetBusinessProfileOptions, type BusinessProfile,
  type UpdateBusinessProfileOptions, type UpdateDisplayNameOptions, type UpdateConversationalAutomationOptions,
  type SetBusinessPublicKeyOptions, type GetBusinessPhoneNumberSettingsOptions, type BusinessPhoneNumberSettings,
  type UpdateBusinessPhoneNumberSettingsOptions,
  getSharedBusinessAccounts, getOwnedBusinessAccounts, updateBusinessAccountSettings,
  type GetSharedBusinessAccountsOptions, type GetOwnedBusinessAccountsOptions, type UpdateBusinessAccountSettingsOptions,
} from "./business/index.ts";
import {
  getBusinessPhoneNumber, getBusinessPhoneNumbers, registerPhoneNumber, deregisterPhoneNumber,
  type GetBusinessPhoneNumberOptions, type GetBusinessPhoneNumbersOptions, type BusinessPhoneNumber,
  type RegisterPhoneNumberOptions, type DeregisterPhoneNumberOptions,
  createPhoneNumber, requestVerificationCode, verifyPhoneNumber,
  type CreatePhoneNumberOptions, type CreatedBusinessPhoneNumber, type RequestVerificationCodeOptions, type VerifyPhoneNumberOptions,
} from "./phone-numbers/index.ts";
import {
  blockUsers, unblockUsers, getBlockedUsers,
  type BlockUsersOptions, type UnblockUsersOptions, type BlockUsersResult, type UnblockUsersResult,
  type GetBlockedUsersOptions, type BlockedUser,
} from "./users/index.ts";
import {
  createQrCode, getQrCode, getQrCodes, updateQrCode, deleteQrCode,
  type CreateQrCodeOptions, type GetQrCodeOptions, type GetQrCodesOptions, type UpdateQrCodeOptions,
  type DeleteQrCodeOptions, type QrCode,
} from "./qr-codes/index.ts";
import {
  setUsername, getCurrentUsername, getReservedUsernames, deleteUsername,
  type SetUsernameOptions, type GetCurrentUsernameOptions, type GetReservedUsernamesOptions,
  type DeleteUsernameOptions, type UsernameStatus,
} from "./usernames/index.ts";
import {
  createSignup, getSignups, getSignup, updateSignup,
  type CreateSignupOptions, type GetSignupsOptions, type GetSignupOptions, type UpdateSignupOptions,
  type CreatedSignup, type SignupDetails,
} from "./signups/index.ts";
import {
  createGroup, getGroup, getGroups, deleteGroup, getGroupJoinRequests, approveGroupJoinRequests, rejectGroupJoinRequests,
  getGroupInviteLink, resetGroupInviteLink, removeGroupParticipants, updateGroupSettings,
  type CreateGroupOptions, type GetGroupOptions, type GetGroupsOptions, type DeleteGroupOptions,
  type GetGroupJoinRequestsOptions, type ApproveGroupJoinRequestsOptions, type RejectGroupJoinRequestsOptions,
  type GetGroupInviteLinkOptions, type ResetGroupInviteLinkOptions, type RemoveGroupParticipantsOptions,
  type UpdateGroupSettingsOptions, type GroupOperation, type GroupDetails, type GroupSummary, type GroupJoinRequestsPage,
  type ApproveGroupJoinRequestsResult, type RejectGroupJoinRequestsResult, type GroupInviteLink,
} from "./groups/index.ts";
import {
  getCommerceSettings, updateCommerceSettings,
  type GetCommerceSettingsOptions, type UpdateCommerceSettingsOptions, type CommerceSettings,
} from "./commerce/index.ts";
import {
  getCallPermissions, initiateCall, preAcceptCall, acceptCall, rejectCall, terminateCall,
  type GetCallPermissionsOptions, type CallPermissions, type InitiateCallOptions, type InitiatedCall,
  type PreAcceptCallOptions, type AcceptCallOptions, type RejectCallOptions, type TerminateCallOptions,
} from "./calls/index.ts";
import {
  getAppAccessToken, setAppCallbackUrl, overrideWabaCallbackUrl, deleteWabaCallbackUrl, overridePhoneCallbackUrl,
  deletePhoneCallbackUrl, registerCallbackUrl,
  type GetAppAccessTokenOptions, type SetAppCallbackUrlOptions, type OverrideWabaCallbackUrlOptions,
  type DeleteWabaCallbackUrlOptions, type OverridePhoneCallbackUrlOptions, type DeletePhoneCallbackUrlOptions,
  type RegisterCallbackUrlOptions, type RegisteredCallbackUrl,
} from "./app/index.ts";
import type { Page } from "../graph/pagination.ts";
import type { TemplateDetails } from "../templates/details.ts";
import {
  createFlow, updateFlowMetadata, updateFlowJson, publishFlow, deleteFlow, deprecateFlow, getFlow, getFlows,
  getFlowMetrics, getFlowAssets, migrateFlows,
  type CreateFlowOptions, type CreatedFlow, type UpdateFlowMetadataOptions, type UpdateFlowJsonOptions,
  type FlowJSONUpdateResult, type FlowIdOptions, type GetFlowOptions, type GetFlowsOptions, type FlowDetails,
  type GetFlowMetricsOptions, type FlowMetric, type GetFlowAssetsOptions, type FlowAsset,
  type MigrateFlowsOptions, type MigrateFlowsResponse,
} from "./flows/index.ts";
import {
  createTemplate, upsertAuthenticationTemplate, getTemplates, getTemplate, updateTemplate, deleteTemplate,
  unpauseTemplate, compareTemplates, migrateTemplates,
  type CreateTemplateOptions, type CreatedTemplate, type UpsertAuthenticationTemplateOptions, type UpsertedTemplate,
  type GetTemplatesOptions, type GetTemplateOptions, type UpdateTemplateOptions, type UpdatedTemplate,
  type DeleteTemplateOptions, type UnpauseTemplateOptions, type TemplateUnpauseResult,
  type CompareTemplatesOptions, type TemplatesCompareResult, type MigrateTemplatesOptions, type MigrateTemplatesResult,
  archiveTemplates, unarchiveTemplates,
  type ArchiveTemplatesOptions, type UnarchiveTemplatesOptions, type ArchiveTemplatesResult, type UnarchiveTemplatesResult,
} from "./templates/index.ts";

export const DEFAULT_API_VERSION = "v25.0";
export const DEFAULT_GRAPH_URL = "https://graph.facebook.com";
export const USER_AGENT = "edgewa/0.1.0";
const MIB = 1024 * 1024;

/** Loggers already told that signatures are off: the warning is said once, not per instance. */
const warnedUnsigned = new WeakSet<Logger>();

/** Anything with a `waitUntil`, e.g. a Workers ExecutionContext. */
interface WaitUntilHost {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * The WhatsApp Cloud API client: one per business phone number. It receives
 * webhooks through `fetch` and dispatches them to the handlers registered with the
 * `on…` methods.
 */
export class WhatsApp {
  readonly phoneId: string | undefined;
  readonly wabaId: string | undefined;
  /** The business portfolio (pywa's `business_portfolio_id`): the default of the portfolio-wide calls. */
  readonly businessPortfolioId: string | undefined;
  /** How users are addressed: the order of identifiers `User.preferredId` tries. */
  readonly userIdentifierPriority: readonly UserIdentifier[];
  /** Your Meta app's id (pywa's `app_id`), for resumable uploads and app-level webhook subscriptions. */
  readonly appId: string | undefined;
  readonly apiVersion: string;
  readonly graphUrl: string;
  readonly store: Store;
  readonly logger: Logger;
  /** Low-level Graph API access (pywa's `wa.api`), for calls the client has no method for. */
  readonly api: GraphApi;

  #token: string | undefined;
  /** The logger, able to learn a rotated token. */
  readonly #redacting: RedactingLogger;
  readonly #registry = new HandlerRegistry();
  readonly #onError: WhatsAppOptions["onError"];
  readonly #router: ReturnType<typeof createRouter>;
  readonly #routerConfig: RouterConfig;
  readonly #receiver: WebhookReceiver;
  readonly #verifyToken: string | undefined;
  readonly #listen: ListenContext;
  readonly #flows: FlowEndpoints;

  constructor(options: WhatsAppOptions = {}) {
    this.phoneId = options.phoneId === undefined ? undefined : String(options.phoneId);
    this.wabaId = options.wabaId;
    this.businessPortfolioId = options.businessPortfolioId;
    this.userIdentifierPriority = options.userIdentifierPriority
      ? checkUserIdentifierPriority(options.userIdentifierPriority)
      : DEFAULT_USER_IDENTIFIER_PRIORITY;
    this.appId = options.appId === undefined ? undefined : String(options.appId);
    this.apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
    this.graphUrl = (options.graphUrl ?? DEFAULT_GRAPH_URL).replace(/\/+$/, "");
    this.#token = options.token;
    this.#verifyToken = options.verifyToken;
    this.#onError = options.onError;
    this.#redacting = redactingLogger(options.logger ?? console, [
      ...(options.token === undefined ? [] : tokenForms(options.token)),
      options.appSecret,
      options.verifyToken,
      options.businessPrivateKeyPassword,
    ]);
    this.logger = this.#redacting;
    this.store = options.store ?? new MemoryStore();
    this.api = new GraphApi({
      token: options.token,
      graphUrl: this.graphUrl,
      apiVersion: this.apiVersion,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      userAgent: USER_AGENT,
    });

    const clock = options.clock ?? systemClock;
    this.#listen = listenContext(this, this.store, this.logger, () => clock.now(), options.allowNonAtomicStore ?? false, options.listeners);

    const dedupe = options.skipDuplicateUpdates ?? true;
    if (dedupe) assertAtomicStore(this.store, "deduplicating updates", options.allowNonAtomicStore ?? false);

    const baseLogger = options.logger ?? console;
    if (!options.appSecret && !warnedUnsigned.has(baseLogger)) {
      warnedUnsigned.add(baseLogger);
      this.logger.warn(
        "[edgewa] No appSecret: webhook signatures (X-Hub-Signature-256) are NOT checked, so anyone who " +
          "knows the URL can post fake updates. Pass appSecret (your Meta app's secret) in production.",
      );
    }

    const maxBodyBytes = options.maxBodyBytes ?? MIB;
    if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
      throw new RangeError(`maxBodyBytes must be a positive integer, got ${maxBodyBytes}`);
    }
    this.#receiver = new WebhookReceiver({
      wa: this,
      registry: this.#registry,
      signingKey: options.appSecret ? importAppSecret(options.appSecret) : undefined,
      claims: dedupe
        ? new Claims(this.store, {
            leaseMs: options.claims?.leaseMs,
            retryWindowMs: options.claims?.retryWindowMs,
          })
        : undefined,
      phoneId: this.phoneId,
      wabaId: options.wabaId,
      businessPortfolioId: options.businessPortfolioId,
      filterUpdates: options.filterUpdates ?? true,
      continueHandling: options.continueHandling ?? false,
      listen: this.#listen,
      reportError: (error, info) => this.#reportError(error, info),
    });
    const webhookPath = normalizePath(options.webhookEndpoint ?? "/");
    this.#flows = new FlowEndpoints({
      wa: this,
      privateKey: options.businessPrivateKey,
      privateKeyPassword: options.businessPrivateKeyPassword,
      appSecret: options.appSecret,
      logger: this.logger,
      fetch: options.fetch,
      reservedPaths: [webhookPath],
      onError: (error, flow) => this.#reportError(error, { phase: "handler", flow }),
    });
    this.#routerConfig = {
      path: webhookPath,
      flows: this.#flows,
      maxBodyBytes,
      verifyToken: options.verifyToken,
      receiver: this.#receiver,
      onUnexpected: (error) => this.logger.error("[edgewa] unexpected error while serving a request:", error),
    };
    this.#router = createRouter(this.#routerConfig);
    if (options.handlersModules) this.loadHandlersModules(...options.handlersModules);
  }

  /** True when an access token was configured (the token itself is never exposed). */
  get hasToken(): boolean {
    return rootOf(this).#token !== undefined;
  }

  /**
   * Rotates the access token (pywa's `wa.token = …`): every call from now on uses
   * it, and neither it nor the old one ever reaches the logger. Write-only: the
   * token is never readable from the client.
   */
  setToken(token: string): void {
    if (typeof token !== "string" || token.trim() === "") throw new TypeError("setToken: the token must be a non-empty string");
    const root = rootOf(this);
    root.#token = token;
    root.api.setToken(token);
    for (const form of tokenForms(token)) root.#redacting.hide(form);
  }

  // ── The HTTP surface ─────────────────────────────────────────────────────────

  /**
   * Serves the webhook (and, later, flow endpoints): a standard fetch handler.
   * Pass `{ waitUntil }` to answer Meta before the handlers run. Also callable as a
   * Workers module handler, `fetch(request, env, ctx)`, taking `ctx.waitUntil`.
   */
  readonly fetch = (
    request: Request,
    options?: ReceiveOptions | object,
    executionCtx?: WaitUntilHost,
  ): Promise<Response> => {
    const given = (options as ReceiveOptions | undefined)?.waitUntil;
    const waitUntil =
      typeof given === "function"
        ? given.bind(options)
        : executionCtx && typeof executionCtx.waitUntil === "function"
          ? (p: Promise<unknown>) => executionCtx.waitUntil(p)
          : undefined;
    const leaseMs = (options as ReceiveOptions | undefined)?.leaseMs;
    return Promise.resolve(this.#router.fetch(request, leaseMs === undefined ? { waitUntil } : { waitUntil, leaseMs }));
  };

  /**
   * The webhook alone, on whatever path the request came in (GET challenge, POST
   * updates, 405 otherwise): for platforms that route by themselves, such as a
   * Next.js route file. `wa.fetch` routes by `webhookEndpoint` instead.
   */
  readonly handleWebhook = (request: Request, options: ReceiveOptions = {}): Promise<Response> =>
    serveWebhook(this.#routerConfig, request, options);

  /**
   * pywa's `webhook_challenge_handler`, for servers of your own: answers Meta's GET
   * verification. `mode` is `hub.mode` (Meta always sends `"subscribe"`).
   */
  webhookChallengeHandler(verifyToken: string | null | undefined, challenge: string | null | undefined, mode = "subscribe"): WebhookResult {
    return answerChallenge(rootOf(this).#verifyToken, mode, verifyToken, challenge);
  }

  /**
   * pywa's `webhook_update_handler`, for servers of your own: give it the raw body
   * bytes (exactly as received) and the `X-Hub-Signature-256` header.
   */
  webhookUpdateHandler(
    rawBody: Uint8Array<ArrayBufferLike> | ArrayBuffer | string,
    signatureHeader?: string | null,
    options?: ReceiveOptions,
  ): Promise<WebhookResult> {
    const bytes =
      typeof rawBody === "string"
        ? new TextEncoder().encode(rawBody)
        : rawBody instanceof Uint8Array
          ? Uint8Array.from(rawBody)
          : new Uint8Array(rawBody);
    return rootOf(this).#receiver.receive(bytes, signatureHeader, options);
  }

  /** The phone number id a call acts for: the given one, else the client's `phoneId`. */
  resolvePhoneId(given?: string): string {
    const id = given ?? this.phoneId;
    if (id === undefined || id === "") {
      throw new TypeError("No phone number id: pass `phoneId` to new WhatsApp({ … }) or `sender` to this call");
    }
    return String(id);
  }

  // ── Sending messages ─────────────────────────────────────────────────────────
  // Each method is its own file under client/send/ or client/media/.

  /** A text message; with `buttons`, an interactive one. */
  sendMessage(options: SendMessageOptions): Promise<SentMessage> { return sendMessage(this, options); }
  /** pywa's alias of `sendMessage`. */
  sendText(options: SendMessageOptions): Promise<SentMessage> { return sendMessage(this, options); }
  sendImage(options: SendImageOptions): Promise<SentMessage> { return sendImage(this, options); }
  sendVideo(options: SendVideoOptions): Promise<SentMessage> { return sendVideo(this, options); }
  sendDocument(options: SendDocumentOptions): Promise<SentMessage> { return sendDocument(this, options); }
  sendAudio(options: SendAudioOptions): Promise<SentMessage> { return sendAudio(this, options); }
  sendVoice(options: SendVoiceOptions): Promise<SentMessage> { return sendVoice(this, options); }
  sendSticker(options: SendStickerOptions): Promise<SentMessage> { return sendSticker(this, options); }
  sendLocation(options: SendLocationOptions): Promise<SentMessage> { return sendLocation(this, options); }
  requestLocation(options: RequestLocationOptions): Promise<SentMessage> { return requestLocation(this, options); }
  sendContact(options: SendContactOptions): Promise<SentMessage> { return sendContact(this, options); }
  requestContactInfo(options: RequestContactInfoOptions): Promise<SentMessage> { return requestContactInfo(this, options); }
  sendReaction(options: SendReactionOptions): Promise<SentMessage> { return sendReaction(this, options); }
  removeReaction(options: RemoveReactionOptions): Promise<SentMessage> { return removeReaction(this, options); }
  sendTemplate(options: SendTemplateOptions): Promise<SentMessage> { return sendTemplate(this, options); }
  sendCatalog(options: SendCatalogOptions): Promise<SentMessage> { return sendCatalog(this, options); }
  sendProduct(options: SendProductOptions): Promise<SentMessage> { return sendProduct(this, options); }
  sendProducts(options: SendProductsOptions): Promise<SentMessage> { return sendProducts(this, options); }
  /** A scrolling carousel of 2–10 image or video cards, each with a URL button or quick replies. */
  sendCarousel(options: SendCarouselOptions): Promise<SentMessage> { return sendCarousel(this, options); }
  /** Pins a message in a group chat for `expirationDays`. */
  pinMessage(options: PinMessageOptions): Promise<SentMessage> { return pinMessage(this, options); }
  unpinMessage(options: UnpinMessageOptions): Promise<SentMessage> { return unpinMessage(this, options); }
  markMessageAsRead(options: ReadReceiptOptions): Promise<SuccessResult> { return markMessageAsRead(this, options); }
  indicateTyping(options: ReadReceiptOptions): Promise<SuccessResult> { return indicateTyping(this, options); }

  // ── Media ────────────────────────────────────────────────────────────────────

  uploadMedia(options: UploadMediaOptions): Promise<UploadedMedia> { return uploadMedia(this, options); }
  getMediaUrl(options: GetMediaUrlOptions): Promise<MediaUrl> { return getMediaUrl(this, options); }
  getMediaBytes(options: MediaSource): Promise<Uint8Array> { return getMediaBytes(this, options); }
  streamMedia(options: MediaSource): Promise<ReadableStream<Uint8Array>> { return streamMedia(this, options); }
  downloadMedia(options: DownloadMediaOptions): Promise<void> { return downloadMedia(this, options); }
  deleteMedia(options: DeleteMediaOptions): Promise<SuccessResult> { return deleteMedia(this, options); }

  // ── Templates ────────────────────────────────────────────────────────────────
  createTemplate(options: CreateTemplateOptions): Promise<CreatedTemplate> { return createTemplate(this, options); }
  upsertAuthenticationTemplate(options: UpsertAuthenticationTemplateOptions): Promise<UpsertedTemplate[]> { return upsertAuthenticationTemplate(this, options); }
  getTemplates(options: GetTemplatesOptions = {}): Promise<Page<TemplateDetails>> { return getTemplates(this, options); }
  getTemplate(options: GetTemplateOptions): Promise<TemplateDetails> { return getTemplate(this, options); }
  updateTemplate(options: UpdateTemplateOptions): Promise<UpdatedTemplate> { return updateTemplate(this, options); }
  deleteTemplate(options: DeleteTemplateOptions): Promise<SuccessResult> { return deleteTemplate(this, options); }
  unpauseTemplate(options: UnpauseTemplateOptions): Promise<TemplateUnpauseResult> { return unpauseTemplate(this, options); }
  compareTemplates(options: CompareTemplatesOptions): Promise<TemplatesCompareResult> { return compareTemplates(this, options); }
  migrateTemplates(options: MigrateTemplatesOptions): Promise<MigrateTemplatesResult> { return migrateTemplates(this, options); }
  /** Archiving goes to api.facebook.com (unversioned); a client with its own graphUrl sends it there. */
  archiveTemplates(options: ArchiveTemplatesOptions): Promise<ArchiveTemplatesResult> { return archiveTemplates(this, options); }
  unarchiveTemplates(options: UnarchiveTemplatesOptions): Promise<UnarchiveTemplatesResult> { return unarchiveTemplates(this, options); }

  // ── Flows ────────────────────────────────────────────────────────────────────
  createFlow(options: CreateFlowOptions): Promise<CreatedFlow> { return createFlow(this, options); }
  updateFlowMetadata(options: UpdateFlowMetadataOptions): Promise<SuccessResult> { return updateFlowMetadata(this, options); }
  updateFlowJson(options: UpdateFlowJsonOptions): Promise<FlowJSONUpdateResult> { return updateFlowJson(this, options); }
  publishFlow(options: FlowIdOptions): Promise<SuccessResult> { return publishFlow(this, options); }
  deleteFlow(options: FlowIdOptions): Promise<SuccessResult> { return deleteFlow(this, options); }
  deprecateFlow(options: FlowIdOptions): Promise<SuccessResult> { return deprecateFlow(this, options); }
  getFlow(options: GetFlowOptions): Promise<FlowDetails> { return getFlow(this, options); }
  getFlows(options: GetFlowsOptions = {}): Promise<Page<FlowDetails>> { return getFlows(this, options); }
  getFlowMetrics(options: GetFlowMetricsOptions): Promise<FlowMetric> { return getFlowMetrics(this, options); }
  getFlowAssets(options: GetFlowAssetsOptions): Promise<Page<FlowAsset>> { return getFlowAssets(this, options); }
  migrateFlows(options: MigrateFlowsOptions): Promise<MigrateFlowsResponse> { return migrateFlows(this, options); }

  // ── Business account and profile ─────────────────────────────────────────────
  getBusinessAccount(options?: GetBusinessAccountOptions): Promise<WhatsAppBusinessAccount> { return getBusinessAccount(this, options); }
  getSharedBusinessAccounts(options?: GetSharedBusinessAccountsOptions): Promise<Page<WhatsAppBusinessAccount>> { return getSharedBusinessAccounts(this, options); }
  getOwnedBusinessAccounts(options?: GetOwnedBusinessAccountsOptions): Promise<Page<WhatsAppBusinessAccount>> { return getOwnedBusinessAccounts(this, options); }
  updateBusinessAccountSettings(options: UpdateBusinessAccountSettingsOptions): Promise<SuccessResult> { return updateBusinessAccountSettings(this, options); }
  getBusinessProfile(options?: GetBusinessProfileOptions): Promise<BusinessProfile> { return getBusinessProfile(this, options); }
  updateBusinessProfile(options: UpdateBusinessProfileOptions): Promise<SuccessResult> { return updateBusinessProfile(this, options); }
  updateDisplayName(options: UpdateDisplayNameOptions): Promise<SuccessResult> { return updateDisplayName(this, options); }
  updateConversationalAutomation(options: UpdateConversationalAutomationOptions): Promise<SuccessResult> { return updateConversationalAutomation(this, options); }
  setBusinessPublicKey(options: SetBusinessPublicKeyOptions): Promise<SuccessResult> { return setBusinessPublicKey(this, options); }
  getBusinessPhoneNumberSettings(options?: GetBusinessPhoneNumberSettingsOptions): Promise<BusinessPhoneNumberSettings> { return getBusinessPhoneNumberSettings(this, options); }
  updateBusinessPhoneNumberSettings(options: UpdateBusinessPhoneNumberSettingsOptions): Promise<SuccessResult> { return updateBusinessPhoneNumberSettings(this, options); }

  // ── Phone numbers ────────────────────────────────────────────────────────────
  getBusinessPhoneNumber(options?: GetBusinessPhoneNumberOptions): Promise<BusinessPhoneNumber> { return getBusinessPhoneNumber(this, options); }
  getBusinessPhoneNumbers(options?: GetBusinessPhoneNumbersOptions): Promise<Page<BusinessPhoneNumber>> { return getBusinessPhoneNumbers(this, options); }
  registerPhoneNumber(options: RegisterPhoneNumberOptions): Promise<SuccessResult> { return registerPhoneNumber(this, options); }
  deregisterPhoneNumber(options?: DeregisterPhoneNumberOptions): Promise<SuccessResult> { return deregisterPhoneNumber(this, options); }
  /** Adds a number to the WABA (an Embedded Signup step); then `requestVerificationCode`, `verifyPhoneNumber`, `registerPhoneNumber`. */
  createPhoneNumber(options: CreatePhoneNumberOptions): Promise<CreatedBusinessPhoneNumber> { return createPhoneNumber(this, options); }
  requestVerificationCode(options: RequestVerificationCodeOptions): Promise<SuccessResult> { return requestVerificationCode(this, options); }
  verifyPhoneNumber(options: VerifyPhoneNumberOptions): Promise<SuccessResult> { return verifyPhoneNumber(this, options); }

  // ── Users ────────────────────────────────────────────────────────────────────
  blockUsers(options: BlockUsersOptions): Promise<BlockUsersResult> { return blockUsers(this, options); }
  unblockUsers(options: UnblockUsersOptions): Promise<UnblockUsersResult> { return unblockUsers(this, options); }
  getBlockedUsers(options?: GetBlockedUsersOptions): Promise<Page<BlockedUser>> { return getBlockedUsers(this, options); }

  // ── QR codes and commerce ────────────────────────────────────────────────────
  createQrCode(options: CreateQrCodeOptions): Promise<QrCode> { return createQrCode(this, options); }
  getQrCode(options: GetQrCodeOptions): Promise<QrCode | undefined> { return getQrCode(this, options); }
  getQrCodes(options?: GetQrCodesOptions): Promise<Page<QrCode>> { return getQrCodes(this, options); }
  updateQrCode(options: UpdateQrCodeOptions): Promise<QrCode> { return updateQrCode(this, options); }
  deleteQrCode(options: DeleteQrCodeOptions): Promise<SuccessResult> { return deleteQrCode(this, options); }

  // ── Business usernames ───────────────────────────────────────────────────────

  setUsername(options: SetUsernameOptions): Promise<UsernameStatus> { return setUsername(this, options); }
  getCurrentUsername(options?: GetCurrentUsernameOptions): Promise<UsernameStatus> { return getCurrentUsername(this, options); }
  getReservedUsernames(options?: GetReservedUsernamesOptions): Promise<string[]> { return getReservedUsernames(this, options); }
  deleteUsername(options?: DeleteUsernameOptions): Promise<SuccessResult> { return deleteUsername(this, options); }

  // ── In-app signups (marketing opt-in links) ──────────────────────────────────

  createSignup(options: CreateSignupOptions): Promise<CreatedSignup> { return createSignup(this, options); }
  getSignups(options?: GetSignupsOptions): Promise<Page<SignupDetails>> { return getSignups(this, options); }
  getSignup(options: GetSignupOptions): Promise<SignupDetails> { return getSignup(this, options); }
  updateSignup(options: UpdateSignupOptions): Promise<SuccessResult> { return updateSignup(this, options); }
  getCommerceSettings(options?: GetCommerceSettingsOptions): Promise<CommerceSettings> { return getCommerceSettings(this, options); }
  updateCommerceSettings(options: UpdateCommerceSettingsOptions): Promise<SuccessResult> { return updateCommerceSettings(this, options); }

  // ── Calls ────────────────────────────────────────────────────────────────────
  getCallPermissions(options: GetCallPermissionsOptions): Promise<CallPermissions> { return getCallPermissions(this, options); }
  initiateCall(options: InitiateCallOptions): Promise<InitiatedCall> { return initiateCall(this, options); }
  preAcceptCall(options: PreAcceptCallOptions): Promise<SuccessResult> { return preAcceptCall(this, options); }
  acceptCall(options: AcceptCallOptions): Promise<SuccessResult> { return acceptCall(this, options); }
  rejectCall(options: RejectCallOptions): Promise<SuccessResult> { return rejectCall(this, options); }
  terminateCall(options: TerminateCallOptions): Promise<SuccessResult> { return terminateCall(this, options); }

  // ── Groups ───────────────────────────────────────────────────────────────────
  // Most group changes complete later: a webhook with the same `requestId` reports the outcome.

  createGroup(options: CreateGroupOptions): Promise<GroupOperation> { return createGroup(this, options); }
  getGroup(options: GetGroupOptions): Promise<GroupDetails> { return getGroup(this, options); }
  getGroups(options?: GetGroupsOptions): Promise<Page<GroupSummary>> { return getGroups(this, options); }
  deleteGroup(options: DeleteGroupOptions): Promise<GroupOperation> { return deleteGroup(this, options); }
  getGroupJoinRequests(options: GetGroupJoinRequestsOptions): Promise<GroupJoinRequestsPage> { return getGroupJoinRequests(this, options); }
  approveGroupJoinRequests(options: ApproveGroupJoinRequestsOptions): Promise<ApproveGroupJoinRequestsResult> { return approveGroupJoinRequests(this, options); }
  rejectGroupJoinRequests(options: RejectGroupJoinRequestsOptions): Promise<RejectGroupJoinRequestsResult> { return rejectGroupJoinRequests(this, options); }
  getGroupInviteLink(options: GetGroupInviteLinkOptions): Promise<GroupInviteLink> { return getGroupInviteLink(this, options); }
  resetGroupInviteLink(options: ResetGroupInviteLinkOptions): Promise<GroupInviteLink> { return resetGroupInviteLink(this, options); }
  removeGroupParticipants(options: RemoveGroupParticipantsOptions): Promise<GroupOperation> { return removeGroupParticipants(this, options); }
  updateGroupSettings(options: UpdateGroupSettingsOptions): Promise<GroupOperation> { return updateGroupSettings(this, options); }

  // ── App and webhook URL ──────────────────────────────────────────────────────
  getAppAccessToken(options: GetAppAccessTokenOptions): Promise<string> { return getAppAccessToken(this, options); }
  setAppCallbackUrl(options: SetAppCallbackUrlOptions): Promise<SuccessResult> { return setAppCallbackUrl(this, options); }
  overrideWabaCallbackUrl(options: OverrideWabaCallbackUrlOptions): Promise<SuccessResult> { return overrideWabaCallbackUrl(this, options); }
  deleteWabaCallbackUrl(options?: DeleteWabaCallbackUrlOptions): Promise<SuccessResult> { return deleteWabaCallbackUrl(this, options); }
  overridePhoneCallbackUrl(options: OverridePhoneCallbackUrlOptions): Promise<SuccessResult> { return overridePhoneCallbackUrl(this, options); }
  deletePhoneCallbackUrl(options?: DeletePhoneCallbackUrlOptions): Promise<SuccessResult> { return deletePhoneCallbackUrl(this, options); }
  /** pywa's `callback_url`: register the deployed webhook URL once, after deploy. */
  registerCallbackUrl(options: RegisterCallbackUrlOptions): Promise<RegisteredCallbackUrl> { return registerCallbackUrl(this, options); }

  // ── Flow endpoints ───────────────────────────────────────────────────────────

  /**
   * Serves an encrypted WhatsApp Flows data endpoint at `path`, through `wa.fetch`:
   * the handler gets `(wa, req)` and returns the next screen (a FlowResponse or
   * `{ screen, data }`). Decryption, `ping`, error notifications and status codes
   * are handled here.
   */
  onFlowRequest(path: string, handler: FlowRequestCallback, options?: FlowRequestHandlerOptions): FlowRequestHandler {
    return rootOf(this).#flows.on(path, handler, options);
  }

  /** Registers flow request handlers made with the standalone `onFlowRequest(…)`. */
  addFlowRequestHandler(...handlers: FlowRequestHandler[]): this {
    rootOf(this).#flows.add(...handlers);
    return this;
  }

  /** The flow endpoint at `path` as a `(Request) => Promise<Response>`, to mount in a router of your own. */
  getFlowRequestHandler(path: string): FlowFetchHandler {
    return rootOf(this).#flows.get(path);
  }

  // ── Listening ────────────────────────────────────────────────────────────────
  // A waiting handler is suspended and its state kept in the store; the next update
  // of that user replays it from the top (see listen/ and README "Listening").

  /**
   * Inside a handler: waits for the next update of `to` that matches `filters`
   * (pywa's `listen`). Throws `ListenerTimeout`, `ListenerCanceled` or `ListenerStopped`.
   */
  listen(options: ListenOptions): Promise<AnyUpdate> {
    return waitFor(this, "listen", {
      phoneId: this.resolvePhoneId(options.sender),
      user: String(options.to),
      filter: allOf((_, u) => isUserUpdate(u), options.filters),
      canceler: anyOf(options.cancelers),
      timeout: options.timeout,
      ignoreUpdates: options.ignoreUpdates ?? false,
    });
  }

  /**
   * Ends the wait of the conversation waiting on `to`: its handler gets
   * `ListenerStopped(reason)` where it waits. Throws when nobody waits on `to`.
   */
  async stopListening(options: { to: string; reason?: string; sender?: string }): Promise<void> {
    const self = rootOf(this);
    const key = listenerKey(self.resolvePhoneId(options.sender), String(options.to));
    const entry = await self.#listen.store.get<ListenerRecord>(key);
    if (!entry) throw new Error(`No listener is waiting on ${options.to}`);
    const outcome = await resumeListener(self.#resumeDeps(), key, { type: "stop", reason: options.reason }, entry);
    if (outcome === "busy") throw new Error(`The conversation with ${options.to} is running right now; try again`);
  }

  /**
   * Fires the timeouts that are due: each timed-out handler resumes with
   * `ListenerTimeout` where it waits. Call it from a cron trigger, a Durable Object
   * alarm or a scheduled function; an update from the user after the deadline
   * fires the timeout too.
   */
  async sweep(): Promise<{ resumed: number }> {
    const self = rootOf(this);
    const ctx = self.#listen;
    let resumed = 0;
    for (const key of await dueListeners(ctx)) {
      const entry = await ctx.store.get<ListenerRecord>(key);
      if (!entry || entry.value.deadline === undefined || entry.value.deadline > ctx.now()) continue;
      if ((await resumeListener(self.#resumeDeps(), key, { type: "timeout" }, entry)) === "consumed") resumed++;
    }
    await retireBuckets(ctx);
    return { resumed };
  }

  /**
   * Inside a handler: runs a side effect that is not a Graph API call (a database
   * write, a payment, `Date.now()`, a random id) once, and hands its recorded
   * result to every replay. Outside a waiting handler it simply runs `fn`.
   */
  async step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    const execution = executionOf(this);
    return execution ? execution.step(name, fn) : fn();
  }

  #resumeDeps(): ResumeDeps {
    return {
      ctx: this.#listen,
      registry: this.#registry,
      reportError: (error, handler) => this.#reportError(error, { phase: "handler", updateId: `listener ${handler}` }),
    };
  }

  // ── Handler registration ─────────────────────────────────────────────────────

  readonly onMessage = this.#on("message");
  readonly onCallbackButton = this.#on("callbackButton");
  readonly onCallbackSelection = this.#on("callbackSelection");
  readonly onMessageStatus = this.#on("messageStatus");
  readonly onGroupMessageStatuses = this.#on("groupMessageStatuses");
  readonly onChatOpened = this.#on("chatOpened");
  readonly onFlowCompletion = this.#on("flowCompletion");
  readonly onPhoneNumberChange = this.#on("phoneNumberChange");
  readonly onIdentityChange = this.#on("identityChange");
  readonly onCallConnect = this.#on("callConnect");
  readonly onCallTerminate = this.#on("callTerminate");
  readonly onCallStatus = this.#on("callStatus");
  readonly onCallPermissionUpdate = this.#on("callPermissionUpdate");
  readonly onUserMarketingPreferences = this.#on("userMarketingPreferences");
  readonly onTemplateStatusUpdate = this.#on("templateStatusUpdate");
  readonly onTemplateCategoryUpdate = this.#on("templateCategoryUpdate");
  readonly onTemplateQualityUpdate = this.#on("templateQualityUpdate");
  readonly onTemplateComponentsUpdate = this.#on("templateComponentsUpdate");
  readonly onAccountUpdate = this.#on("accountUpdate");
  readonly onEditedMessage = this.#on("editedMessage");
  readonly onDeletedMessage = this.#on("deletedMessage");
  readonly onOutgoingMessage = this.#on("outgoingMessage");
  readonly onOutgoingEditedMessage = this.#on("outgoingEditedMessage");
  readonly onOutgoingDeletedMessage = this.#on("outgoingDeletedMessage");
  /** Every webhook change, as received; runs after the typed handlers, whatever they did. */
  readonly onRawUpdate = this.#on("raw");

  /** Registers handlers built with the standalone `onMessage(…)`-style factories. */
  addHandlers(...handlers: AnyHandler[]): this {
    for (const h of handlers) {
      if (!isHandler(h)) throw new TypeError("addHandlers: expected handlers made by onMessage(...) and friends");
    }
    rootOf(this).#registry.add(...handlers);
    return this;
  }

  /** Unregisters these handlers; an unregistered one throws unless `{ silent: true }` is passed last. */
  removeHandlers(...args: (AnyHandler | { silent: boolean })[]): this {
    const last = args.at(-1);
    const silent = last !== undefined && !isHandler(last) ? last.silent : false;
    rootOf(this).#registry.remove(args.filter(isHandler), silent);
    return this;
  }

  /** Unregisters every handler, of any kind, that calls one of these functions. */
  removeCallbacks(...callbacks: HandlerCallback<never>[]): this {
    rootOf(this).#registry.removeCallbacks(callbacks);
    return this;
  }

  /**
   * Registers every handler that these modules export (values made by the standalone
   * factories, or arrays of them), in the modules' export order.
   */
  loadHandlersModules(...modules: object[]): this {
    for (const module of modules) {
      for (const key of Object.keys(module).sort()) {
        const value = (module as Record<string, unknown>)[key];
        const found = Array.isArray(value) ? value.filter(isHandler) : isHandler(value) ? [value] : [];
        rootOf(this).#registry.add(...found);
        const flows = Array.isArray(value) ? value.filter(isFlowRequestHandler) : isFlowRequestHandler(value) ? [value] : [];
        rootOf(this).#flows.add(...flows);
      }
    }
    return this;
  }

  #on<K extends UpdateKind>(kind: K): OnUpdate<K, Handler<K>> {
    return ((...args: unknown[]) => {
      const handler = createHandler(kind, args);
      this.#registry.add(handler as unknown as AnyHandler);
      return handler;
    }) as OnUpdate<K, Handler<K>>;
  }

  async #reportError(error: unknown, info: UpdateErrorInfo): Promise<void> {
    try {
      if (this.#onError) await this.#onError(error, info);
      else this.logger.error(`[edgewa] ${describe(info)} failed:`, error);
    } catch (secondary) {
      this.logger.error("[edgewa] onError itself threw:", secondary);
    }
  }
}

/**
 * The client itself, also when `wa` is the scoped client a waiting handler is
 * given (an object whose prototype is the client): private state lives on the root.
 */
function rootOf(wa: WhatsApp): WhatsApp {
  let root = wa;
  while (!Object.hasOwn(root, "fetch")) root = Object.getPrototypeOf(root) as WhatsApp;
  return root;
}

function describe(info: UpdateErrorInfo): string {
  if (info.flow) return `the flow endpoint ${info.flow.path ?? ""} (${info.flow.action})`.replace("  ", " ");
  const what = info.phase === "store" ? "the store" : "a handler";
  return info.kind ? `${what} for ${info.kind} ${info.updateId ?? ""}`.trim() : what;
}

function normalizePath(path: string): string {
  return path.startsWith("/") ? path : `/${path}`;
}
