/**
 * A flow data endpoint as a fetch handler, `(Request) => Promise<Response>`:
 *
 *   POST only (405) → body ≤ maxBodyBytes (413) → X-Hub-Signature-256 when appSecret
 *   is set (432) → JSON object with the three base64 string fields (400) → decrypt
 *   (421) → decrypted JSON object with a string action (400) → `ping` answered here →
 *   flow_token_signature (432) → handler → encrypted response (200), or a thrown
 *   FlowResponseError's status with its encrypted body (427, …), or 500.
 *
 * Status codes follow Meta ("Implementing Endpoint for Flows", Flows error codes,
 * and its example server): 421 whenever the body cannot be decrypted (the client
 * re-fetches the public key), 432 for a request signature that does not verify,
 * 427 with an encrypted `{"error_msg"}`. A body that is not a flow request at all
 * (not JSON, fields missing or not strings) is 400: no key could decrypt it, so the
 * 421 retry would be pointless. Bad base64 inside a present field is 421 (pywa too).
 *
 * Plain-text answers (400, 405, 413, 421, 432, 500) carry a fixed phrase: never a
 * stack trace, key material or decrypted data. Log lines name the failed step only.
 */
import type { WhatsApp } from "../client/whatsapp.ts";
import { redactingLogger, type Logger } from "../client/log.ts";
import { readBody } from "../webhook/body.ts";
import { sha256Hex } from "../webhook/digest.ts";
import { RESULTS, toResponse } from "../webhook/responses.ts";
import { checkSignature, importAppSecret } from "../webhook/signature.ts";
import { assertFlowPrivateKey, decryptFlowRequest, encryptFlowResponse, type FlowSession } from "./crypto.ts";
import { FlowRequestCannotBeDecrypted, FlowResponseError } from "./errors.ts";
import { importPrivateKey } from "./keys/index.ts";
import { verifyFlowTokenJwt, type FlowTokenSignaturePolicy } from "./signature.ts";
import { FlowRequest, FlowResponse, type FlowHandlerResult, type FlowResponseBody } from "./types.ts";

/** A PEM string (imported once, cached), a ready `CryptoKey`, or a loader called once (again after a failure). */
export type PrivateKeySource = string | CryptoKey | (() => Promise<CryptoKey>);

/** `(wa, req)`: the handler of one flow endpoint. */
export type FlowRequestCallback<W = WhatsApp> = (wa: W, req: FlowRequest) => FlowHandlerResult | Promise<FlowHandlerResult>;

export type FlowFetchHandler = (request: Request) => Promise<Response>;

/** Turns a PEM (and its password) into an RSA-OAEP SHA-256 decryption key. */
export type PrivateKeyImporter = (pem: string, password?: string) => Promise<CryptoKey>;

export interface FlowErrorInfo {
  /** The endpoint's path, when it has one. */
  path: string | undefined;
  action: string;
  screen: string | undefined;
}

export interface FlowEndpointOptions<W = WhatsApp> {
  handler: FlowRequestCallback<W>;
  /** The business private key whose public half is registered with Meta. */
  privateKey: PrivateKeySource;
  privateKeyPassword?: string;
  /** The Meta app secret: requests must then carry a valid `X-Hub-Signature-256` (else 432), and `flow_token_signature` is checked. */
  appSecret?: string;
  /** Passed to the handler as its first argument. */
  wa: W;
  /** Answer error notifications with `{ data: { acknowledged: true } }` whatever the handler returns (default true, as pywa). */
  acknowledgeErrors?: boolean;
  /** Default `console`. The app secret and key password are redacted from what reaches it. */
  logger?: Logger;
  /** See `FlowTokenSignaturePolicy`. Default: verify when present if `appSecret` is set. */
  verifyFlowTokenSignature?: FlowTokenSignaturePolicy;
  /** The fetch `req.decryptMedia` downloads with (the client's). */
  fetch?: typeof fetch;
  /** Largest request body, in bytes (413 above). Default 1 MiB. */
  maxBodyBytes?: number;
  /** Called with every error the handler throws (other than a FlowResponseError). Default: logged. */
  onError?: (error: unknown, info: FlowErrorInfo) => void | Promise<void>;
  /** For log lines. */
  path?: string;
  /** How a PEM is imported. Default: `importPrivateKey` (flows/keys: PKCS#8, PKCS#1, encrypted or not), shared per isolate. */
  importPrivateKey?: PrivateKeyImporter;
}

const MIB = 1024 * 1024;

const encrypted = (status: number, body: string): Response => toResponse({ status, body });

