// The signup flow's data endpoint: set https://<your-app>.vercel.app/api/flows/signup
// as the flow's endpoint URL in WhatsApp Manager. Stateless, so it runs on the Edge
// runtime, close to the user (Meta expects an answer within seconds). Next.js 16 marks
// Edge as deprecated and warns during the build: delete the runtime line to run it on
// Node.js instead; nothing else changes.
import { toFlowRoute } from "@edgewa/vercel";
import { SIGNUP_FLOW_PATH, createFlowClient } from "../../../../lib/flows.ts";

export const runtime = "edge";

export const { POST } = toFlowRoute(() => createFlowClient(), SIGNUP_FLOW_PATH);
