import type { WhatsApp } from "../client/whatsapp.ts";
import { ContinueHandling, StopHandling } from "../handlers/control.ts";
import type { WebhookChange } from "../webhook/payload.ts";
import type { UpdateKind } from "./kinds.ts";

/** @internal The method a handler run uses to make an update's shortcuts its own. */
export const BIND_CLIENT = Symbol("edgewa.bindClient");

/** What every update is built from: the client, the entry and change it came in. */
export interface UpdateSource {
  client: WhatsApp;
  /** `entry[].id`: the WABA id (business portfolio id for account updates). */
  entryId: string;
  /** `entry[].time` in seconds, when Meta sent one. */
  entryTime?: number;
  /** The untouched `{ field, value }` change this update was read from. */
  change: WebhookChange;
}

/**
 * The root of every typed update. `raw` is the untouched change JSON, `sharedData`
 * carries state from one handler to the next for this one update (pywa's
 * `shared_data`).
 */
export abstract class BaseUpdate {
  abstract readonly kind: UpdateKind;
  /** The update's own id: a `wamid.…` for messages and statuses, a call id, a template id… */
  abstract readonly id: string;
  /** When the update happened (from the payload's timestamp). */
  abstract readonly timestamp: Date;
  /** The untouched `{ field, value }` change this update came from. */
  readonly raw: WebhookChange;
  /** `entry[].id` of the change (pywa's `waba_id`). */
  readonly wabaId: string;
  /** Free-form state shared by every handler that sees this update. */
  readonly sharedData: Record<string, unknown> = {};
  // Private, so that logging or serialising an update never shows the client (and
  // what it holds); shortcuts reach it through the protected getter.
  readonly #client: WhatsApp;
  /** The client of the handler run this update was handed to (its sends are recorded there). */
  #bound: WhatsApp | undefined;

  constructor(source: UpdateSource) {
    this.#client = source.client;
    this.raw = source.change;
    this.wabaId = source.entryId;
  }

  protected get client(): WhatsApp {
    return this.#bound ?? this.#client;
  }

  /** @internal Routes this update's shortcuts through a handler run's client (see listen/). */
  [BIND_CLIENT](client: WhatsApp | undefined): void {
    this.#bound = client;
  }

  /**
   * The key under which this update is claimed in the store, so that a redelivery of
   * the same update is recognised. Two different updates must never share it.
   */
  get dedupeKey(): string {
    return `${this.kind}:${this.id}`;
  }

  /** Stop the handler chain for this update: no further handler sees it. */
  stopHandling(): never {
    throw new StopHandling();
  }

  /** Go on to the next matching handler, whatever `continueHandling` is set to. */
  continueHandling(): never {
    throw new ContinueHandling();
  }
}

/** Seconds (number or numeric string, as webhooks send them) to a Date. */
export function toDate(seconds: string | number | undefined): Date {
  const n = typeof seconds === "string" ? Number(seconds) : seconds;
  return new Date(Number.isFinite(n) ? (n as number) * 1000 : 0);
}