export function createFlowEndpoint<W = WhatsApp>(options: FlowEndpointOptions<W>): FlowFetchHandler {
  if (typeof options.handler !== "function") throw new TypeError("createFlowEndpoint: handler must be a function");
  const maxBodyBytes = options.maxBodyBytes ?? MIB;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new RangeError(`createFlowEndpoint: maxBodyBytes must be a positive integer, got ${maxBodyBytes}`);
  }
  const where = options.path ? `flow endpoint ${options.path}` : "flow endpoint";
  const logger = redactingLogger(options.logger ?? console, [options.appSecret, options.privateKeyPassword]);
  const acknowledgeErrors = options.acknowledgeErrors ?? true;
  const policy = options.verifyFlowTokenSignature ?? options.appSecret !== undefined;
  if ((policy === true || policy === "required") && !options.appSecret) {
    throw new TypeError(`createFlowEndpoint: verifyFlowTokenSignature: ${JSON.stringify(policy)} needs appSecret (the JWT is signed with it)`);
  }
  const hubKey = options.appSecret ? importAppSecret(options.appSecret) : undefined;
  const loadKey = privateKeyLoader(options, (message) => logger.error(`[edgewa] ${where}: ${message}`));

  const reportError = async (error: unknown, req: FlowRequest): Promise<void> => {
    const info: FlowErrorInfo = { path: options.path, action: req.action, screen: req.screen };
    try {
      if (options.onError) await options.onError(error, info);
      else logger.error(`[edgewa] ${where}: the handler failed on ${req.action}${req.screen ? ` (${req.screen})` : ""}:`, error);
    } catch (secondary) {
      logger.error(`[edgewa] ${where}: onError itself threw:`, secondary);
    }
  };

  const checkTokenSignature = async (req: FlowRequest): Promise<string | undefined> => {
    if (policy === false) return undefined;
    if (typeof policy === "function") return (await policy(req)) ? undefined : "rejected by verifyFlowTokenSignature";
    if (req.flowTokenSignature === undefined) return policy === "required" ? "missing" : undefined;
    const check = await verifyFlowTokenJwt(req.flowTokenSignature, req.flowToken, await hubKey!);
    return check.ok ? undefined : check.reason;
  };

  const serve = async (request: Request): Promise<Response> => {
    if (request.method !== "POST") return toResponse(RESULTS.methodNotAllowed, { allow: "POST" });
    const read = await readBody(request, maxBodyBytes);
    if (!read.ok) return toResponse(RESULTS.tooLarge);
    const raw = read.bytes;

    if (hubKey) {
      const check = await checkSignature(await hubKey, raw, request.headers.get("x-hub-signature-256"));
      if (check !== "valid") {
        logger.warn(`[edgewa] ${where}: X-Hub-Signature-256 ${check}; answered 432`);
        return toResponse(RESULTS.signatureFailed);
      }
    }

    const envelope = parseEnvelope(raw);
    if (!envelope) return toResponse(RESULTS.badRequest);

    let key: CryptoKey;
    try {
      key = await loadKey();
    } catch {
      // Already logged by the loader: our configuration, not the client's fault.
      return toResponse(RESULTS.internalError);
    }

    let payload: unknown;
    let session: FlowSession;
    try {
      ({ payload, session } = await decryptFlowRequest(key, envelope));
    } catch (error) {
      const reason = error instanceof FlowRequestCannotBeDecrypted ? error.reason : "unknown";
      logger.warn(`[edgewa] ${where}: request cannot be decrypted (${reason}); answered 421`);
      return toResponse(RESULTS.cannotDecrypt);
    }
    if (!isRecord(payload) || typeof payload.action !== "string") {
      logger.warn(`[edgewa] ${where}: decrypted request is not an object with a string action; answered 400`);
      return toResponse(RESULTS.badRequest);
    }

    // Meta's health check: answered here, whatever the handler would do.
    if (payload.action === "ping") return encrypted(200, await encryptFlowResponse(session, '{"data":{"status":"active"}}'));

    const req = new FlowRequest(payload, { fetch: options.fetch });
    const badSignature = await checkTokenSignature(req);
    if (badSignature !== undefined) {
      logger.warn(`[edgewa] ${where}: flow_token_signature ${badSignature}; answered 432`);
      return toResponse(RESULTS.signatureFailed);
    }

    let result: FlowHandlerResult;
    try {
      result = await options.handler(options.wa, req);
    } catch (error) {
      if (error instanceof FlowResponseError) {
        const body = error.body ?? { error: error.name };
        return encrypted(error.status, await encryptFlowResponse(session, JSON.stringify(body)));
      }
      await reportError(error, req);
      return toResponse(RESULTS.internalError);
    }

    if (acknowledgeErrors && req.hasError) {
      return encrypted(200, await encryptFlowResponse(session, JSON.stringify(withVersion({ data: { acknowledged: true } }, req))));
    }
    let json: string;
    try {
      json = JSON.stringify(responseBody(result, req));
    } catch (error) {
      await reportError(error, req);
      return toResponse(RESULTS.internalError);
    }
    return encrypted(200, await encryptFlowResponse(session, json));
  };

  return async (request) => {
    try {
      return await serve(request);
    } catch (error) {
      // Nothing above should throw; if it does, say so without echoing anything.
      logger.error(`[edgewa] ${where}: unexpected error:`, error);
      return toResponse(RESULTS.internalError);
    }
  };
}

