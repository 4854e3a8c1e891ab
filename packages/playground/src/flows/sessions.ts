import { randomUUID } from "node:crypto";
import type { ChatContext } from "../chat/context.ts";
import { flowCompleted, UserActionError } from "../chat/user.ts";
import type { FlowEndpointClient } from "./endpoint.ts";

/** A screen for the page to show as a form. */
export interface FlowScreen {
  session: string;
  screen: string;
  data: Record<string, unknown>;
  /** Shown above the form (`data.error_message` of the endpoint's answer). */
  errorMessage?: string;
}

export type FlowStep = { screen: FlowScreen } | { done: true; response: Record<string, unknown> };

interface Session {
  id: string;
  messageId: string;
  token: string;
}

/** The Data API version the playground speaks (what WhatsApp sends for flow_message_version 3). */
const VERSION = "3.0";
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A flow opened from a flow message, as the WhatsApp client runs it without the
 * Flow JSON: `navigate` opens the message's screen with its data, `data_exchange`
 * asks the endpoint (`INIT`). Each submit is a `data_exchange` request; the
 * endpoint's `SUCCESS` closes the flow and leaves the completion message
 * (`nfm_reply`) in the chat. Without an endpoint, a submit completes the flow with
 * what was filled in.
 */
export class FlowSessions {
  readonly #ctx: ChatContext;
  readonly #endpoint: FlowEndpointClient | undefined;
  readonly #sessions = new Map<string, Session>();

  constructor(ctx: ChatContext, endpoint: FlowEndpointClient | undefined) {
    this.#ctx = ctx;
    this.#endpoint = endpoint;
  }

  async open(messageId: string): Promise<FlowStep> {
    const flow = this.#ctx.state.get(messageId)?.bubble.flow;
    if (!flow) throw new UserActionError(`message ${messageId} has no flow button`);
    const session: Session = { id: randomUUID(), messageId, token: flow.token };
    this.#sessions.set(session.id, session);
    if (flow.action === "navigate") return { screen: { session: session.id, screen: flow.screen ?? "FIRST_SCREEN", data: flow.data ?? {} } };
    return this.#exchange(session, { version: VERSION, action: "INIT", flow_token: session.token });
  }

  async submit(sessionId: string, screen: string, data: Record<string, unknown>): Promise<FlowStep> {
    const session = this.#sessions.get(sessionId);
    if (!session) throw new UserActionError("this flow is closed: open it again from its message");
    if (!this.#endpoint) return this.#complete(session, { flow_token: session.token, ...data });
    return this.#exchange(session, { version: VERSION, action: "data_exchange", screen, data, flow_token: session.token });
  }

  async #exchange(session: Session, payload: Record<string, unknown>): Promise<FlowStep> {
    if (!this.#endpoint) {
      throw new UserActionError("this flow needs its endpoint (data_exchange), and the playground has none: pass --flow-endpoint and --flow-public-key");
    }
    const result = await this.#endpoint.exchange(payload);
    this.#ctx.log(`→ flow ${String(payload.action)}${payload.screen ? ` ${String(payload.screen)}` : ""}: ${result.ok ? "200" : result.error}`);
    if (!result.ok) {
      if (result.status === 427) this.#sessions.delete(session.id);
      throw new UserActionError(result.error);
    }
    const { screen, data } = result.response;
    const fields = isObject(data) ? data : {};
    if (screen === "SUCCESS") {
      const ext = isObject(fields.extension_message_response) ? fields.extension_message_response : {};
      const params = isObject(ext.params) ? ext.params : { flow_token: session.token };
      return this.#complete(session, params);
    }
    if (typeof screen !== "string" || !screen) throw new UserActionError(`the flow endpoint answered without a screen: ${JSON.stringify(result.response).slice(0, 200)}`);
    const { error_message: errorMessage, ...rest } = fields;
    return {
      screen: { session: session.id, screen, data: rest, ...(typeof errorMessage === "string" ? { errorMessage } : {}) },
    };
  }

  #complete(session: Session, response: Record<string, unknown>): FlowStep {
    this.#sessions.delete(session.id);
    flowCompleted(this.#ctx, session.messageId, response);
    return { done: true, response };
  }
}
