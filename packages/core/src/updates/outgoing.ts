import type { UpdateSource } from "./base.ts";
import { DeletedMessageBase, EditedMessageBase } from "./edited-deleted.ts";
import { type Json, nonEmpty } from "./json.ts";
import { MessageBase } from "./message.ts";
import { recipientIds, userContext } from "./sender.ts";
import type { User } from "./user.ts";
import type { UserContext } from "./user-update.ts";

/**
 * Echoes (`smb_message_echoes`, WhatsApp Business app coexistence) are messages
 * the business sent from the app. As in pywa, `from` is the user on the other
 * side (the recipient), which `to` names more plainly.
 */
function echoContext(value: Json, echo: Json): UserContext {
  return userContext(value, recipientIds(echo), nonEmpty(echo.group_id));
}

/** A message the business sent from the WhatsApp Business app. */
export class OutgoingMessage extends MessageBase {
  readonly kind = "outgoingMessage" as const;

  constructor(
    source: UpdateSource,
    value: Json,
    echo: Json,
    content: Json = echo,
    id?: string,
    context: UserContext = echoContext(value, echo),
  ) {
    super(source, context, value, echo, content, id);
  }

  /** The user the message went to. */
  get to(): User {
    return this.from;
  }
}

/** The business edited, in the app, a message it had sent. */
export class OutgoingEditedMessage extends EditedMessageBase<OutgoingMessage> {
  readonly kind = "outgoingEditedMessage" as const;

  constructor(source: UpdateSource, value: Json, echo: Json) {
    const context = echoContext(value, echo);
    super(source, context, echo, (content, id) => new OutgoingMessage(source, value, echo, content, id, context));
  }

  get to(): User {
    return this.from;
  }
}

/** The business deleted, in the app, a message it had sent. */
export class OutgoingDeletedMessage extends DeletedMessageBase {
  readonly kind = "outgoingDeletedMessage" as const;

  constructor(source: UpdateSource, value: Json, echo: Json) {
    super(source, echoContext(value, echo), echo);
  }

  get to(): User {
    return this.from;
  }
}
