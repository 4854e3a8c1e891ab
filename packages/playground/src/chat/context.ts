import type { WebhookSender } from "../webhook/sender.ts";
import type { Parties } from "../webhook/payloads.ts";
import type { ChatState } from "./state.ts";
import type { TemplateBook } from "./templates.ts";

/** What both sides of the chat share. */
export interface ChatContext {
  state: ChatState;
  parties: Parties;
  sender: WebhookSender;
  templates: TemplateBook;
  /** One line per event, for the terminal. */
  log: (line: string) => void;
}
