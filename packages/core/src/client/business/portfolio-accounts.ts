import { callOptions, type CallOptions } from "../../graph/request.ts";
import { Page, type PageOptions } from "../../graph/pagination.ts";
import type { Json } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { WABA_FIELDS, toBusinessAccount, type WhatsAppBusinessAccount } from "./account.ts";
import { portfolioSegment } from "./ids.ts";

export interface GetPortfolioBusinessAccountsOptions extends CallOptions, PageOptions {
  // `limit`, `after`, `before`: page size and cursors (pywa's `pagination`).
  /** Default: the client's `businessPortfolioId`. */
  businessPortfolioId?: string;
}

export type GetSharedBusinessAccountsOptions = GetPortfolioBusinessAccountsOptions;
export type GetOwnedBusinessAccountsOptions = GetPortfolioBusinessAccountsOptions;

/**
 * pywa's `get_shared_business_accounts`: `GET /{portfolio-id}/client_whatsapp_business_accounts?fields=…`,
 * the WABAs other businesses shared with this portfolio (e.g. through Embedded Signup).
 */
export async function getSharedBusinessAccounts(
  wa: WhatsApp,
  options: GetSharedBusinessAccountsOptions = {},
): Promise<Page<WhatsAppBusinessAccount>> {
  return list(wa, options, "client_whatsapp_business_accounts", "getSharedBusinessAccounts");
}

/** pywa's `get_owned_business_accounts`: `GET /{portfolio-id}/owned_whatsapp_business_accounts?fields=…`. */
export async function getOwnedBusinessAccounts(
  wa: WhatsApp,
  options: GetOwnedBusinessAccountsOptions = {},
): Promise<Page<WhatsAppBusinessAccount>> {
  return list(wa, options, "owned_whatsapp_business_accounts", "getOwnedBusinessAccounts");
}

async function list(wa: WhatsApp, options: GetPortfolioBusinessAccountsOptions, edge: string, method: string): Promise<Page<WhatsAppBusinessAccount>> {
  const portfolio = portfolioSegment(wa, options.businessPortfolioId, method);
  return Page.fetch(
    wa.api,
    { method: "GET", path: `/${portfolio}/${edge}`, query: { fields: WABA_FIELDS }, ...callOptions(options) },
    (wire: Json) => toBusinessAccount(wire),
    { limit: options.limit, after: options.after, before: options.before },
  );
}
