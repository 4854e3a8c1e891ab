// @edgewa/playground: a local stand-in for WhatsApp (Graph API server, webhook
// sender, browser chat) for any edgewa bot.
export { startPlayground, type Playground, type PlaygroundOptions } from "./playground.ts";
export { startGraphServer } from "./graph/index.ts";
export type { GraphErrorSpec, GraphServer, GraphServerOptions, MediaInfo, OnceAnswer, RecordedRequest, RequestMatch } from "./graph/index.ts";
export type { TemplateDefinition } from "./chat/templates.ts";
export type { Bubble, ChatInfo, ChatItem } from "./chat/types.ts";
export { hubSignature } from "./webhook/sign.ts";
export { openFlowResponse, sealFlowRequest } from "./flows/crypto.ts";
