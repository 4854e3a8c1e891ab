/**
 * The webhook's wire format, as Meta POSTs it: one payload holds entries (one per
 * WhatsApp Business Account), each entry holds changes (one per subscribed field).
 * Values are typed loosely here on purpose: each update class reads its own shape
 * and keeps the untouched JSON on `.raw`.
 */
export interface WebhookPayload {
  object: string;
  entry: WebhookEntry[];
}

export interface WebhookEntry {
  /** The WABA id, or the business portfolio id for `account_update`. */
  id: string;
  /** Seconds since the epoch; template and account updates carry it. */
  time?: number;
  changes: WebhookChange[];
}

export interface WebhookChange<V = any> {
  /** The subscribed webhook field: `messages`, `calls`, `message_template_status_update`, … */
  field: string;
  value: V;
}

/** `value.metadata` on every phone-number scoped change. */
export interface WireMetadata {
  display_phone_number: string;
  phone_number_id: string;
}