/** The handler's result as the JSON to send; throws a TypeError for anything else. */
function responseBody(result: FlowHandlerResult, req: FlowRequest): FlowResponseBody {
  if (result instanceof FlowResponse) return withVersion(result.toJSON(), req);
  if (isRecord(result)) return withVersion({ ...result }, req);
  throw new TypeError(
    `A flow handler must return a FlowResponse or a { screen, data } object (got ${result === null ? "null" : typeof result}) ` +
      `for action ${req.action}`,
  );
}

/** Meta drops a response without the request's `version` silently: fill it in, first, when missing. */
function withVersion(body: FlowResponseBody, req: FlowRequest): FlowResponseBody {
  if (body.version !== undefined && body.version !== null) return body;
  const { version: _drop, ...rest } = body;
  return req.version ? { version: req.version, ...rest } : rest;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function parseEnvelope(raw: Uint8Array): { encrypted_flow_data: string; encrypted_aes_key: string; initial_vector: string } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(utf8.decode(raw));
  } catch {
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  const { encrypted_flow_data, encrypted_aes_key, initial_vector } = body;
  if (typeof encrypted_flow_data !== "string" || typeof encrypted_aes_key !== "string" || typeof initial_vector !== "string") {
    return undefined;
  }
  return { encrypted_flow_data, encrypted_aes_key, initial_vector };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ── The private key: imported once ─────────────────────────────────────────────

/**
 * PEM imports shared by every endpoint of the isolate, so that a fresh client per
 * invocation (Lambda) does not parse the key again. Keyed by a SHA-256 of the PEM
 * and password, never by the PEM itself; bounded like pywa's lru_cache(maxsize=8).
 */
const sharedImports = new Map<string, Promise<CryptoKey>>();
const SHARED_IMPORTS_MAX = 16;

function privateKeyLoader(
  options: Pick<FlowEndpointOptions, "privateKey" | "privateKeyPassword" | "importPrivateKey">,
  report: (message: string) => void): () => Promise<CryptoKey> {
  const source = options.privateKey;
  if (typeof source === "object" && source !== null && "algorithm" in source && "usages" in source) {
    assertFlowPrivateKey(source);
    const ready = Promise.resolve(source);
    return () => ready;
  }
  if (typeof source === "function") {
    let pending: Promise<CryptoKey> | undefined;
    return () => {
      pending ??= source().then(
        (key) => (assertFlowPrivateKey(key), key),
        (error: unknown) => {
          pending = undefined; // a loader may fail transiently (a secret store): try again next time
          report(`the private key loader failed: ${describe(error)}`);
          throw error;
        },
      );
      return pending;
    };
  }
  if (typeof source !== "string" || source.trim() === "") {
    throw new TypeError("createFlowEndpoint: privateKey must be a PEM string, a CryptoKey or a function returning one");
  }
  const importer = options.importPrivateKey;
  const password = options.privateKeyPassword;
  const imported = (importer ? importer(source, password) : sharedImport(source, password)).then((key) => (assertFlowPrivateKey(key), key));
  // Imported now, so that a key that cannot be read is reported at startup, not at the first request.
  imported.catch((error: unknown) => report(`the private key cannot be imported: ${describe(error)}`));
  return () => imported;
}

async function sharedImport(pem: string, password: string | undefined): Promise<CryptoKey> {
  const id = await sha256Hex(JSON.stringify([pem, password ?? null]));
  let pending = sharedImports.get(id);
  if (!pending) {
    pending = importPrivateKey(pem, password);
    sharedImports.set(id, pending);
    pending.catch(() => sharedImports.delete(id));
    if (sharedImports.size > SHARED_IMPORTS_MAX) sharedImports.delete(sharedImports.keys().next().value!);
  }
  return pending;
}

/** An error's name and message only: key import errors never need their stack in a log line. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
