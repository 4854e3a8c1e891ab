// @edgewa/vercel: an edgewa client on Vercel. Next.js App Router route handlers (Node.js
// and Edge runtimes), plain Vercel functions, Pages Router API routes, flow endpoints.
// No node:* imports: the Node request/response of the Pages Router are taken structurally.
export { toRoute, toFunction, type WebhookRoute } from "./route.ts";
export { toFlowRoute } from "./flow.ts";
export {
  toPagesApi,
  toPagesFlowApi,
  toNodeHandler,
  toWebRequest,
  sendWebResponse,
  BodyAlreadyParsedError,
  type NodeHandler,
  type NodeRequestLike,
  type NodeResponseLike,
} from "./pages.ts";
export { vercelWaitUntil, resolveWaitUntil, type WaitUntil, type WaitUntilOption } from "./wait-until.ts";
export type { FetchHandler, VercelOptions } from "./serve.ts";
export { clientResolver, type ClientSource } from "./client.ts";
