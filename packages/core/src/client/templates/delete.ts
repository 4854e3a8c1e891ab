import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { wabaSegment } from "../business/ids.ts";

export interface DeleteTemplateOptions extends CallOptions {
  /** By name alone, every language of the template is deleted. */
  templateName?: string;
  /** The template's id (`hsm_id`): with the name, only that language. */
  templateId?: string;
  wabaId?: string;
}

/**
 * pywa's `delete_template`: `DELETE /{waba-id}/message_templates?name=…[&hsm_id=…]`.
 * A name that was approved cannot be used again for 30 days.
 */
export async function deleteTemplate(wa: WhatsApp, o: DeleteTemplateOptions): Promise<SuccessResult> {
  const waba = wabaSegment(wa, o.wabaId, "deleteTemplate");
  if (!o.templateName && !o.templateId) throw new TypeError("deleteTemplate: give templateName and/or templateId");
  const raw = await wa.api.request<{ success?: unknown }>({
    method: "DELETE",
    path: `/${waba}/message_templates`,
    query: { name: o.templateName, hsm_id: o.templateId },
    ...callOptions(o),
  });
  return { success: raw.success === true };
}
