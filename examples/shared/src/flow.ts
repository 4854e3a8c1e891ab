import { filters, type FlowRequest, type WhatsApp } from "@edgewa/core";

/** Where the example serves its flow endpoint (register this URL on the flow in Meta's Flow Builder). */
export const SIGNUP_FLOW_PATH = "/flows/signup";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A signup form as a WhatsApp Flow: /flow sends the flow button; the endpoint
 * gives the first screen (INIT) and checks what was filled in (data_exchange),
 * closing the flow when it is right; the completion message is answered in the chat.
 * Needs the client's `businessPrivateKey`. `flowId` is the flow's id in Meta's
 * Flow Builder (any id in the playground).
 */
export function addSignupFlow(wa: WhatsApp, { flowId }: { flowId: string }): void {
  // Priority: added after createBot's handlers, it must still come before the echo.
  wa.onMessage(
    filters.command("flow"),
    async (_, msg) => {
      await msg.reply("Sign up with a form:", {
        buttons: { type: "flow", title: "Sign up", flowId, flowToken: `signup:${msg.from.waId ?? "user"}`, flowActionType: "data_exchange" },
      });
    },
    { priority: 1 },
  );

  wa.onFlowRequest(SIGNUP_FLOW_PATH, async (_, req: FlowRequest) => {
    if (req.action === "INIT") return req.respond({ screen: "SIGNUP", data: { name: "", email: "" } });
    const name = String(req.data?.name ?? "").trim();
    const email = String(req.data?.email ?? "").trim();
    if (!name || !EMAIL.test(email)) {
      return req.respond({ screen: "SIGNUP", data: { name, email }, errorMessage: "Please give your name and a valid email." });
    }
    return req.respond({ closeFlow: true, data: { name, email } });
  });

  wa.onFlowCompletion(async (_, done) => {
    await done.reply(`Thanks, ${String(done.response.name)}! We'll write to ${String(done.response.email)}.`);
  });
}
