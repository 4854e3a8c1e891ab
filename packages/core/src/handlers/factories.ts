import type { UpdateKind } from "../updates/kinds.ts";
import { createHandler, type Handler, type OnUpdate } from "./handler.ts";

/**
 * Standalone handler factories, for handlers declared in their own modules:
 *
 *   // handlers/greet.ts
 *   export const greet = onMessage(filters.text, async (wa, msg) => { … });
 *   // main.ts
 *   wa.loadHandlersModules(await import("./handlers/greet.ts"));
 *
 * Each returns a `Handler` value that nothing has registered yet.
 */
function factory<K extends UpdateKind>(kind: K): OnUpdate<K, Handler<K>> {
  return ((...args: unknown[]) => createHandler(kind, args)) as OnUpdate<K, Handler<K>>;
}

export const onMessage = factory("message");
export const onCallbackButton = factory("callbackButton");
export const onCallbackSelection = factory("callbackSelection");
export const onMessageStatus = factory("messageStatus");
export const onGroupMessageStatuses = factory("groupMessageStatuses");
export const onChatOpened = factory("chatOpened");
export const onFlowCompletion = factory("flowCompletion");
export const onPhoneNumberChange = factory("phoneNumberChange");
export const onIdentityChange = factory("identityChange");
export const onCallConnect = factory("callConnect");
export const onCallTerminate = factory("callTerminate");
export const onCallStatus = factory("callStatus");
export const onCallPermissionUpdate = factory("callPermissionUpdate");
export const onUserMarketingPreferences = factory("userMarketingPreferences");
export const onTemplateStatusUpdate = factory("templateStatusUpdate");
export const onTemplateCategoryUpdate = factory("templateCategoryUpdate");
export const onTemplateQualityUpdate = factory("templateQualityUpdate");
export const onTemplateComponentsUpdate = factory("templateComponentsUpdate");
export const onAccountUpdate = factory("accountUpdate");
export const onEditedMessage = factory("editedMessage");
export const onDeletedMessage = factory("deletedMessage");
export const onOutgoingMessage = factory("outgoingMessage");
export const onOutgoingEditedMessage = factory("outgoingEditedMessage");
export const onOutgoingDeletedMessage = factory("outgoingDeletedMessage");
export const onRawUpdate = factory("raw");
