import type { WhatsApp } from "../client/whatsapp.ts";
import type { WebhookChange } from "../webhook/payload.ts";
import type { UpdateSource } from "./base.ts";
import { CallConnect, CallStatus, CallTerminate } from "./calls.ts";
import { CallPermissionUpdate } from "./call-permission-update.ts";
import { CallbackButton } from "./callback-button.ts";
import { CallbackSelection } from "./callback-selection.ts";
import { ChatOpened } from "./chat-opened.ts";
import { AccountUpdate } from "./account-update.ts";
import { DeletedMessage, EditedMessage } from "./edited-deleted.ts";
import { FlowCompletion } from "./flow-completion.ts";
import { GroupMessageStatuses } from "./group-message-statuses.ts";
import { IdentityChange } from "./identity-change.ts";
import { type Json, idStr, isObj, nonEmpty, num, obj } from "./json.ts";
import type { TypedUpdate } from "./kinds.ts";
import { Message } from "./message.ts";
import { MessageStatus } from "./message-status.ts";
import { OutgoingDeletedMessage, OutgoingEditedMessage, OutgoingMessage } from "./outgoing.ts";
import { PhoneNumberChange } from "./phone-number-change.ts";
import { RawUpdate } from "./raw.ts";
import {
  TemplateCategoryUpdate,
  TemplateComponentsUpdate,
  TemplateQualityUpdate,
  TemplateStatusUpdate,
} from "./templates.ts";
import { UserMarketingPreferences } from "./user-marketing-preferences.ts";

/** One `entry[].changes[]` of a webhook payload, classified. */
export interface ClassifiedChange {
  /** The change itself; always there, whatever else could be read from it. */
  raw: RawUpdate;
  /** One typed update per item of the change (message, status, call…), in payload order. */
  updates: TypedUpdate[];
  /** Why items or the change yielded no typed update; empty when everything was understood. */
  problems: string[];
}

/** Builds the typed update of one item, or says why there is none. */
type Route = (source: UpdateSource, value: Json, item: Json) => TypedUpdate | string;

/**
 * Reads a parsed webhook body into typed updates. Every entry, every change and
 * every item of a change is read (pywa only reads the first of each); routing per
 * item follows pywa's table. Never throws: whatever cannot be read becomes a
 * `problems` entry, and the change's RawUpdate is kept.
 */
export function classifyPayload(client: WhatsApp, payload: unknown): ClassifiedChange[] {
  const out: ClassifiedChange[] = [];
  try {
    if (!isObj(payload)) return out;
    const entries = payload.entry;
    if (!Array.isArray(entries)) return out;
    for (const entry of entries) {
      if (!isObj(entry) || !Array.isArray(entry.changes)) continue;
      const entryId = idStr(entry.id) ?? "";
      const entryTime = num(entry.time);
      for (const change of entry.changes) out.push(classifyChange(client, entryId, entryTime, change));
    }
  } catch {
    // Only exotic inputs (proxies, throwing getters) get here; JSON.parse output never does.
  }
  return out;
}

function classifyChange(
  client: WhatsApp,
  entryId: string,
  entryTime: number | undefined,
  change: unknown,
): ClassifiedChange {
  const problems: string[] = [];
  const updates: TypedUpdate[] = [];
  // An object change is kept as is; anything else is wrapped so RawUpdate has a shape to hold.
  const wire: WebhookChange = isObj(change) ? (change as unknown as WebhookChange) : { field: "", value: change };
  const source: UpdateSource = { client, entryId, change: wire };
  if (entryTime !== undefined) source.entryTime = entryTime;
  const raw = new RawUpdate(source);
  if (!entryId) problems.push("entry has no id");
  const field = nonEmpty(wire.field);
  if (field === undefined) {
    problems.push(isObj(change) ? "change has no field" : "change is not an object");
    return { raw, updates, problems };
  }
  const value = obj(wire.value);
  try {
    switch (field) {
      case "messages":
        if (!value) problems.push("messages: value is not an object");
        else classifyMessages(source, value, updates, problems);
        break;
      case "calls":
        if (!value) problems.push("calls: value is not an object");
        else classifyCalls(source, value, updates, problems);
        break;
      case "user_preferences":
        if (!value) problems.push("user_preferences: value is not an object");
        else eachItem(source, value, "user_preferences", routePreference, updates, problems);
        break;
      case "smb_message_echoes":
        if (!value) problems.push("smb_message_echoes: value is not an object");
        else eachItem(source, value, "message_echoes", routeEcho, updates, problems);
        break;
      case "message_template_status_update":
        single(() => new TemplateStatusUpdate(source, objectValue(value)), field, updates, problems);
        break;
      case "template_category_update":
        single(() => new TemplateCategoryUpdate(source, objectValue(value)), field, updates, problems);
        break;
      case "message_template_quality_update":
        single(() => new TemplateQualityUpdate(source, objectValue(value)), field, updates, problems);
        break;
      case "message_template_components_update":
        single(() => new TemplateComponentsUpdate(source, objectValue(value)), field, updates, problems);
        break;
      case "account_update":
        single(() => new AccountUpdate(source, objectValue(value)), field, updates, problems);
        break;
      default:
        problems.push(`${field}: no typed update for this field (raw only)`);
    }
  } catch (err) {
    problems.push(`${field}: ${reason(err)}`);
  }
  return { raw, updates, problems };
}

