/**
 * A `fetch` for running the example without a Meta account: it logs each Graph API
 * request it is given and answers as the Cloud API would, so the bot's code is
 * exactly what runs in production. (The playground will replace it with a full
 * local stand-in for WhatsApp.)
 */
let counter = 0;

export const dryRunFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
  console.log(`[dry run] ${init?.method ?? "GET"} ${url.pathname}${body ? ` ${JSON.stringify(body)}` : ""}`);
  if (body?.status === "read") return Response.json({ success: true });
  if (url.pathname.endsWith("/messages")) {
    const to = String(body?.to ?? body?.recipient ?? "");
    return Response.json({
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: to.replace(/\D/g, "") }],
      messages: [{ id: `wamid.dryrun.${++counter}` }],
    });
  }
  if (url.pathname.endsWith("/media")) return Response.json({ id: String(1_000_000 + ++counter) });
  return Response.json({ success: true });
};
