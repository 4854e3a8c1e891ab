import type { WhatsApp } from "../client/whatsapp.ts";
import type { FlowErrorInfo } from "../flows/endpoint.ts";
import { dispatch } from "../handlers/dispatch.ts";
import type { HandlerRegistry } from "../handlers/registry.ts";
import type { ListenContext } from "../listen/context.ts";
import { listenerKey, type ListenerRecord } from "../listen/record.ts";
import { resumeListener } from "../listen/resume.ts";
import { sleep } from "../graph/retry.ts";
import type { Claims } from "../store/claims.ts";
import type { StoreEntry } from "../store/store.ts";
import { classifyPayload, type ClassifiedChange } from "../updates/classify.ts";
import type { AnyUpdate, UpdateKind } from "../updates/kinds.ts";
import type { RawUpdate } from "../updates/raw.ts";
import { isUserAction, isUserUpdate } from "../updates/user-update.ts";
import { RESULTS, type WebhookResult } from "./responses.ts";
import { sha256Hex } from "./digest.ts";
import { checkSignature } from "./signature.ts";

/** What `onError` is told about a failure. */
export interface UpdateErrorInfo {
  /** Where it failed: a handler or filter, or the store while claiming. */
  phase: "handler" | "store";
  kind?: UpdateKind;
  /** The update's id (a wamid, call id, …) when it has one. */
  updateId?: string;
  /** For a flow endpoint's handler: which endpoint and action. */
  flow?: FlowErrorInfo;
}

export interface ReceiveOptions {
  /** Keeps the handlers running after the response is returned (Workers' ctx.waitUntil, Vercel's waitUntil). */
  waitUntil?: (promise: Promise<unknown>) => void;
  /**
   * The dedupe lease for this request, when the platform knows how long it may run
   * (Lambda: the remaining time): a killed invocation then blocks Meta's retry only
   * that long. Default: the client's `claims.leaseMs`. It also caps the lease of a
   * conversation this request resumes (`listeners.leaseMs`).
   */
  leaseMs?: number;
}

/** The pieces of the client the webhook pipeline needs. */
export interface ReceiverConfig {
  wa: WhatsApp;
  registry: HandlerRegistry;
  /** The HMAC key of the app secret, or undefined when signatures are not checked. */
  signingKey: Promise<CryptoKey> | undefined;
  claims: Claims | undefined;
  phoneId: string | undefined;
  wabaId: string | undefined;
  businessPortfolioId: string | undefined;
  filterUpdates: boolean;
  continueHandling: boolean;
  listen: ListenContext;
  reportError: (error: unknown, info: UpdateErrorInfo) => Promise<void>;
}

type Outcome = "ok" | "busy";

/**
 * The POST pipeline after the body has been read: signature, JSON, classification,
 * then, per update, claim → handlers → complete/release. See DESIGN.md "Request path".
 */
export class WebhookReceiver {
  readonly #config: ReceiverConfig;

  constructor(config: ReceiverConfig) {
    this.#config = config;
  }

