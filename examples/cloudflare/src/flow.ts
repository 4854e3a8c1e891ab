import { KvStore } from "@edgewa/cloudflare";
import type { FlowRequestCallback, WhatsApp } from "@edgewa/core";
import type { Env } from "./env.ts";

/** Saved profiles live for 30 days. */
const PROFILE_TTL_MS = 30 * 24 * 3600_000;

/**
 * The signup flow's data endpoint: INIT opens the SIGN_UP screen; its
 * data_exchange checks the age, saves the profile in KV under the flow token, and
 * closes the flow (the completion message carries the name). KV is fine here: one
 * writer per flow token, and last write wins is what a re-submitted form wants.
 */
export function signupFlow(env: Env): FlowRequestCallback {
  const profiles = new KvStore(env.KV, { prefix: "profile:" });
  return async (_wa, req) => {
    if (req.action === "INIT") return req.respond({ screen: "SIGN_UP", data: { name: "", age: "" } });
    const name = String(req.data?.["name"] ?? "").trim();
    const age = String(req.data?.["age"] ?? "").trim();
    if (name === "" || !/^\d{1,3}$/.test(age)) {
      return req.respond({ screen: "SIGN_UP", data: { name, age }, errorMessage: "Please give a name and an age in digits" });
    }
    if (req.flowToken !== undefined) await profiles.set(req.flowToken, { name, age: Number(age) }, { ttlMs: PROFILE_TTL_MS });
    return req.respond({ closeFlow: true, data: { name } });
  };
}

/** Serves the signup flow on /flows/signup when a private key (WHATSAPP_PRIVATE_KEY) is configured. */
export function registerSignupFlow(wa: WhatsApp, env: Env): void {
  if (env.WHATSAPP_PRIVATE_KEY) wa.onFlowRequest("/flows/signup", signupFlow(env));
}
