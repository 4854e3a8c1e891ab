import { BaseUpdate, type UpdateSource } from "./base.ts";
import type { MessageStatus } from "./message-status.ts";

/**
 * The statuses of messages sent to a group, one per participant (the statuses
 * with `recipient_type: "group"` of one change), as pywa groups them.
 */
export class GroupMessageStatuses extends BaseUpdate implements Iterable<MessageStatus> {
  readonly kind = "groupMessageStatuses" as const;
  /** The WABA id (`entry[].id`), as pywa has it; the group is `groupId`. */
  readonly id: string;
  /** The first status's time. */
  readonly timestamp: Date;
  /** `statuses[0].recipient_id`. */
  readonly groupId: string;
  readonly statuses: readonly MessageStatus[];

  /** @param statuses at least one, all of the same change. */
  constructor(source: UpdateSource, statuses: readonly [MessageStatus, ...MessageStatus[]]) {
    super(source);
    const first = statuses[0];
    this.id = source.entryId;
    this.timestamp = first.timestamp;
    this.groupId = first.chat.id;
    this.statuses = statuses;
  }

  get length(): number {
    return this.statuses.length;
  }

  at(index: number): MessageStatus | undefined {
    return this.statuses.at(index);
  }

  [Symbol.iterator](): Iterator<MessageStatus> {
    return this.statuses[Symbol.iterator]();
  }

  /** Every status of the batch, participant included: a later batch differs in at least one. */
  override get dedupeKey(): string {
    let key = "groupMessageStatuses:";
    for (let i = 0; i < this.statuses.length; i++) {
      const s = this.statuses[i]!;
      key += `${i === 0 ? "" : ","}${s.id}:${s.status}:${s.from.stableId}`;
    }
    return key;
  }
}
