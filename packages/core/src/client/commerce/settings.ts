import type { CallOptions } from "../../graph/request.ts";
import { bool, idStr, type Json } from "../../updates/json.ts";
import { ack, firstItem } from "../business/ack.ts";
import { phoneSegment } from "../business/ids.ts";
import type { SuccessResult } from "../results.ts";
import type { WhatsApp } from "../whatsapp.ts";

/** A number's commerce settings (pywa's `CommerceSettings`). */
export interface CommerceSettings {
  /** The catalog connected to the number. */
  catalogId: string | undefined;
  /** Whether the catalog (storefront icon) is shown in the chat. */
  isCatalogVisible: boolean;
  /** Whether users can add products to a cart. */
  isCartEnabled: boolean;
  /** The settings object's own id. */
  id: string | undefined;
  raw: Json;
}

export interface GetCommerceSettingsOptions extends CallOptions {
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `get_commerce_settings`: `GET /{phone-id}/whatsapp_commerce_settings?fields=…` (its `data[0]`). */
export async function getCommerceSettings(wa: WhatsApp, options: GetCommerceSettingsOptions = {}): Promise<CommerceSettings> {
  const phone = phoneSegment(wa, options.phoneId, "getCommerceSettings");
  const w =
    (await firstItem<Json>(
      wa,
      { method: "GET", path: `/${phone}/whatsapp_commerce_settings`, query: { fields: ["catalog_id", "is_catalog_visible", "is_cart_enabled"] } },
      options,
    )) ?? {};
  return {
    catalogId: idStr(w.catalog_id),
    isCatalogVisible: bool(w.is_catalog_visible) ?? false,
    isCartEnabled: bool(w.is_cart_enabled) ?? false,
    id: idStr(w.id),
    raw: w,
  };
}

export interface UpdateCommerceSettingsOptions extends CallOptions {
  isCatalogVisible?: boolean;
  isCartEnabled?: boolean;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `update_commerce_settings`: `POST /{phone-id}/whatsapp_commerce_settings?is_cart_enabled=…&is_catalog_visible=…` (no body). */
export async function updateCommerceSettings(wa: WhatsApp, options: UpdateCommerceSettingsOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "updateCommerceSettings");
  if (options.isCatalogVisible === undefined && options.isCartEnabled === undefined) {
    throw new TypeError("updateCommerceSettings: pass isCatalogVisible and/or isCartEnabled");
  }
  return ack(
    wa,
    { method: "POST", path: `/${phone}/whatsapp_commerce_settings`, query: { is_cart_enabled: options.isCartEnabled, is_catalog_visible: options.isCatalogVisible } },
    options,
  );
}
