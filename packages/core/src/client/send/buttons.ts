/**
 * The `buttons` of an interactive message, as plain typed objects, and how each
 * becomes the Cloud API's `interactive.type` + `action` (pywa's button classes).
 */

/** A reply button (up to 3 per message). `callbackData` comes back as `CallbackButton.data`. */
export interface ReplyButton {
  title: string;
  callbackData: string;
}

/** A call-to-action button that opens a URL. */
export interface UrlButton {
  type: "url";
  title: string;
  url: string;
}

export interface SectionRow {
  title: string;
  callbackData: string;
  description?: string;
}

export interface Section {
  title: string;
  rows: SectionRow[];
}

/** A list message: a button that opens sections of rows. Picks come back as `CallbackSelection`. */
export interface SectionList {
  type: "list";
  buttonTitle: string;
  sections: Section[];
}

/** Opens a WhatsApp Flow. Give `flowId` or `flowName`. */
export interface FlowButton {
  type: "flow";
  title: string;
  flowId?: string;
  flowName?: string;
  flowToken?: string;
  /** `navigate` opens `flowActionScreen` with `flowActionPayload`; `data_exchange` asks your endpoint. */
  flowActionType?: "navigate" | "data_exchange";
  flowActionScreen?: string;
  flowActionPayload?: Record<string, unknown>;
  flowMessageVersion?: string;
  mode?: "published" | "draft";
}

/** Lets the user call the business. */
export interface VoiceCallButton {
  type: "voiceCall";
  title?: string;
  ttlMinutes?: number;
}

/** Asks the user for permission to call them. */
export interface CallPermissionRequestButton {
  type: "callPermissionRequest";
}

export type Buttons = ReplyButton[] | UrlButton | SectionList | FlowButton | VoiceCallButton | CallPermissionRequestButton;

export interface InteractiveAction {
  type: string;
  action: Record<string, unknown>;
}

export function toInteractiveAction(buttons: Buttons): InteractiveAction {
  if (Array.isArray(buttons)) {
    if (buttons.length === 0 || buttons.length > 3) {
      throw new RangeError(`Reply buttons: between 1 and 3 are allowed, got ${buttons.length}`);
    }
    return {
      type: "button",
      action: { buttons: buttons.map((b) => ({ type: "reply", reply: { id: b.callbackData, title: b.title } })) },
    };
  }
  switch (buttons.type) {
    case "url":
      return { type: "cta_url", action: { name: "cta_url", parameters: { display_text: buttons.title, url: buttons.url } } };
    case "list":
      return {
        type: "list",
        action: {
          button: buttons.buttonTitle,
          sections: buttons.sections.map((s) => ({
            title: s.title,
            rows: s.rows.map((r) => ({ id: r.callbackData, title: r.title, ...(r.description !== undefined ? { description: r.description } : {}) })),
          })),
        },
      };
    case "flow":
      return { type: "flow", action: { name: "flow", parameters: flowParameters(buttons) } };
    case "voiceCall":
      return {
        type: "voice_call",
        action: {
          name: "voice_call",
          parameters: {
            ...(buttons.title !== undefined ? { display_text: buttons.title } : {}),
            ...(buttons.ttlMinutes !== undefined ? { ttl_minutes: buttons.ttlMinutes } : {}),
          },
        },
      };
    case "callPermissionRequest":
      return { type: "call_permission_request", action: { name: "call_permission_request" } };
    default:
      throw new TypeError(`Unknown buttons: ${JSON.stringify(buttons)}`);
  }
}

function flowParameters(b: FlowButton): Record<string, unknown> {
  if ((b.flowId === undefined) === (b.flowName === undefined)) {
    throw new TypeError("FlowButton: give exactly one of flowId and flowName");
  }
  if (b.flowActionType === "navigate" && !b.flowActionScreen) {
    throw new TypeError("FlowButton: flowActionType 'navigate' needs flowActionScreen");
  }
  return {
    mode: b.mode ?? "published",
    flow_message_version: b.flowMessageVersion ?? "3",
    flow_token: b.flowToken ?? null,
    ...(b.flowId !== undefined ? { flow_id: b.flowId } : { flow_name: b.flowName }),
    flow_cta: b.title,
    ...(b.flowActionType ? { flow_action: b.flowActionType } : {}),
    ...(b.flowActionType === "navigate"
      ? { flow_action_payload: { screen: b.flowActionScreen, ...(b.flowActionPayload ? { data: b.flowActionPayload } : {}) } }
      : {}),
  };
}
