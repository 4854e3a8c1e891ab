import type { CallOptions } from "../../graph/request.ts";
import { bool, idStr, objects, str, strings, type Json } from "../../updates/json.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { ack } from "./ack.ts";
import { phoneSegment } from "./ids.ts";

/** A `/command` users can pick in the chat (pywa's `Command`). */
export interface Command {
  /** Without the slash, at most 32 characters. */
  name: string;
  /** At most 256 characters. */
  description: string;
}

/** A number's conversational components, as `getBusinessPhoneNumber` reads them (pywa's `ConversationalAutomation`). */
export interface ConversationalAutomation {
  id: string | undefined;
  /** Whether `chatOpened` updates are sent (the API's `enable_welcome_message`). */
  chatOpenedEnabled: boolean;
  iceBreakers: string[];
  commands: Command[];
}

export function toConversationalAutomation(w: Json): ConversationalAutomation {
  return {
    id: idStr(w.id),
    chatOpenedEnabled: bool(w.enable_welcome_message) ?? false,
    iceBreakers: strings(w.prompts) ?? [],
    commands: objects(w.commands).map((c) => ({ name: str(c.command_name) ?? "", description: str(c.command_description) ?? "" })),
  };
}

export interface UpdateConversationalAutomationOptions extends CallOptions {
  /** Send a `chatOpened` update when a user opens the chat for the first time (`enable_welcome_message`). */
  enableChatOpened?: boolean;
  /** Up to 4 tappable openers (`prompts`), 80 characters each. */
  iceBreakers?: readonly string[];
  /** Up to 30 commands. */
  commands?: readonly Command[];
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `update_conversational_automation`: `POST /{phone-id}/conversational_automation`
 * with `enable_welcome_message`, `prompts` and `commands` (only those given). Read
 * them back with `getBusinessPhoneNumber(…).conversationalAutomation`.
 */
export async function updateConversationalAutomation(wa: WhatsApp, options: UpdateConversationalAutomationOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "updateConversationalAutomation");
  const json: Record<string, unknown> = {};
  if (options.enableChatOpened !== undefined) json.enable_welcome_message = options.enableChatOpened;
  if (options.iceBreakers !== undefined) json.prompts = [...options.iceBreakers];
  // An array, as Meta documents it (pywa sends a JSON string, a leftover of query parameters).
  if (options.commands !== undefined) {
    json.commands = options.commands.map((c) => ({ command_name: c.name.replace(/^\//, ""), command_description: c.description }));
  }
  if (Object.keys(json).length === 0) {
    throw new TypeError("updateConversationalAutomation: pass at least one of enableChatOpened, iceBreakers, commands");
  }
  return ack(wa, { method: "POST", path: `/${phone}/conversational_automation`, json }, options);
}