  async receive(
    body: Uint8Array<ArrayBuffer>,
    signature: string | null | undefined,
    options: ReceiveOptions = {},
  ): Promise<WebhookResult> {
    const key = this.#config.signingKey;
    if (key) {
      const check = await checkSignature(await key, body, signature);
      if (check === "missing") return RESULTS.unauthorized;
      if (check === "invalid") return RESULTS.forbidden;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(DECODER.decode(body));
    } catch {
      return RESULTS.badRequest;
    }
    const changes = classifyPayload(this.#config.wa, payload);
    if (options.waitUntil) {
      // Meta wants a fast 200; the work goes on after the response. A redelivery that
      // finds a claim in progress is simply acknowledged: the first delivery owns it.
      // Starting on the next macrotask lets the 200 leave first even when a handler
      // does synchronous work before its first await.
      options.waitUntil(
        nextTask()
          .then(() => this.#process(changes, true, options.leaseMs))
          .catch((error) => this.#config.reportError(error, { phase: "store" })),
      );
      return RESULTS.ok;
    }
    try {
      return (await this.#process(changes, false, options.leaseMs)) === "busy" ? RESULTS.busy : RESULTS.ok;
    } catch (error) {
      // The store failed: nothing was marked done, so let Meta retry later.
      await this.#config.reportError(error, { phase: "store" });
      return RESULTS.internalError;
    }
  }

  async #process(changes: ClassifiedChange[], background: boolean, leaseMs: number | undefined): Promise<Outcome> {
    let outcome: Outcome = "ok";
    for (const change of changes) {
      if (this.#accepts(change.raw)) {
        for (const update of change.updates) {
          if ((await this.#handle(update, background, leaseMs)) === "busy") outcome = "busy";
        }
      }
      if ((await this.#handle(change.raw, background, leaseMs)) === "busy") outcome = "busy";
    }
    return outcome;
  }

  /** pywa's `filter_updates`: typed handlers only see our phone number's (and WABA's) updates. */
  #accepts(raw: RawUpdate): boolean {
    const { filterUpdates, phoneId, wabaId, businessPortfolioId } = this.#config;
    if (!filterUpdates) return true;
    const accountId = raw.field === "account_update" ? businessPortfolioId : wabaId;
    if (accountId !== undefined && raw.entryId !== accountId) return false;
    const to = (raw.value as { metadata?: { phone_number_id?: unknown } } | null)?.metadata?.phone_number_id;
    return phoneId === undefined || to === undefined || String(to) === phoneId;
  }

  async #handle(update: AnyUpdate, background: boolean, leaseMs: number | undefined): Promise<Outcome> {
    const { wa, registry, claims, continueHandling, reportError } = this.#config;
    // A conversation resumed by this request holds its user no longer than the request may run.
    const listen = leaseMs === undefined ? this.#config.listen : { ...this.#config.listen, leaseMs: Math.min(this.#config.listen.leaseMs, leaseMs) };
    const handlers = registry.list(update.kind);
    // The store reads a user's update costs when nobody waits on that user: one per
    // identifier it carries (usually one; two for a user known by BSUID and phone).
    let key: string | undefined;
    let waiting: StoreEntry<ListenerRecord> | undefined;
    for (const candidate of listenerKeysOf(update)) {
      waiting = await listen.store.get<ListenerRecord>(candidate);
      if (waiting) {
        key = candidate;
        break;
      }
    }
    if (handlers.length === 0 && !waiting) return "ok";
    let claim;
    if (claims) {
      const result = await claims.claim(await claimId(update), leaseMs === undefined ? {} : { leaseMs });
      if (result.status === "done") return "ok";
      if (result.status === "busy") return "busy";
      claim = result.claim;
    }
    let failed = false;
    try {
      let runHandlers = handlers.length > 0;
      if (key && waiting) {
        const outcome = await this.#offerToListener(listen, key, update, waiting, background);
        if (outcome === "busy") {
          // Another delivery runs this user's conversation right now: let Meta retry.
          await claim?.release();
          claim = undefined;
          return "busy";
        }
        if ((outcome === "consumed" || outcome === "swallowed") && isUserAction(update) && !continueHandling) runHandlers = false;
      }
      if (runHandlers) {
        const { errors } = await dispatch(wa, handlers, update, continueHandling, { ctx: listen, registry });
        failed = errors.length > 0;
        for (const error of errors) await reportError(error, { phase: "handler", kind: update.kind, updateId: update.id });
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // A failed update is released so that a redelivery is handled again; a finished
      // one is remembered for the retry window so that a redelivery is skipped.
      if (claim) await (failed ? claim.release() : claim.complete());
    }
    return "ok";
  }

  /**
   * Offers the update to the conversation waiting on its user. In the background
   * (after a waitUntil response) a busy conversation is waited for, up to a lease,
   * since Meta will not retry an update it got a 200 for.
   */
  async #offerToListener(
    listen: ListenContext,
    key: string,
    update: AnyUpdate,
    entry: StoreEntry<ListenerRecord>,
    background: boolean,
  ) {
    const { registry, reportError } = this.#config;
    const deps = {
      ctx: listen,
      registry,
      reportError: (error: unknown, handler: string) =>
        reportError(error, { phase: "handler", kind: update.kind, updateId: `${update.id} (listener ${handler})` }),
    };
    let outcome = await resumeListener(deps, key, { type: "update", update }, entry);
    // Bounded by count, not by the (injectable, possibly frozen) clock.
    for (let tries = Math.ceil(listen.leaseMs / 250); outcome === "busy" && background && tries > 0; tries--) {
      await sleep(250);
      outcome = await resumeListener(deps, key, { type: "update", update });
    }
    return outcome === "busy" && background ? "passed" : outcome;
  }
}

/**
 * Where a conversation waiting on this update's user may be stored: a wait is kept
 * under the id it was addressed by (a sent message's recipient, `wa.listen`'s `to`),
 * which may be the user's BSUID, phone number or parent BSUID, or a group's id. So
 * the group (for a group message) comes first, then every identifier of the user,
 * the client's preferred one first. None for updates that are not about a user.
 */
function listenerKeysOf(update: AnyUpdate): string[] {
  if (!isUserUpdate(update)) return [];
  const phoneId = update.metadata.phoneNumberId;
  const { from, chat } = update;
  const ids = [chat.type === "group" ? chat.id : undefined, from.preferredId, from.waId, from.bsuid, from.parentBsuid];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))].map((id) => listenerKey(phoneId, id));
}

const DECODER = new TextDecoder();

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The store key of one update. Typed updates have a stable id of their own; a raw
 * change has none, so it is identified by a digest of its content.
 */
async function claimId(update: AnyUpdate): Promise<string> {
  if (update.kind !== "raw") return update.dedupeKey;
  return `raw:${await sha256Hex(`${update.entryId}\u0000${update.field}\u0000${JSON.stringify(update.value)}`)}`;
}
