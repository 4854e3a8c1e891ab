import { BaseUpdate, type UpdateSource, toDate } from "./base.ts";
import { hash64 } from "./hash.ts";

/**
 * One webhook change, untyped: every change of every entry becomes one, whether or
 * not it also yields typed updates. Raw-update handlers see all of them.
 */
export class RawUpdate extends BaseUpdate {
  readonly kind = "raw" as const;
  /** `${entryId}:${field}`: names the change's origin, not one delivery of it. */
  readonly id: string;
  /** `entry[].time`, or the epoch when the entry has none. */
  readonly timestamp: Date;
  /** The subscribed field: `messages`, `calls`, `account_update`, … (`""` if the change had none). */
  readonly field: string;
  /** The change's `value`, untouched. */
  readonly value: any;
  /** `entry[].id`: the WABA id, or the business portfolio id for `account_update`. */
  readonly entryId: string;
  readonly entryTime: number | undefined;
  #dedupeKey: string | undefined;

  constructor(source: UpdateSource) {
    super(source);
    const change = source.change;
    this.field = typeof change.field === "string" ? change.field : "";
    this.value = change.value;
    this.entryId = source.entryId;
    this.entryTime = source.entryTime;
    this.id = `${this.entryId}:${this.field}`;
    this.timestamp = toDate(source.entryTime);
  }

  /**
   * A raw change has no id of its own, so its content is the key: a hash of the
   * serialised value, computed only when asked for (the classifier never does).
   */
  override get dedupeKey(): string {
    if (this.#dedupeKey === undefined) {
      let content: string;
      try {
        content = JSON.stringify(this.value) ?? "";
      } catch {
        content = String(this.value);
      }
      this.#dedupeKey = `raw:${this.id}:${this.entryTime ?? ""}:${hash64(content)}`;
    }
    return this.#dedupeKey;
  }
}
