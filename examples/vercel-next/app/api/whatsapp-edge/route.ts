// The same webhook on the Edge runtime: point Meta at https://<your-app>.vercel.app/api/whatsapp-edge
// to try it. It shows that toRoute runs in Edge isolates as it does on Node.js; its store is
// a per-isolate MemoryStore (lib/edge-bot.ts says why not DynamoDB), so for production keep
// /api/whatsapp. Next.js 16 marks Edge as deprecated and warns during the build.
import { toRoute } from "@edgewa/vercel";
import { createEdgeWebhookBot } from "../../../lib/edge-bot.ts";

export const runtime = "edge";

export const { GET, POST } = toRoute(() => createEdgeWebhookBot());
