/** The plain-text responses the webhook and the flow endpoints give. Meta reads only the status. */
export interface WebhookResult {
  status: number;
  body: string;
}

export const RESULTS = {
  ok: { status: 200, body: "OK" },
  badRequest: { status: 400, body: "Bad Request" },
  unauthorized: { status: 401, body: "Unauthorized" },
  forbidden: { status: 403, body: "Forbidden" },
  notFound: { status: 404, body: "Not Found" },
  methodNotAllowed: { status: 405, body: "Method Not Allowed" },
  tooLarge: { status: 413, body: "Payload Too Large" },
  internalError: { status: 500, body: "Internal Server Error" },
  // A redelivery of an update that another invocation is still handling: ask Meta to
  // come back later rather than acknowledge work that may yet fail.
  busy: { status: 503, body: "Busy: this update is being handled, retry later" },
  // Flow endpoints only (Meta's flow error codes): the client re-fetches the public
  // key after a 421; a 432 is a request signature that does not verify.
  cannotDecrypt: { status: 421, body: "Decryption failed" },
  signatureFailed: { status: 432, body: "Signature authentication failed" },
} satisfies Record<string, WebhookResult>;

export function toResponse(result: WebhookResult, headers?: Record<string, string>): Response {
  return new Response(result.body, {
    status: result.status,
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", ...headers },
  });
}
