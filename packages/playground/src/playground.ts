import type { Server } from "node:http";
import { BotSide } from "./chat/bot.ts";
import type { ChatContext } from "./chat/context.ts";
import { ChatState } from "./chat/state.ts";
import { TemplateBook, type TemplateDefinition } from "./chat/templates.ts";
import { FlowEndpointClient } from "./flows/endpoint.ts";
import { FlowSessions } from "./flows/sessions.ts";
import { startGraphServer } from "./graph/index.ts";
import type { GraphServer } from "./graph/types.ts";
import { startPageServer } from "./http/server.ts";
import type { Parties } from "./webhook/payloads.ts";
import { WebhookSender } from "./webhook/sender.ts";

export interface PlaygroundOptions {
  /** The bot's webhook URL (what you would register with Meta). */
  webhookUrl: string;
  /** Signs every webhook (and flow request) as Meta does. */
  appSecret?: string;
  /** The business phone number id the bot serves. Default "1234567890". */
  phoneId?: string;
  /** The WhatsApp Business account id in `entry[].id`. Default "102290129340398". */
  wabaId?: string;
  /** Default "15550001111". */
  displayPhoneNumber?: string;
  /** The user of the chat. Default: wa_id "15551234567", "Local User". */
  user?: { waId?: string; name?: string };
  /** The chat's title. Default "Bot". */
  botName?: string;
  /** The chat page's port on 127.0.0.1. Default: a free one. */
  port?: number;
  /** The Graph API server's port on 127.0.0.1. Default: a free one. */
  graphPort?: number;
  /** When set, the Graph server wants this access token (else any token passes). */
  token?: string;
  /** The bot's flow endpoint and the public key of its business key pair. */
  flows?: { endpoint: string; publicKey: string };
  /** Template definitions, to render sent templates (`hello_world` is built in). */
  templates?: TemplateDefinition[];
  /** One line per event (webhooks, Graph calls). Default: none. */
  log?: (line: string) => void;
  /** For the webhook and flow requests. Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface Playground {
  /** The chat page, e.g. "http://127.0.0.1:8790". */
  url: string;
  /** The Graph API server: the bot's `graphUrl`. */
  graphUrl: string;
  graph: GraphServer;
  state: ChatState;
  /** Meta's subscription check (GET with `hub.challenge`) against the webhook. */
  verifyWebhook(verifyToken: string): Promise<{ ok: boolean; error?: string }>;
  close(): Promise<void>;
}

/**
 * A local stand-in for WhatsApp: a Graph API server for the bot to call, a webhook
 * sender that posts to the bot what Meta would, and a chat page for the user.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const parties: Parties = {
    wabaId: options.wabaId ?? "102290129340398",
    phoneId: options.phoneId ?? "1234567890",
    displayPhoneNumber: options.displayPhoneNumber ?? "15550001111",
    user: { waId: options.user?.waId ?? "15551234567", name: options.user?.name ?? "Local User" },
  };
  const sender = new WebhookSender({ url: options.webhookUrl, ...(options.appSecret !== undefined ? { appSecret: options.appSecret } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
  let bot: BotSide | undefined;
  const graph = await startGraphServer({
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.graphPort !== undefined ? { port: options.graphPort } : {}),
    keepBytesUnder: 64 * 1024 * 1024,
    maxRecorded: 200,
    onRequest: (request) => bot?.observe(request),
  });

  const state = new ChatState({
    botName: options.botName ?? "Bot",
    userName: parties.user.name,
    userWaId: parties.user.waId,
    displayPhoneNumber: parties.displayPhoneNumber,
    webhookUrl: options.webhookUrl,
    graphUrl: graph.url,
    ...(options.flows ? { flowEndpoint: options.flows.endpoint } : {}),
  });
  const ctx: ChatContext = { state, parties, sender, templates: new TemplateBook(options.templates), log: options.log ?? (() => {}) };
  bot = new BotSide(ctx);
  const endpoint = options.flows
    ? new FlowEndpointClient({
        url: options.flows.endpoint,
        publicKey: options.flows.publicKey,
        ...(options.appSecret !== undefined ? { appSecret: options.appSecret } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
    : undefined;
  const flows = new FlowSessions(ctx, endpoint);

  let page: { server: Server; url: string };
  try {
    page = await startPageServer({ ctx, bot, flows, graph }, { port: options.port ?? 0 });
  } catch (error) {
    await graph.close();
    throw error;
  }

  return {
    url: page.url,
    graphUrl: graph.url,
    graph,
    state,
    verifyWebhook: (verifyToken) => sender.verify(verifyToken),
    async close() {
      state.close();
      page.server.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => page.server.close(() => resolve())), graph.close()]);
    },
  };
}
