import type { SentMessage } from "../sent-message.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { sendEnvelope, type SendOptions } from "./envelope.ts";
import { interactivePayload } from "./interactive.ts";

export interface SendCatalogOptions extends SendOptions {
  body: string;
  footer?: string;
  /** The product (retailer id / SKU) whose image is the message's thumbnail. Default: the first item. */
  thumbnailProductSku?: string;
}

export interface SendProductOptions extends SendOptions {
  catalogId: string;
  /** The product's retailer id. */
  sku: string;
  body?: string;
  footer?: string;
}

/** A titled group of products in a multi-product message. */
export interface ProductsSection {
  title: string;
  /** Retailer ids. */
  skus: string[];
}

export interface SendProductsOptions extends SendOptions {
  catalogId: string;
  productSections: ProductsSection[];
  /** The header text. */
  title: string;
  body: string;
  footer?: string;
}

/** A "View catalog" message (pywa's `send_catalog`). */
export async function sendCatalog(wa: WhatsApp, o: SendCatalogOptions): Promise<SentMessage> {
  const action = {
    name: "catalog_message",
    ...(o.thumbnailProductSku !== undefined
      ? { parameters: { thumbnail_product_retailer_id: o.thumbnailProductSku } }
      : {}),
  };
  return sendEnvelope(wa, o, "interactive", interactivePayload("catalog_message", action, { body: o.body, footer: o.footer }));
}

/** One product of a catalog (pywa's `send_product`). */
export async function sendProduct(wa: WhatsApp, o: SendProductOptions): Promise<SentMessage> {
  const action = { catalog_id: o.catalogId, product_retailer_id: o.sku };
  return sendEnvelope(wa, o, "interactive", interactivePayload("product", action, { body: o.body, footer: o.footer }));
}

/** Several products in sections (pywa's `send_products`, a multi-product message). */
export async function sendProducts(wa: WhatsApp, o: SendProductsOptions): Promise<SentMessage> {
  if (o.productSections.length === 0) throw new TypeError("sendProducts: give at least one product section");
  const action = {
    catalog_id: o.catalogId,
    sections: o.productSections.map((s) => ({
      title: s.title,
      product_items: s.skus.map((sku) => ({ product_retailer_id: sku })),
    })),
  };
  return sendEnvelope(
    wa,
    o,
    "interactive",
    interactivePayload("product_list", action, { header: { type: "text", text: o.title }, body: o.body, footer: o.footer }),
  );
}
