/**
 * The glue between flow endpoints and a `WhatsApp` client (pywa's
 * `on_flow_request` / `add_flow_request_handler` / `get_flow_request_handler`):
 *
 * - `FlowRequestHandler`: a path, a main callback, endpoint options, and pywa's
 *   per-action sub-callbacks (`onInit`, `onDataExchange`, `onBack`, `on`). A plain
 *   value, so a module can export one (`onFlowRequest(...)`) and a client add it.
 * - `FlowEndpoints`: one client's registered endpoints. The client's router asks it
 *   `match(pathname)` on each request instead of adding a Hono route per endpoint:
 *   Hono builds its matcher on the first request and refuses routes after that, and
 *   a flow handler may well be registered after the client has served a webhook.
 */
import type { WhatsApp } from "../client/whatsapp.ts";
import type { Logger } from "../client/log.ts";
import {
  createFlowEndpoint,
  type FlowEndpointOptions,
  type FlowFetchHandler,
  type FlowRequestCallback,
  type PrivateKeyImporter,
  type PrivateKeySource,
} from "./endpoint.ts";
import type { FlowTokenSignaturePolicy } from "./signature.ts";
import type { FlowAction, FlowRequest } from "./types.ts";

/** Per-endpoint options of `wa.onFlowRequest(path, handler, options)`; unset ones come from the client. */
export interface FlowRequestHandlerOptions {
  /** Overrides the client's `businessPrivateKey`. */
  privateKey?: PrivateKeySource;
  /** Overrides the client's `businessPrivateKeyPassword`. */
  privateKeyPassword?: string;
  /** Answer error notifications with `{ data: { acknowledged: true } }` (default true). */
  acknowledgeErrors?: boolean;
  /** See `FlowTokenSignaturePolicy`. Default: verified when present if the client has an `appSecret`. */
  verifyFlowTokenSignature?: FlowTokenSignaturePolicy;
  /** Largest request body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** A condition on the request, for sub-callbacks. */
export type FlowRequestFilter = (req: FlowRequest) => boolean;

interface Route<W> {
  filter: FlowRequestFilter | undefined;
  callback: FlowRequestCallback<W>;
}

const FLOW_HANDLER = Symbol.for("edgewa.flowRequestHandler");
const routeKey = (action: string, screen: string | undefined) => `${action}\u0000${screen ?? ""}`;
const noError: FlowRequestFilter = (req) => !req.hasError;
const onlyError: FlowRequestFilter = (req) => req.hasError;

/**
 * A flow endpoint's handlers. A request goes to the first sub-callback whose filter
 * passes, looked up first among those registered without a screen, then among
 * those for the request's screen; to `callback` when none matches (pywa's order).
 */
export class FlowRequestHandler<W = WhatsApp> {
  readonly path: string;
  readonly callback: FlowRequestCallback<W>;
  readonly options: Readonly<FlowRequestHandlerOptions>;
  readonly [FLOW_HANDLER] = true as const;
  readonly #routes = new Map<string, Route<W>[]>();

  constructor(path: string, callback: FlowRequestCallback<W>, options: FlowRequestHandlerOptions = {}) {
    if (typeof path !== "string" || path.trim() === "") throw new TypeError("onFlowRequest: the path must be a non-empty string");
    if (typeof callback !== "function") throw new TypeError("onFlowRequest: the handler must be a function");
    this.path = normalizePath(path);
    this.callback = callback;
    this.options = Object.freeze({ ...options });
  }

  /** A sub-callback for an action (and screen); `filter` narrows it further. */
  on(route: { action: FlowAction; screen?: string; filter?: FlowRequestFilter }, callback: FlowRequestCallback<W>): this {
    const key = routeKey(route.action, route.screen);
    const list = this.#routes.get(key) ?? [];
    list.push({ filter: route.filter, callback });
    this.#routes.set(key, list);
    return this;
  }

  /** `INIT`. Skips error notifications unless `callOnError` (then it takes only them, as pywa). */
  onInit(callback: FlowRequestCallback<W>): this;
  onInit(options: { filter?: FlowRequestFilter; callOnError?: boolean }, callback: FlowRequestCallback<W>): this;
  onInit(a: FlowRequestCallback<W> | { filter?: FlowRequestFilter; callOnError?: boolean }, b?: FlowRequestCallback<W>): this {
    const [options, callback] = typeof a === "function" ? [{}, a] : [a, b!];
    return this.on({ action: "INIT", filter: withErrorFilter(options.filter, options.callOnError ?? false) }, callback);
  }

  /** `data_exchange` from `screen` (any screen when omitted). Skips error notifications unless `callOnError`. */
  onDataExchange(options: { screen?: string; filter?: FlowRequestFilter; callOnError?: boolean }, callback: FlowRequestCallback<W>): this {
    const filter = withErrorFilter(options.filter, options.callOnError ?? false);
    return this.on({ action: "data_exchange", screen: options.screen, filter }, callback);
  }

  /** `BACK` from `screen` (with `refresh_on_back`). */
  onBack(options: { screen?: string; filter?: FlowRequestFilter }, callback: FlowRequestCallback<W>): this {
    return this.on({ action: "BACK", screen: options.screen, filter: options.filter }, callback);
  }

  /** The callback this request goes to. */
  callbackFor(req: FlowRequest): FlowRequestCallback<W> {
    for (const key of [routeKey(req.action, undefined), routeKey(req.action, req.screen)]) {
      for (const route of this.#routes.get(key) ?? []) {
        if (!route.filter || route.filter(req)) return route.callback;
      }
      if (req.screen === undefined) break; // both keys are the same one
    }
    return this.callback;
  }