function objectValue(value: Json | undefined): Json {
  if (!value) throw new TypeError("value is not an object");
  return value;
}

function single(build: () => TypedUpdate, field: string, updates: TypedUpdate[], problems: string[]): void {
  try {
    updates.push(build());
  } catch (err) {
    problems.push(`${field}: ${reason(err)}`);
  }
}

/** Runs `route` on every object of `value[key]`, collecting updates and problems. */
function eachItem(
  source: UpdateSource,
  value: Json,
  key: string,
  route: Route,
  updates: TypedUpdate[],
  problems: string[],
): void {
  const items = value[key];
  if (!Array.isArray(items)) {
    problems.push(`${key}: not an array`);
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (!isObj(item)) {
      problems.push(`${key}[${i}]: not an object`);
      continue;
    }
    try {
      const result = route(source, value, item);
      if (typeof result === "string") problems.push(`${key}[${i}]: ${result}`);
      else updates.push(result);
    } catch (err) {
      problems.push(`${key}[${i}]: ${reason(err)}`);
    }
  }
}

function classifyMessages(source: UpdateSource, value: Json, updates: TypedUpdate[], problems: string[]): void {
  const hasMessages = Array.isArray(value.messages);
  const hasStatuses = Array.isArray(value.statuses);
  if (!hasMessages && !hasStatuses) {
    problems.push("messages: value has neither messages[] nor statuses[]");
    return;
  }
  if (hasMessages) eachItem(source, value, "messages", routeMessage, updates, problems);
  if (hasStatuses) classifyStatuses(source, value, value.statuses as unknown[], updates, problems);
}

/** Private statuses are one update each; a change's group statuses are one update together. */
function classifyStatuses(
  source: UpdateSource,
  value: Json,
  statuses: unknown[],
  updates: TypedUpdate[],
  problems: string[],
): void {
  const group: MessageStatus[] = [];
  for (let i = 0; i < statuses.length; i++) {
    const item: unknown = statuses[i];
    if (!isObj(item)) {
      problems.push(`statuses[${i}]: not an object`);
      continue;
    }
    try {
      const status = new MessageStatus(source, value, item);
      if (status.recipientType === "group") group.push(status);
      else updates.push(status);
    } catch (err) {
      problems.push(`statuses[${i}]: ${reason(err)}`);
    }
  }
  const [first, ...rest] = group;
  if (first) updates.push(new GroupMessageStatuses(source, [first, ...rest]));
}

function classifyCalls(source: UpdateSource, value: Json, updates: TypedUpdate[], problems: string[]): void {
  const hasCalls = Array.isArray(value.calls);
  const hasStatuses = Array.isArray(value.statuses);
  if (!hasCalls && !hasStatuses) {
    problems.push("calls: value has neither calls[] nor statuses[]");
    return;
  }
  if (hasCalls) eachItem(source, value, "calls", routeCall, updates, problems);
  if (hasStatuses) eachItem(source, value, "statuses", routeCallStatus, updates, problems);
}

/** pywa's routing of a `messages[]` item (server.py `_handle_messages_field`), per item. */
const routeMessage: Route = (source, value, item) => {
  const type = item.type;
  switch (type) {
    case "interactive": {
      const interactive = obj(item.interactive);
      switch (interactive?.type) {
        case "button_reply":
          return new CallbackButton(source, value, item);
        case "list_reply":
          return new CallbackSelection(source, value, item);
        case "call_permission_reply":
          return new CallPermissionUpdate(source, value, item);
        case "nfm_reply": {
          const name = obj(interactive.nfm_reply)?.name;
          if (name === "flow") return new FlowCompletion(source, value, item);
          return `interactive nfm_reply "${String(name)}" has no typed update`;
        }
      }
      // No interactive object (Meta sends errors instead) or an unknown interactive type.
      return new Message(source, value, item);
    }
    case "system":
      switch (obj(item.system)?.type) {
        case "user_changed_number":
        case "user_changed_user_id":
        case "customer_changed_number":
          return new PhoneNumberChange(source, value, item);
        case "customer_identity_changed":
          return new IdentityChange(source, value, item);
      }
      return new Message(source, value, item);
    case "button":
      return new CallbackButton(source, value, item);
    case "edit":
      return new EditedMessage(source, value, item);
    case "revoke":
      return new DeletedMessage(source, value, item);
    case "request_welcome":
      return new ChatOpened(source, value, item);
    default:
      return new Message(source, value, item);
  }
};

const routeEcho: Route = (source, value, echo) => {
  switch (echo.type) {
    case "edit":
      return new OutgoingEditedMessage(source, value, echo);
    case "revoke":
      return new OutgoingDeletedMessage(source, value, echo);
    default:
      return new OutgoingMessage(source, value, echo);
  }
};

const routeCall: Route = (source, value, call) => {
  switch (call.event) {
    case "connect":
      return new CallConnect(source, value, call);
    case "terminate":
      return new CallTerminate(source, value, call);
    default:
      return `call event "${String(call.event)}" has no typed update`;
  }
};

const routeCallStatus: Route = (source, value, status) => new CallStatus(source, value, status);

const routePreference: Route = (source, value, preference) =>
  preference.category === "marketing_messages"
    ? new UserMarketingPreferences(source, value, preference)
    : `user preference category "${String(preference.category)}" has no typed update`;

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
