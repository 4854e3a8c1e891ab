import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { segment } from "../business/ids.ts";

export interface UnpauseTemplateOptions extends CallOptions {
  templateId: string;
}

/** pywa's `TemplateUnpauseResult`. */
export interface TemplateUnpauseResult {
  readonly success: boolean;
  /** Why it could not be unpaused. */
  readonly reason: string | undefined;
}

/**
 * pywa's `unpause_template`: `POST /{template-id}/unpause`, for a template paused
 * by pacing (at least 5 minutes after the pause).
 */
export async function unpauseTemplate(wa: WhatsApp, o: UnpauseTemplateOptions): Promise<TemplateUnpauseResult> {
  const raw = await wa.api.request<{ success?: unknown; reason?: unknown }>({
    method: "POST",
    path: `/${segment(o.templateId, "templateId", "unpauseTemplate")}/unpause`,
    ...callOptions(o),
  });
  return { success: raw.success === true, reason: typeof raw.reason === "string" ? raw.reason : undefined };
}
