import { describe, expect, it, vi } from "vitest";
import { WhatsApp } from "@edgewa/core";
import { toFlowRoute } from "@edgewa/vercel";
import { flowKeys, flowRequest, open, rsaKeys, seal } from "../support/flow-crypto.ts";

/**
 * toFlowRoute: a flow data endpoint registered with wa.onFlowRequest, mounted as a
 * route file's POST. Requests are sealed and signed with node:crypto as the WhatsApp
 * client does it; answers are opened the same way.
 */
const SECRET = "flow-secret";
const PATH = "/api/flows/signup";
const URL_ = `https://bot.vercel.app${PATH}`;
const lines: string[] = [];
const logger = { debug() {}, warn: (...a: unknown[]) => void lines.push(a.map(String).join(" ")), error: (...a: unknown[]) => void lines.push(a.map(String).join(" ")) };

function flowBot(): WhatsApp {
  const wa = new WhatsApp({ appSecret: SECRET, businessPrivateKey: flowKeys.privateKey, logger, skipDuplicateUpdates: false });
  wa.onFlowRequest(PATH, (_, req) => {
    if (req.action === "data_exchange") return req.respond({ closeFlow: true, data: { name: req.data?.name } });
    return req.respond({ screen: "SIGN_UP", data: { token: req.flowToken } });
  });
  return wa;
}

describe("toFlowRoute", () => {
  it("INIT and data_exchange round trips: decrypted, handled, encrypted under the flipped IV", async () => {
    const factory = vi.fn(flowBot);
    const { POST } = toFlowRoute(factory, PATH);
    expect(factory).not.toHaveBeenCalled();

    const init = seal({ version: "3.0", action: "INIT", flow_token: "tok-7" });
    const res = await POST(flowRequest(URL_, init, SECRET));
    expect(res.status).toBe(200);
    expect(open(await res.text(), init)).toEqual({ version: "3.0", screen: "SIGN_UP", data: { token: "tok-7" } });

    const submit = seal({ version: "3.0", action: "data_exchange", screen: "SIGN_UP", data: { name: "Dana" }, flow_token: "tok-7" });
    const done = await POST(flowRequest(URL_, submit, SECRET));
    expect(open(await done.text(), submit)).toEqual({
      version: "3.0",
      screen: "SUCCESS",
      data: { extension_message_response: { params: { flow_token: "tok-7", name: "Dana" } } },
    });
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it("answers Meta's health-check ping by itself", async () => {
    const { POST } = toFlowRoute(flowBot(), PATH);
    const ping = seal({ version: "3.0", action: "ping" });
    expect(open(await (await POST(flowRequest(URL_, ping, SECRET))).text(), ping)).toEqual({ data: { status: "active" } });
  });

  it("keeps the core's status codes: 432 unsigned or wrongly signed, 421 for a key it cannot unwrap", async () => {
    const { POST } = toFlowRoute(flowBot(), PATH);
    const sealed = seal({ version: "3.0", action: "INIT" });
    expect((await POST(flowRequest(URL_, sealed, null))).status).toBe(432);
    expect((await POST(flowRequest(URL_, sealed, "other-secret"))).status).toBe(432);
    const { publicKey } = rsaKeys();
    const foreign = seal({ version: "3.0", action: "INIT" }, publicKey);
    expect((await POST(flowRequest(URL_, foreign, SECRET))).status).toBe(421);
  });

  it("a path with no registered endpoint answers 500 and logs why", async () => {
    lines.length = 0;
    const { POST } = toFlowRoute(flowBot(), "/api/flows/other");
    const sealed = seal({ version: "3.0", action: "INIT" });
    const res = await POST(flowRequest(URL_, sealed, SECRET));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("Internal Server Error");
    expect(lines.join("\n")).toMatch(/flow endpoint \/api\/flows\/other failed.*no flow endpoint is registered/s);
  });

  it("exports POST only (Next answers other methods with 405) and wants a path", () => {
    expect(Object.keys(toFlowRoute(flowBot(), PATH))).toEqual(["POST"]);
    expect(() => toFlowRoute(flowBot(), "")).toThrow(/path/);
  });
});
