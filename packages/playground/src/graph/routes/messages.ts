import { invalidParameter, missingParameter } from "../errors.ts";
import { newWamid } from "../ids.ts";
import type { Reply, RouteContext, RouteDef } from "../types.ts";
import { isObject, ok } from "./util.ts";

/** BSUID / parent BSUID: "US.13491208655302741918", "US.ENT.11815799212886844830". */
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?\d+$/;

/**
 * `POST /{phone-id}/messages`: sends (minimal envelope validation, Meta's response
 * shape), mark-as-read and typing indicators (`status: "read"`).
 */
function postMessage(ctx: RouteContext): Reply {
  const trace = ctx.fbtraceId;
  const body = ctx.request.body;
  if (!isObject(body) || body.messaging_product === undefined) return missingParameter("messaging_product", trace);
  if (body.messaging_product !== "whatsapp") {
    return invalidParameter(`Param messaging_product must be one of {WHATSAPP} - got ${JSON.stringify(body.messaging_product)}.`, trace);
  }

  if (body.status !== undefined) {
    if (body.status !== "read") return invalidParameter(`Param status must be one of {READ} - got ${JSON.stringify(body.status)}.`, trace);
    if (typeof body.message_id !== "string" || body.message_id === "") return missingParameter("message_id", trace);
    return ok({ success: true });
  }

  const type = body.type;
  if (typeof type !== "string" || type === "") return missingParameter("type", trace);

  const to = typeof body.to === "string" || typeof body.to === "number" ? String(body.to) : undefined;
  const recipient = typeof body.recipient === "string" ? body.recipient : undefined;
  if (!to && !recipient) {
    return missingParameter("to", trace, "Either 'to' (phone number, WA ID or group ID) or 'recipient' (BSUID) is required.");
  }
  // The payload is named by the type; for `contacts` it is an array of cards.
  const payload = body[type];
  const present = type === "contacts" ? Array.isArray(payload) && payload.length > 0 : isObject(payload);
  if (!present) return missingParameter(type, trace, `The parameter ${type} is required for a message of type '${type}'.`);

  const input = recipient ?? to!;
  let contact: Record<string, string>;
  if (recipient !== undefined || BSUID.test(input)) contact = { input, user_id: input };
  else if (body.recipient_type === "group") contact = { input, wa_id: input };
  else contact = { input, wa_id: input.replace(/\D/g, "") || input };

  const message: Record<string, string> = { id: newWamid(input) };
  if (type === "template") message.message_status = "accepted";
  return ok({ messaging_product: "whatsapp", contacts: [contact], messages: [message] });
}

export const messageRoutes: RouteDef[] = [{ method: "POST", path: "/:phoneId/messages", handle: postMessage }];
