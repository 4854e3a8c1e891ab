import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import { User, type UserIdentifier } from "../../updates/user.ts";
import { resolveRecipient } from "../send/recipient.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { groupSegment, toGroupOperation, type GroupOperation } from "./types.ts";

export interface RemoveGroupParticipantsOptions extends CallOptions {
  groupId: string;
  /**
   * Phone numbers, WhatsApp ids or BSUIDs (Meta: at most 8 a call), or participants
   * as `getGroup` lists them (their `preferredId` is used).
   */
  participants: readonly (string | number | User)[];
}

/**
 * pywa's `remove_group_participants`: `DELETE /{group-id}/participants` with
 * `{ messaging_product, participants: [{ user } | { user_id }] }`: a phone number or
 * WhatsApp id goes as `user`, a BSUID as `user_id` (pywa's `resolve_users`).
 */
export async function removeGroupParticipants(wa: WhatsApp, options: RemoveGroupParticipantsOptions): Promise<GroupOperation> {
  const group = groupSegment(options.groupId, "removeGroupParticipants");
  const participants = participantEntries(options.participants, wa.userIdentifierPriority);
  const wire = await wa.api.request<Json>({
    method: "DELETE",
    path: `/${group}/participants`,
    json: { messaging_product: "whatsapp", participants },
    ...callOptions(options),
  });
  return toGroupOperation(wire);
}

const MAX_PARTICIPANTS = 8;

function participantEntries(participants: RemoveGroupParticipantsOptions["participants"], priority: readonly UserIdentifier[]): Json[] {
  if (!Array.isArray(participants) || participants.length === 0) {
    throw new TypeError("removeGroupParticipants: participants is empty: pass phone numbers, WhatsApp ids or BSUIDs");
  }
  if (participants.length > MAX_PARTICIPANTS) {
    throw new TypeError(`removeGroupParticipants: Meta takes at most ${MAX_PARTICIPANTS} participants a call, got ${participants.length}: split them`);
  }
  return participants.map((participant) => {
    // A User (from getGroup) is addressed as the client addresses users.
    const id = participant instanceof User ? participant.withPriority(priority).preferredId : String(participant).trim();
    if (!id) throw new TypeError("removeGroupParticipants: a participant is empty");
    // The same classification as a message's `to`: what would go out as a group id is no user.
    const fields = resolveRecipient(id);
    if (fields.recipient !== undefined) return { user_id: fields.recipient };
    if (fields.recipient_type === "group") {
      throw new TypeError(`removeGroupParticipants: ${JSON.stringify(id)} is not a phone number, a WhatsApp id or a BSUID`);
    }
    return { user: fields.to };
  });
}