  /** Runs the request through `callbackFor`. */
  readonly dispatch = (wa: W, req: FlowRequest): ReturnType<FlowRequestCallback<W>> => this.callbackFor(req)(wa, req);
}

function withErrorFilter(filter: FlowRequestFilter | undefined, callOnError: boolean): FlowRequestFilter {
  const base = callOnError ? onlyError : noError;
  return filter ? (req) => base(req) && filter(req) : base;
}

/** The standalone factory, for handler modules: `export const signup = onFlowRequest("/flows/signup", handler)`. */
export function onFlowRequest<W = WhatsApp>(path: string, callback: FlowRequestCallback<W>, options?: FlowRequestHandlerOptions): FlowRequestHandler<W> {
  return new FlowRequestHandler(path, callback, options);
}

export function isFlowRequestHandler(value: unknown): value is FlowRequestHandler<WhatsApp> {
  return typeof value === "object" && value !== null && (value as { [FLOW_HANDLER]?: unknown })[FLOW_HANDLER] === true;
}

/** What a client gives its flow endpoints: its own options, as pywa names them. */
export interface FlowEndpointDefaults {
  wa: WhatsApp;
  /** `businessPrivateKey`. */
  privateKey?: PrivateKeySource;
  /** `businessPrivateKeyPassword`. */
  privateKeyPassword?: string;
  appSecret?: string;
  logger?: Logger;
  /** The client's fetch, for `req.decryptMedia`. */
  fetch?: typeof fetch;
  onError?: FlowEndpointOptions["onError"];
  /** Paths already taken (the webhook's): a flow endpoint there would never be reached. */
  reservedPaths?: readonly string[];
  /** How PEM keys are imported. Default: `importPrivateKey` from flows/keys. */
  importPrivateKey?: PrivateKeyImporter;
}

/** One client's flow endpoints, by path. */
export class FlowEndpoints {
  readonly #defaults: FlowEndpointDefaults;
  readonly #reserved: Set<string>;
  readonly #byPath = new Map<string, FlowFetchHandler>();

  constructor(defaults: FlowEndpointDefaults) {
    this.#defaults = defaults;
    this.#reserved = new Set((defaults.reservedPaths ?? []).map(normalizePath));
  }

  /** `wa.onFlowRequest(path, handler, options)`: registers and returns the handler (to hang sub-callbacks on). */
  on(path: string, callback: FlowRequestCallback<WhatsApp>, options?: FlowRequestHandlerOptions): FlowRequestHandler<WhatsApp> {
    const handler = new FlowRequestHandler(path, callback, options);
    this.add(handler);
    return handler;
  }

  /** `wa.addFlowRequestHandler(handler)`: registers handlers made by `onFlowRequest(...)`. */
  add(...handlers: FlowRequestHandler<WhatsApp>[]): void {
    for (const handler of handlers) {
      if (!isFlowRequestHandler(handler)) throw new TypeError("addFlowRequestHandler: expected a handler made by onFlowRequest(...)");
      if (this.#reserved.has(handler.path)) {
        throw new TypeError(`onFlowRequest: ${handler.path} is the webhook's path; give the flow endpoint a path of its own`);
      }
      if (this.#byPath.has(handler.path)) throw new TypeError(`onFlowRequest: a flow endpoint is already registered at ${handler.path}`);
      this.#byPath.set(handler.path, this.create(handler));
    }
  }

  /**
   * `wa.getFlowRequestHandler(path)`: the registered endpoint at `path`, as a fetch
   * handler to mount in a router of your own.
   */
  get(path: string): FlowFetchHandler {
    const endpoint = this.#byPath.get(normalizePath(path));
    if (!endpoint) throw new TypeError(`getFlowRequestHandler: no flow endpoint is registered at ${normalizePath(path)}`);
    return endpoint;
  }

  /** A fetch handler for `handler` with this client's defaults, without registering it. */
  create(handler: FlowRequestHandler<WhatsApp>): FlowFetchHandler {
    const d = this.#defaults;
    const o = handler.options;
    const privateKey = o.privateKey ?? d.privateKey;
    if (privateKey === undefined) {
      throw new TypeError(
        `onFlowRequest(${JSON.stringify(handler.path)}): no private key. Pass businessPrivateKey to new WhatsApp({ … }) ` +
          "or privateKey in the handler's options.",
      );
    }
    return createFlowEndpoint({
      handler: handler.dispatch,
      wa: d.wa,
      privateKey,
      // As pywa: an endpoint's own key falls back to the client's password (ignored for an unencrypted key).
      privateKeyPassword: o.privateKeyPassword ?? d.privateKeyPassword,
      appSecret: d.appSecret,
      acknowledgeErrors: o.acknowledgeErrors,
      verifyFlowTokenSignature: o.verifyFlowTokenSignature,
      maxBodyBytes: o.maxBodyBytes,
      logger: d.logger,
      fetch: d.fetch,
      onError: d.onError,
      path: handler.path,
      importPrivateKey: d.importPrivateKey,
    });
  }

  /** For the router: the endpoint serving `pathname`, if any. */
  match(pathname: string): FlowFetchHandler | undefined {
    return this.#byPath.get(pathname);
  }

  get paths(): string[] {
    return [...this.#byPath.keys()];
  }
}

function normalizePath(path: string): string {
  return path.startsWith("/") ? path : `/${path}`;
}
