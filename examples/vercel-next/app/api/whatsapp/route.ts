// The webhook: point Meta at https://<your-app>.vercel.app/api/whatsapp.
// GET answers the verification challenge, POST takes signed updates; on Vercel the
// 200 goes back first and the handlers run after it (waitUntil, up to maxDuration).
import { toRoute } from "@edgewa/vercel";
import { createWebhookBot } from "../../../lib/bot.ts";

// Node.js, not Edge: the DynamoDB store uses the AWS SDK. (A bot with another store can
// run on the Edge runtime unchanged.)
export const runtime = "nodejs";
export const maxDuration = 60;

export const { GET, POST } = toRoute(() => createWebhookBot());
