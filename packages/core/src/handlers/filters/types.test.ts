// Type-level checks: this file is compiled by `tsc -p tsconfig.json` (the root
// program includes tests); the `it` below only keeps vitest happy.
import { describe, expect, it } from "vitest";
import type { CallbackButton } from "../../updates/callback-button.ts";
import type { CallbackSelection } from "../../updates/callback-selection.ts";
import type { CallStatus } from "../../updates/calls.ts";
import type { FlowCompletion } from "../../updates/flow-completion.ts";
import type { Message, MessageBase } from "../../updates/message.ts";
import type { MessageStatus } from "../../updates/message-status.ts";
import type { TemplateStatusUpdate } from "../../updates/templates.ts";
import type { BaseUserUpdate } from "../../updates/user-update.ts";
import { onCallbackButton, onMessage, onMessageStatus } from "../factories.ts";
import type { Filter } from "../filter.ts";
import { filters } from "./index.ts";

// A filter for a wider type fits a handler for a narrower one (contravariance).
const fromUser: Filter<BaseUserUpdate> = filters.fromUsers("16315551234");
export const onMsg: Filter<Message> = fromUser;
export const onClick: Filter<CallbackButton> = fromUser;
export const onStatus: Filter<MessageStatus> = fromUser;

// Text filters fit every update with text fields.
export const t1: Filter<Message> = filters.startsWith("hi");
export const t2: Filter<CallbackButton> = filters.matches("yes");
export const t3: Filter<CallbackSelection> = filters.regex(/^row-/);
export const t4: Filter<MessageStatus> = filters.contains("campaign");
export const t5: Filter<FlowCompletion> = filters.endsWith("done", { ignoreCase: true });

// Kind filters fit anything.
export const k1: Filter<Message> = filters.message;
export const k2: Filter<TemplateStatusUpdate> = filters.templateStatus;

// Message filters fit messages (incoming and echoed), not other updates.
export const m1: Filter<Message> = filters.text;
export const m2: Filter<MessageBase> = filters.image;
// @ts-expect-error a message filter does not fit a status handler
export const m3: Filter<MessageStatus> = filters.text;
// @ts-expect-error a status filter does not fit a message handler
export const m4: Filter<Message> = filters.read;
// @ts-expect-error a user filter does not fit a template update (it has no user)
export const m5: Filter<TemplateStatusUpdate> = filters.fromUsers("1");

// Tracker filters fit statuses and calls.
export const w1: Filter<MessageStatus> = filters.withTracker;
export const w2: Filter<CallStatus> = filters.withTracker;

// Composition keeps the narrowest type that both sides accept.
export const c1: Filter<Message> = filters.text.and(filters.startsWith("hi", { ignoreCase: true }));
export const c2: Filter<Message> = filters.and(filters.image, filters.not(filters.forwarded));
export const c3: Filter<Message> = filters.message.and(filters.text).or(filters.fromCountries("US"));
export const c4: Filter<MessageStatus> = filters.messageStatus.and(filters.read).and(filters.withTracker);
export const c5: Filter<Message> = filters.or(filters.reply, filters.isCommand, filters.private);
export const c6: Filter<CallbackButton> = filters.callbackButton.and(filters.matches("buy"));

// Filters register on handlers.
export const h1 = onMessage(filters.text.and(filters.fromUsers("+1 555")), async () => {});
export const h2 = onMessageStatus(filters.failedWith(131047), () => {});
export const h3 = onCallbackButton(filters.startsWith("user~"), () => {});
// @ts-expect-error a message filter is refused by a status handler
export const h4 = onMessageStatus(filters.image, () => {});

// Custom filters infer their update type from the handler they are written for.
export const n1: Filter<Message> = filters.new((_wa, m: Message) => m.text === "x");
export const n2: Filter<Message> = filters.new(async (_wa, m: BaseUserUpdate) => m.from.waId === "1");

describe("filter types", () => {
  it("compile (see tsc)", () => {
    expect(onMsg).toBe(fromUser);
  });
});
