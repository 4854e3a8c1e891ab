/**
 * Who a message goes to, as the Cloud API wants it (pywa's `resolve_recipient`):
 * a phone number or WhatsApp id → `to`; a business-scoped user id (BSUID, `US.123…`,
 * or a parent BSUID `US.ENT.123…`) → `recipient`; anything else is a group id.
 */
export interface RecipientFields {
  to?: string;
  recipient?: string;
  recipient_type: "individual" | "group";
}

const BSUID = /^[A-Z]{2}\.\d+$/;
const PARENT_BSUID = /^[A-Z]{2}\.ENT\.\d+$/;
const PHONE = /^\+?[\d\s()\-]+$/;

export function resolveRecipient(to: string | number): RecipientFields {
  const id = String(to).trim();
  if (!id) throw new TypeError("`to` is empty: pass a phone number, a WhatsApp id, a BSUID or a group id");
  if (BSUID.test(id) || PARENT_BSUID.test(id)) return { recipient: id, recipient_type: "individual" };
  if (PHONE.test(id) && /\d/.test(id)) return { to: id, recipient_type: "individual" };
  return { to: id, recipient_type: "group" };
}
