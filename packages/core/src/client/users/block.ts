import { callOptions, type CallOptions } from "../../graph/request.ts";
import { WhatsAppError } from "../../graph/errors.ts";
import { isObj, type Json } from "../../updates/json.ts";
import { phoneSegment } from "../business/ids.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { readOutcome, type BlockUsersResult, type UnblockUsersResult } from "./types.ts";

export interface BlockUsersOptions extends CallOptions {
  /** Phone numbers, WhatsApp ids or BSUIDs (up to 1,000). Only users who wrote in the last 24 h can be blocked. */
  users: readonly (string | number)[];
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `block_users`: `POST /{phone-id}/block_users`. Meta blocks user by user:
 * some may fail while others succeed. Such a partial answer is returned, not
 * thrown: check `failed` (each with a typed error) and `added`.
 */
export async function blockUsers(wa: WhatsApp, options: BlockUsersOptions): Promise<BlockUsersResult> {
  const { body, error } = await blockCall(wa, "POST", options, "blockUsers");
  const outcome = readOutcome(body, "added_users");
  return { added: outcome.done, failed: outcome.failed, error: error ?? outcome.error, raw: body };
}

export type UnblockUsersOptions = BlockUsersOptions;

/** pywa's `unblock_users`: `DELETE /{phone-id}/block_users` with the same body; partial answers are returned like `blockUsers`'. */
export async function unblockUsers(wa: WhatsApp, options: UnblockUsersOptions): Promise<UnblockUsersResult> {
  const { body, error } = await blockCall(wa, "DELETE", options, "unblockUsers");
  const outcome = readOutcome(body, "removed_users");
  return { removed: outcome.done, failed: outcome.failed, error: error ?? outcome.error, raw: body };
}

const BSUID = /^[A-Z]{2}\.(?:ENT\.)?\d+$/;

/** pywa's `resolve_users`: a BSUID goes as `user_id`, a phone number or WhatsApp id as `user`. */
function userEntries(users: readonly (string | number)[], method: string): Json[] {
  if (!Array.isArray(users) || users.length === 0) throw new TypeError(`${method}: users is empty`);
  return users.map((u) => {
    const id = String(u).trim();
    if (!id) throw new TypeError(`${method}: a user is empty`);
    return BSUID.test(id) ? { user_id: id } : { user: id };
  });
}

/**
 * The call, and its answer even when Meta reports a partial failure as an HTTP
 * error (code 139100 next to the per-user lists): that error is returned with
 * the body instead of thrown. Any other error is thrown.
 */
async function blockCall(
  wa: WhatsApp,
  method: "POST" | "DELETE",
  options: BlockUsersOptions,
  name: string,
): Promise<{ body: Json; error: WhatsAppError | undefined }> {
  const phone = phoneSegment(wa, options.phoneId, name);
  const json = { messaging_product: "whatsapp", block_users: userEntries(options.users, name) };
  try {
    return { body: await wa.api.request<Json>({ method, path: `/${phone}/block_users`, json, ...callOptions(options) }), error: undefined };
  } catch (error) {
    const body = error instanceof WhatsAppError ? responseBodyOf(error) : undefined;
    if (!body || !isObj(body.block_users)) throw error;
    return { body, error: error as WhatsAppError };
  }
}

/**
 * The whole JSON body of the response that carried `error`, when the transport
 * kept it (`responseBody`): where Meta puts results next to an error.
 */
function responseBodyOf(error: WhatsAppError): Json | undefined {
  const body = (error as { readonly responseBody?: unknown }).responseBody;
  return isObj(body) ? body : undefined;
}
