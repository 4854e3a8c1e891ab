import type { AccountUpdate } from "./account-update.ts";
import type { CallConnect, CallStatus, CallTerminate } from "./calls.ts";
import type { CallPermissionUpdate } from "./call-permission-update.ts";
import type { CallbackButton } from "./callback-button.ts";
import type { CallbackSelection } from "./callback-selection.ts";
import type { ChatOpened } from "./chat-opened.ts";
import type { DeletedMessage, EditedMessage } from "./edited-deleted.ts";
import type { FlowCompletion } from "./flow-completion.ts";
import type { GroupMessageStatuses } from "./group-message-statuses.ts";
import type { IdentityChange } from "./identity-change.ts";
import type { Message } from "./message.ts";
import type { MessageStatus } from "./message-status.ts";
import type { OutgoingDeletedMessage, OutgoingEditedMessage, OutgoingMessage } from "./outgoing.ts";
import type { PhoneNumberChange } from "./phone-number-change.ts";
import type { RawUpdate } from "./raw.ts";
import type {
  TemplateCategoryUpdate,
  TemplateComponentsUpdate,
  TemplateQualityUpdate,
  TemplateStatusUpdate,
} from "./templates.ts";
import type { UserMarketingPreferences } from "./user-marketing-preferences.ts";

/**
 * Every kind of update a handler can be registered for, and its class. The key is
 * what `update.kind` holds and what `wa.on<Kind>` registers for.
 */
export interface UpdateKinds {
  message: Message;
  callbackButton: CallbackButton;
  callbackSelection: CallbackSelection;
  messageStatus: MessageStatus;
  groupMessageStatuses: GroupMessageStatuses;
  chatOpened: ChatOpened;
  flowCompletion: FlowCompletion;
  phoneNumberChange: PhoneNumberChange;
  identityChange: IdentityChange;
  callConnect: CallConnect;
  callTerminate: CallTerminate;
  callStatus: CallStatus;
  callPermissionUpdate: CallPermissionUpdate;
  userMarketingPreferences: UserMarketingPreferences;
  templateStatusUpdate: TemplateStatusUpdate;
  templateCategoryUpdate: TemplateCategoryUpdate;
  templateQualityUpdate: TemplateQualityUpdate;
  templateComponentsUpdate: TemplateComponentsUpdate;
  accountUpdate: AccountUpdate;
  editedMessage: EditedMessage;
  deletedMessage: DeletedMessage;
  outgoingMessage: OutgoingMessage;
  outgoingEditedMessage: OutgoingEditedMessage;
  outgoingDeletedMessage: OutgoingDeletedMessage;
  raw: RawUpdate;
}

export type UpdateKind = keyof UpdateKinds;
/** Any typed update (not the raw one). */
export type TypedUpdate = UpdateKinds[Exclude<UpdateKind, "raw">];
export type AnyUpdate = UpdateKinds[UpdateKind];
