// @edgewa/core: the public surface. Everything here runs on any platform with
// fetch and Web Crypto; adapters (@edgewa/cloudflare, /lambda, /vercel) add the rest.
export { WhatsApp, DEFAULT_API_VERSION, DEFAULT_GRAPH_URL } from "./client/whatsapp.ts";
export type { WhatsAppOptions } from "./client/options.ts";
export type { Logger } from "./client/log.ts";

export * from "./updates/index.ts";
export type { UpdateKind, UpdateKinds, AnyUpdate, TypedUpdate } from "./updates/kinds.ts";
export type { WebhookPayload, WebhookEntry, WebhookChange } from "./webhook/payload.ts";
export type { UpdateErrorInfo, ReceiveOptions } from "./webhook/receive.ts";
export type { WebhookResult } from "./webhook/responses.ts";
export { signBody, importAppSecret } from "./webhook/signature.ts";

export { Filter, and, or, not, newFilter, type FilterFn, type FilterResult } from "./handlers/filter.ts";
export { filters } from "./handlers/filters/index.ts";
export { StopHandling, ContinueHandling } from "./handlers/control.ts";
export type { Handler, HandlerCallback, HandlerOptions, OnUpdate } from "./handlers/handler.ts";
export * from "./handlers/factories.ts";
export * from "./callback-data/index.ts";

export * from "./store/index.ts";

export { SentMessage, type SendResponse } from "./client/sent-message.ts";
export * from "./client/send/index.ts";
export * from "./client/media/index.ts";
export * from "./graph/errors.ts";
export { GraphApi, type CallOptions, type GraphRequest, type QueryValue } from "./graph/request.ts";
export type { RetryOptions } from "./graph/retry.ts";

export { ListenerTimeout, ListenerCanceled, ListenerStopped } from "./listen/errors.ts";
export type { ListenOptions, WaitOptions, WaitFilter } from "./listen/wait.ts";
export type { ListenerOptions } from "./listen/context.ts";

export * from "./flows/index.ts";
export { Page, type PageOptions, type ListResponse } from "./graph/pagination.ts";

export * from "./client/business/index.ts";
export * from "./client/phone-numbers/index.ts";
export * from "./client/users/index.ts";
export * from "./client/qr-codes/index.ts";
export * from "./client/usernames/index.ts";
export * from "./client/signups/index.ts";
export * from "./client/groups/index.ts";
export * from "./client/commerce/index.ts";
export * from "./client/calls/index.ts";
export * from "./client/app/index.ts";
export * from "./client/uploads/index.ts";
export * from "./client/templates/index.ts";
export * from "./templates/index.ts";
export * from "./client/flows/index.ts";
export * from "./flows/json/index.ts";
