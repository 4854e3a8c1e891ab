import { callOptions, type CallOptions } from "../../graph/request.ts";
import { isObj, str, type Json } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { wabaSegment } from "../business/ids.ts";

/** Meta's limit of template ids per archive or unarchive call. */
const MAX_IDS = 100;

export interface ArchiveTemplatesOptions extends CallOptions {
  /** The templates' ids (at most 100). */
  templateIds: readonly (string | number)[];
  /** Default: the client's `wabaId`. */
  wabaId?: string;
}

export type UnarchiveTemplatesOptions = ArchiveTemplatesOptions;

/** pywa's `ArchiveTemplatesResult`. */
export interface ArchiveTemplatesResult {
  readonly archived: readonly string[];
  /** Template id → Meta's reason, e.g. "Only approved or rejected templates can be archived". */
  readonly failed: Readonly<Record<string, string>>;
  readonly raw: Json;
}

/** pywa's `UnarchiveTemplatesResult`. */
export interface UnarchiveTemplatesResult {
  readonly unarchived: readonly string[];
  readonly failed: Readonly<Record<string, string>>;
  readonly raw: Json;
}

/**
 * pywa's `archive_templates`: `POST https://api.facebook.com/{waba-id}/message_templates/archive`
 * (Meta's other host, no version) with `{ hsm_ids: "1,2" }`. An archived template
 * cannot be sent or edited until it is unarchived; some templates (e.g. pending
 * ones) fail with a reason instead.
 */
export async function archiveTemplates(wa: WhatsApp, o: ArchiveTemplatesOptions): Promise<ArchiveTemplatesResult> {
  const raw = await post(wa, o, "archive", "archiveTemplates");
  return { archived: ids(raw.archived_templates), failed: failures(raw.failed_templates), raw };
}

/** pywa's `unarchive_templates`: `POST https://api.facebook.com/{waba-id}/message_templates/unarchive` with `{ hsm_ids }`. */
export async function unarchiveTemplates(wa: WhatsApp, o: UnarchiveTemplatesOptions): Promise<UnarchiveTemplatesResult> {
  const raw = await post(wa, o, "unarchive", "unarchiveTemplates");
  return { unarchived: ids(raw.unarchived_templates), failed: failures(raw.failed_templates), raw };
}

async function post(wa: WhatsApp, o: ArchiveTemplatesOptions, action: "archive" | "unarchive", method: string): Promise<Json> {
  const waba = wabaSegment(wa, o.wabaId, method);
  return wa.api.request<Json>({
    method: "POST",
    host: "api",
    path: `/${waba}/message_templates/${action}`,
    json: { hsm_ids: hsmIds(o.templateIds, method) },
    ...callOptions(o),
  });
}

/** The ids comma-joined, as pywa sends them: an id holding a comma would split into two. */
function hsmIds(templateIds: ArchiveTemplatesOptions["templateIds"], method: string): string {
  if (!Array.isArray(templateIds) || templateIds.length === 0) {
    throw new TypeError(`${method}: templateIds must be a non-empty array of template ids`);
  }
  if (templateIds.length > MAX_IDS) {
    throw new TypeError(`${method}: at most ${MAX_IDS} template ids per call (got ${templateIds.length}): split them into batches`);
  }
  return templateIds
    .map((id) => {
      const text = typeof id === "string" || typeof id === "number" ? String(id) : "";
      if (!/^[^,\s]+$/.test(text)) throw new TypeError(`${method}: ${JSON.stringify(id)} is not a template id`);
      return text;
    })
    .join(",");
}

function ids(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((id) => typeof id === "string" || typeof id === "number").map(String) : [];
}

/** `{ "<id>": "<reason>" }`; a reason that comes as an object (`{ error }`, `{ message }`) is read too. */
function failures(v: unknown): Record<string, string> {
  if (!isObj(v)) return {};
  const reason = (r: unknown): string => str(r) ?? (isObj(r) ? (str(r.error) ?? str(r.message)) : undefined) ?? JSON.stringify(r);
  return Object.fromEntries(Object.entries(v).map(([id, r]) => [id, reason(r)]));
}
