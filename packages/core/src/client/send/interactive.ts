/**
 * The `interactive` payload every interactive send shares (pywa's
 * `get_interactive_msg`): its `type` and `action`, and the optional header, body
 * and footer, each wrapped the way the Cloud API wants them.
 */

/** An interactive header: text, or a media object as resolved (`{ id }` or `{ link }`, plus a document's filename). */
export type InteractiveHeader =
  | { type: "text"; text: string }
  | { type: "image"; image: Record<string, unknown> }
  | { type: "video"; video: Record<string, unknown> }
  | { type: "document"; document: Record<string, unknown> };

export interface InteractiveParts {
  header?: InteractiveHeader;
  /** Becomes `body.text`. */
  body?: string;
  /** Becomes `footer.text`. */
  footer?: string;
}

export function interactivePayload(
  type: string,
  action: Record<string, unknown>,
  { header, body, footer }: InteractiveParts = {},
): Record<string, unknown> {
  return {
    type,
    action,
    ...(header !== undefined ? { header } : {}),
    ...(body !== undefined ? { body: { text: body } } : {}),
    ...(footer !== undefined ? { footer: { text: footer } } : {}),
  };
}
