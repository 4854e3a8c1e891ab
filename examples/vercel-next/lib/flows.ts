import { WhatsApp, type FlowRequest, type FlowResponse } from "@edgewa/core";
import type { Env } from "./store.ts";

/** Where the signup flow's data endpoint lives: the route file app/api/flows/signup/route.ts. */
export const SIGNUP_FLOW_PATH = "/api/flows/signup";

/**
 * The signup flow's data endpoint: INIT opens the SIGN_UP screen; submitting it with
 * a name closes the flow, and the name comes back to the webhook in the completion
 * message (`extension_message_response.params`, a FlowCompletion update).
 */
export function signupFlow(_wa: WhatsApp, req: FlowRequest): FlowResponse {
  if (req.action === "data_exchange" && req.screen === "SIGN_UP") {
    const name = typeof req.data?.name === "string" ? req.data.name.trim() : "";
    if (!name) return req.respond({ screen: "SIGN_UP", errorMessage: "Please tell us your name." });
    return req.respond({ closeFlow: true, data: { name } });
  }
  return req.respond({ screen: "SIGN_UP", data: { greeting: "Welcome! What's your name?" } });
}

/**
 * A client for the flow endpoint alone. It keeps no state (each request is decrypted,
 * answered and encrypted), so it runs on the Edge runtime with the default store.
 *
 *   WHATSAPP_PRIVATE_KEY             the private key (PEM) whose public half is uploaded to Meta;
 *                                    "\n" escapes are turned into newlines (one-line env values)
 *   WHATSAPP_PRIVATE_KEY_PASSWORD    optional: its password
 *   WHATSAPP_APP_SECRET              requests must carry a valid X-Hub-Signature-256 (else 432)
 */
export function createFlowClient(env: Env = process.env): WhatsApp {
  const wa = new WhatsApp({
    phoneId: env.WHATSAPP_PHONE_ID,
    token: env.WHATSAPP_TOKEN,
    appSecret: env.WHATSAPP_APP_SECRET,
    graphUrl: env.WHATSAPP_GRAPH_URL || undefined,
    businessPrivateKey: env.WHATSAPP_PRIVATE_KEY?.replace(/\\n/g, "\n"),
    businessPrivateKeyPassword: env.WHATSAPP_PRIVATE_KEY_PASSWORD,
    skipDuplicateUpdates: false, // no webhooks arrive here
  });
  wa.onFlowRequest(SIGNUP_FLOW_PATH, signupFlow);
  return wa;
}
