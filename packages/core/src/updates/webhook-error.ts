import { num, obj, str } from "./json.ts";

/**
 * An error Meta reports inside a webhook (`value.errors[]`, `statuses[].errors[]`,
 * `messages[].errors[]`): data about what went wrong, not something thrown.
 */
export interface WebhookError {
  readonly code: number | undefined;
  readonly title: string | undefined;
  readonly message: string | undefined;
  /** `error_data.details`: the human-readable explanation. */
  readonly details: string | undefined;
  readonly href: string | undefined;
}

export function parseWebhookError(v: unknown): WebhookError | undefined {
  const o = obj(v);
  if (!o) return undefined;
  return {
    code: num(o.code),
    title: str(o.title),
    message: str(o.message),
    details: str(obj(o.error_data)?.details),
    href: str(o.href),
  };
}

/** The errors of every list given, most specific (the item's own) first. */
export function parseWebhookErrors(...lists: unknown[]): readonly WebhookError[] {
  const out: WebhookError[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const e of list) {
      const parsed = parseWebhookError(e);
      if (parsed) out.push(parsed);
    }
  }
  return out;
}
