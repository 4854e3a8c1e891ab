import { callOptions, type CallOptions } from "../../graph/request.ts";
import { Page, type PageOptions } from "../../graph/pagination.ts";
import type { Json } from "../../updates/json.ts";
import { segment, wabaSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { SIGNUP_FIELDS, SignupDetails } from "./details.ts";

export interface GetSignupOptions extends CallOptions {
  signupId: string;
}

/** pywa's `get_signup`: `GET /signups/{signup-id}` (a signup is addressed under `signups/`, not as a bare node). */
export async function getSignup(wa: WhatsApp, options: GetSignupOptions): Promise<SignupDetails> {
  const id = segment(options.signupId, "signupId", "getSignup");
  const wire = await wa.api.request<Json>({ method: "GET", path: `/signups/${id}`, ...callOptions(options) });
  return new SignupDetails(wa, wire);
}

export interface GetSignupsOptions extends CallOptions, PageOptions {
  // `limit`, `after`, `before`: page size and cursors (pywa's `pagination`).
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

/** pywa's `get_signups`: `GET /{waba-id}/signups?fields=id,waba_id,status,…`, one `Page` at a time. */
export async function getSignups(wa: WhatsApp, options: GetSignupsOptions = {}): Promise<Page<SignupDetails>> {
  const waba = wabaSegment(wa, options.wabaId, "getSignups");
  return Page.fetch(
    wa.api,
    { method: "GET", path: `/${waba}/signups`, query: { fields: [...SIGNUP_FIELDS] }, ...callOptions(options) },
    (wire: Json) => new SignupDetails(wa, wire),
    { limit: options.limit, after: options.after, before: options.before },
  );
}
