import type { UserIdentifier } from "../updates/user.ts";
import type { RetryOptions } from "../graph/retry.ts";
import type { PrivateKeySource } from "../flows/endpoint.ts";
import type { ListenerOptions } from "../listen/context.ts";
import type { Clock, Store } from "../store/store.ts";
import type { Logger } from "./log.ts";
import type { UpdateErrorInfo } from "../webhook/receive.ts";

/** Everything `new WhatsApp(...)` accepts. Names follow pywa's, camelCased. */
export interface WhatsAppOptions {
  /** The business phone number id: the default sender, and the filter for incoming updates. */
  phoneId?: string;
  /** Access token for the Graph API (system user or business token). Never logged. */
  token?: string;
  /** The app secret. Set it and every POST must carry a valid `X-Hub-Signature-256`. */
  appSecret?: string;
  /** The token Meta echoes in the GET verification challenge. */
  verifyToken?: string;
  /** The business private key of flow endpoints (pywa's business_private_key): a PEM, a CryptoKey, or a loader. */
  businessPrivateKey?: PrivateKeySource;
  /** The password of an encrypted businessPrivateKey. Never logged. */
  businessPrivateKeyPassword?: string;
  /** WhatsApp Business Account id: updates of other WABAs are ignored (see `filterUpdates`). */
  wabaId?: string;
  /** Your Meta app's id (pywa's app_id): resumable uploads (template media examples, the profile picture) and app-level webhook subscriptions. */
  appId?: string;
  /** Business portfolio id: `account_update` updates of other portfolios are ignored. */
  businessPortfolioId?: string;
  /**
   * The order a user's identifiers are tried in when the client addresses them
   * (replies, listening, blocking): pywa's `user_identifier_priority`. All three, once
   * each. Default `["bsuid", "waId", "parentBsuid"]`; `["waId", "bsuid", "parentBsuid"]`
   * answers by phone number whenever Meta sends one.
   */
  userIdentifierPriority?: readonly [UserIdentifier, UserIdentifier, UserIdentifier];

  /** The webhook path inside `wa.fetch`. Default `"/"`. */
  webhookEndpoint?: string;
  /** Largest webhook body accepted, in bytes; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Ignore updates addressed to another phone number id / WABA (default true). Raw-update handlers still see them. */
  filterUpdates?: boolean;
  /** Run every matching handler instead of stopping at the first (default false). */
  continueHandling?: boolean;
  /**
   * Claim each update in the store before handling it, so a redelivery is handled
   * once (default true). Turn off only when handlers are idempotent by themselves.
   */
  skipDuplicateUpdates?: boolean;
  /** Claim timings (milliseconds). */
  claims?: {
    /** How long an in-progress claim holds before a redelivery may take over. Default 5 minutes. */
    leaseMs?: number;
    /** How long a finished update is remembered. Default 7 days (Meta retries for up to 7 days). */
    retryWindowMs?: number;
  };

  /** Where claims (and later listeners) live. Default: a `MemoryStore` (one process only). */
  store?: Store;
  /**
   * Accept a store that reports `atomic: false` (Cloudflare KV) for claims and for
   * waiting handlers. Two concurrent deliveries may then both handle an update, or
   * both resume a conversation: only opt in if that is acceptable.
   */
  allowNonAtomicStore?: boolean;

  /** Limits and timings of waiting handlers (`waitForReply`, `wa.listen`, …). */
  listeners?: ListenerOptions;
  /** The clock of listener deadlines and leases. Default: the system clock. Tests pass the store's ManualClock. */
  clock?: Clock;

  /** Called with every error a handler or filter throws; the webhook still answers 200. Default: log it. */
  onError?: (error: unknown, info: UpdateErrorInfo) => void | Promise<void>;
  /** Where warnings and errors go. Default `console`. Secrets are redacted before they reach it. */
  logger?: Logger;

  /** Graph API version. Default `"v25.0"`. */
  apiVersion?: string;
  /** Graph API base URL. Default `"https://graph.facebook.com"`; point it at a local server in tests. */
  graphUrl?: string;
  /** The fetch to use for Graph API calls. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Per-attempt timeout of Graph API calls, in milliseconds. Default 30 s. */
  timeoutMs?: number;
  /** How Graph API calls are retried (rate limits, 5xx, timeouts, network failures). */
  retry?: RetryOptions;

  /** Modules whose exported handlers are loaded at construction (see `loadHandlersModules`). */
  handlersModules?: object[];
}
