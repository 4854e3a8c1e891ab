/**
 * The whole Flow JSON (pywa's `FlowJSON`). Serializing it checks every component,
 * property, action and expression against `version` and throws a
 * FlowJSONVersionError naming what needs which version and where it is.
 */
import { child, isOlder, parseVersion, rootContext, type SerializeContext } from "./context.ts";
import { FlowJSONError } from "./errors.ts";
import { FlowNode, serializeValue } from "./serialize.ts";
import type { Screen } from "./screen.ts";

/** The Flow JSON versions Meta documents (sending: 2.1 to 7.3). Newer ones are accepted too. */
export const FLOW_JSON_VERSIONS = ["2.1", "3.0", "3.1", "4.0", "5.0", "5.1", "6.0", "6.1", "6.2", "6.3", "7.0", "7.1", "7.2", "7.3"] as const;
/** The latest Flow JSON version pywa 4.4 knows. */
export const LATEST_FLOW_JSON_VERSION = "7.3";
/** Data API versions (`data_api_version`). */
export const FLOW_DATA_API_VERSIONS = ["3.0", "4.0"] as const;

export type FlowJSONVersion = (typeof FLOW_JSON_VERSIONS)[number] | (string & {});

export interface FlowJSONInit {
  /** The Flow JSON version: what may be used is checked against it. */
  version: FlowJSONVersion;
  screens: readonly Screen[];
  /** Flows with a data endpoint: "3.0" or "4.0". */
  dataApiVersion?: string;
  /** Screen id → the screens it may go to. */
  routingModel?: Readonly<Record<string, readonly string[]>>;
  /** Only before Flow JSON 3.0; later the endpoint is the flow's `endpointUri` (createFlow / updateFlowMetadata). */
  dataChannelUri?: string;
}

export class FlowJSON extends FlowNode {
  readonly version: string;
  readonly screens: readonly Screen[];
  readonly dataApiVersion: string | undefined;
  readonly routingModel: Readonly<Record<string, readonly string[]>> | undefined;
  readonly dataChannelUri: string | undefined;

  constructor(init: FlowJSONInit) {
    super();
    this.version = String(init.version);
    parseVersion(this.version);
    if (isOlder(this.version, "2.1")) throw new FlowJSONError(`Flow JSON version ${this.version} is below the minimum, 2.1`);
    if (init.dataApiVersion !== undefined) {
      parseVersion(init.dataApiVersion, "data_api_version");
      if (isOlder(init.dataApiVersion, "3.0")) throw new FlowJSONError(`data_api_version ${init.dataApiVersion} is below the minimum, 3.0`);
    }
    if (init.dataChannelUri !== undefined && !isOlder(this.version, "3.0")) {
      throw new FlowJSONError(
        `data_channel_uri is gone from Flow JSON 3.0 (this flow is ${this.version}): set the flow's endpointUri with createFlow or updateFlowMetadata`,
      );
    }
    if (init.screens.length === 0) throw new FlowJSONError("A FlowJSON needs at least one screen");
    const ids = new Set<string>();
    for (const screen of init.screens) {
      if (ids.has(screen.id)) throw new FlowJSONError(`Two screens have the id ${JSON.stringify(screen.id)}`);
      ids.add(screen.id);
    }
    this.screens = init.screens;
    this.dataApiVersion = init.dataApiVersion;
    this.routingModel = init.routingModel;
    this.dataChannelUri = init.dataChannelUri;
  }

  /** The Flow JSON object; `ctx` is for the library (the flow's own version is always used). */
  serialize(_ctx?: SerializeContext): Record<string, unknown> {
    const ctx = rootContext(this.version);
    const out: Record<string, unknown> = { version: this.version };
    if (this.dataApiVersion !== undefined) out.data_api_version = this.dataApiVersion;
    if (this.routingModel !== undefined) out.routing_model = serializeValue(this.routingModel, child(ctx, "routing_model"));
    if (this.dataChannelUri !== undefined) out.data_channel_uri = this.dataChannelUri;
    out.screens = this.screens.map((screen, i) => screen.serialize(child(child(ctx, "screens"), `[${i}]`, `(${screen.id})`)));
    return out;
  }

  /** The Flow JSON object, version-checked (so `JSON.stringify(flow)` works too). */
  override toJSON(): Record<string, unknown> {
    return this.serialize();
  }

  /** The Flow JSON as text, as uploaded by createFlow / updateFlowJson (2-space indent, so Meta's line numbers are useful). */
  toJsonString(indent: number | string = 2): string {
    return JSON.stringify(this.serialize(), null, indent);
  }
}
