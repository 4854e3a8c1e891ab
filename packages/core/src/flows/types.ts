/**
 * What a flow data endpoint's handler sees and returns (pywa's `FlowRequest` /
 * `FlowResponse`, `types/flows.py`), over Meta's wire shapes:
 *
 *   request (decrypted): { version, action, screen?, data?, flow_token?, flow_token_signature? }
 *   response:            { version, screen, data }                     next screen
 *                        { version, screen: "SUCCESS", data: { extension_message_response:
 *                            { params: { flow_token, ...data } } } }  close the flow
 */
import { FlowTokenNoLongerValid } from "./errors.ts";
import { decryptFlowMedia, type DecryptedFlowMedia, type DecryptMediaOptions, type FlowMedia } from "./media.ts";

/** `action` of a request. `ping` never reaches a handler: the endpoint answers it. Unknown actions pass through as strings. */
export type FlowAction = "INIT" | "BACK" | "data_exchange" | "navigate" | "ping" | (string & {});

/** The decrypted request as Meta sends it. */
export interface FlowRequestPayload {
  version: string;
  action: FlowAction;
  screen?: string;
  data?: Record<string, unknown>;
  flow_token?: string;
  /** Data API 4.0: a JWT binding `flow_token` to your app (see signature.ts). */
  flow_token_signature?: string;
  [key: string]: unknown;
}

/** A response as JSON: what a handler may return instead of a `FlowResponse`. `version` is filled in from the request when missing. */
export interface FlowResponseBody {
  version?: string;
  screen?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

/** What a flow handler may return. Nothing is fine for error notifications (they are acknowledged). */
export type FlowHandlerResult = FlowResponse | FlowResponseBody | undefined | void;

/** Keys whose presence in `data` marks an error notification (pywa's `has_error`). */
const ERROR_KEYS = ["error", "error_message", "error_key"] as const;

/**
 * One decrypted request to a flow endpoint. `screen` is undefined when empty,
 * `data` when empty, `flowToken` when absent (some iOS clients omit it), as in pywa.
 */
export class FlowRequest {
  readonly version: string;
  readonly action: FlowAction;
  readonly screen: string | undefined;
  readonly data: Record<string, unknown> | undefined;
  readonly flowToken: string | undefined;
  readonly flowTokenSignature: string | undefined;
  /** The decrypted JSON, untouched. */
  readonly raw: Record<string, unknown>;
  readonly #fetch: typeof fetch | undefined;

  constructor(raw: Record<string, unknown>, context: { fetch?: typeof fetch } = {}) {
    if (typeof raw.action !== "string") throw new TypeError("A flow request needs a string `action`");
    this.raw = raw;
    this.version = raw.version === undefined || raw.version === null ? "" : String(raw.version);
    this.action = raw.action;
    this.screen = typeof raw.screen === "string" && raw.screen !== "" ? raw.screen : undefined;
    this.data = isRecord(raw.data) && Object.keys(raw.data).length > 0 ? raw.data : undefined;
    this.flowToken = scalar(raw.flow_token);
    this.flowTokenSignature = scalar(raw.flow_token_signature);
    this.#fetch = context.fetch;
  }

  /**
   * An error notification: the client reports a problem with your last response
   * (`data.error`, `data.error_message` or `data.error_key`). By default the endpoint
   * acknowledges it whatever the handler returns.
   */
  get hasError(): boolean {
    const data = this.data;
    return data !== undefined && ERROR_KEYS.some((key) => key in data);
  }

  /**
   * A response to this request: its `version`, and when closing the flow its
   * flow token unless another is given.
   */
  respond(init: FlowResponseInit = {}): FlowResponse {
    return new FlowResponse({
      ...init,
      version: init.version ?? this.version,
      flowToken: init.flowToken ?? (init.closeFlow ? this.flowToken : undefined),
    });
  }

  /** Ends the request with 427: the client disables the flow and shows `message`. */
  tokenNoLongerValid(message: string): never {
    throw new FlowTokenNoLongerValid(message);
  }

  /**
   * Downloads and decrypts a PhotoPicker / DocumentPicker upload: pass the media
   * object, or where it is in `data` (`{ key: "photos", index: 0 }`).
   */
  decryptMedia(media: FlowMedia | { key: string; index?: number }, options: DecryptMediaOptions = {}): Promise<DecryptedFlowMedia> {
    const item = "cdn_url" in media ? media : this.#mediaAt(media.key, media.index ?? 0);
    return decryptFlowMedia(item, { fetch: this.#fetch, ...options });
  }

  #mediaAt(key: string, index: number): FlowMedia {
    const list = this.data?.[key];
    const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
    if (!isRecord(item)) {
      throw new TypeError(`decryptMedia: no media at data[${JSON.stringify(key)}][${index}]`);
    }
    return item as unknown as FlowMedia;
  }
}

export interface FlowResponseInit {
  /** Default: the request's (filled in by `req.respond` or the endpoint). */
  version?: string;
  /** The next screen's id. Required unless `closeFlow`. */
  screen?: string;
  data?: Record<string, unknown>;
  /** Shown by the client as an error snackbar on `screen`; sent as `data.error_message`. */
  errorMessage?: string;
  /** Close the flow: the data goes to `extension_message_response.params`, and the completion message carries it. */
  closeFlow?: boolean;
  /** Required with `closeFlow` (`req.respond` fills in the request's). */
  flowToken?: string;
}

/** A handler's answer: the next screen with its data, an error message, or closing the flow. Validated as pywa does. */
export class FlowResponse {
  readonly version: string | undefined;
  readonly screen: string | undefined;
  readonly data: Record<string, unknown>;
  readonly errorMessage: string | undefined;
  readonly closeFlow: boolean;
  readonly flowToken: string | undefined;

  constructor(init: FlowResponseInit) {
    this.version = init.version;
    this.screen = init.screen;
    this.data = init.data ?? {};
    this.errorMessage = init.errorMessage;
    this.closeFlow = init.closeFlow ?? false;
    this.flowToken = init.flowToken;
    if (this.closeFlow) {
      if (!this.flowToken) {
        throw new TypeError("FlowResponse: closeFlow needs a flowToken (the request had none: some iOS clients omit it)");
      }
      if (this.screen !== undefined) throw new TypeError("FlowResponse: closeFlow goes to the SUCCESS screen; do not pass a screen");
      if (this.errorMessage !== undefined) throw new TypeError("FlowResponse: closeFlow cannot carry an errorMessage");
    } else if (!this.screen) {
      throw new TypeError("FlowResponse: screen is required unless closeFlow is true");
    }
  }

  /** The wire JSON. `version` stays undefined when none was given: the endpoint fills in the request's. */
  toJSON(): FlowResponseBody {
    if (this.closeFlow) {
      return {
        version: this.version,
        screen: "SUCCESS",
        data: { extension_message_response: { params: { flow_token: this.flowToken, ...this.data } } },
      };
    }
    const data = this.errorMessage === undefined ? this.data : { ...this.data, error_message: this.errorMessage };
    return { version: this.version, screen: this.screen, data };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}
