import { idStr, num, obj, objects, str } from "./json.ts";

/** One line of an order. */
export interface Product {
  /** `product_retailer_id`. */
  readonly sku: string | undefined;
  readonly quantity: number | undefined;
  /** `item_price`, per unit. */
  readonly price: number | undefined;
  readonly currency: string | undefined;
}

/** `messages[].order`: a cart the user sent from a catalog. */
export interface Order {
  readonly catalogId: string | undefined;
  /** The text the user sent with the order. */
  readonly text: string | undefined;
  readonly products: readonly Product[];
  /** Sum of quantity × price over the products that have both. */
  readonly totalPrice: number;
}

export function parseOrder(v: unknown): Order | undefined {
  const o = obj(v);
  if (!o) return undefined;
  let totalPrice = 0;
  const products = objects(o.product_items).map((p): Product => {
    const quantity = num(p.quantity);
    const price = num(p.item_price);
    if (quantity !== undefined && price !== undefined) totalPrice += quantity * price;
    return { sku: idStr(p.product_retailer_id), quantity, price, currency: str(p.currency) };
  });
  return { catalogId: idStr(o.catalog_id), text: str(o.text), products, totalPrice };
}
