import { nonEmpty, obj, str } from "./json.ts";

/** The catalog product a user asked about ("Message business" on a product). */
export interface ReferredProduct {
  readonly catalogId: string | undefined;
  /** `product_retailer_id`. */
  readonly sku: string | undefined;
}

/** The message an update answers (`messages[].context`). */
export interface ReplyToMessage {
  /** `context.id`: the wamid of the message replied to. */
  readonly messageId: string;
  /** `context.from`: who sent that message (the business number, for replies to the bot). */
  readonly fromUserId: string | undefined;
  readonly referredProduct: ReferredProduct | undefined;
}

/** A context is a reply only when it names a message; forwards carry a context without one. */
export function parseReplyTo(context: unknown): ReplyToMessage | undefined {
  const c = obj(context);
  const messageId = nonEmpty(c?.id);
  if (!c || messageId === undefined) return undefined;
  const product = obj(c.referred_product);
  return {
    messageId,
    fromUserId: str(c.from),
    referredProduct: product
      ? { catalogId: str(product.catalog_id), sku: str(product.product_retailer_id) }
      : undefined,
  };
}
