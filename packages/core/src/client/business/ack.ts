import { callOptions, type CallOptions, type GraphRequest } from "../../graph/request.ts";
import type { ListResponse } from "../../graph/pagination.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";

/** A request without its call options (they come from the method's options object). */
export type BareRequest = Omit<GraphRequest, keyof CallOptions>;

/** A call Meta answers with `{ "success": true }`: pywa's `SuccessResult`. */
export async function ack(wa: WhatsApp, req: BareRequest, options: CallOptions): Promise<SuccessResult> {
  const response = await wa.api.request<{ success?: unknown }>({ ...req, ...callOptions(options) });
  return { success: response.success === true };
}

/** The first item of a `{ data: [...] }` answer (settings-like edges hold exactly one). */
export async function firstItem<W>(wa: WhatsApp, req: BareRequest, options: CallOptions): Promise<W | undefined> {
  const response = await wa.api.request<ListResponse<W>>({ ...req, ...callOptions(options) });
  return response.data?.[0];
}
