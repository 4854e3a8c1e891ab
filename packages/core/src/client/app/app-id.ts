import type { WhatsApp } from "../whatsapp.ts";

/**
 * The Meta app a call acts for: the given one, else the client's `appId` (pywa's
 * `app_id`, needed for resumable uploads and app-level webhook subscriptions).
 * Read loosely, so this works before and after the client gains an `appId` option.
 */
export function resolveAppId(wa: WhatsApp, given: string | undefined, method: string): string {
  const id = given ?? (wa as { readonly appId?: string }).appId;
  if (id === undefined || id === "") {
    throw new TypeError(`${method}: no app id: pass \`appId\` (your Meta app's id) to this call or to new WhatsApp({ … })`);
  }
  return String(id);
}
