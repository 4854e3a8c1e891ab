import { describe, expect, it } from "vitest";
import { InvalidParameter, WhatsAppError } from "@edgewa/core";
import { createQrCode, deleteQrCode, getQrCode, getQrCodes, updateQrCode } from "../packages/core/src/client/qr-codes/index.ts";
import { PHONE_ID, TOKEN, graphSuite } from "./support/graph-suite.ts";

/** QR codes (prefilled-message deep links): every call's request and its model. */
const QRDLS = `/v25.0/${PHONE_ID}/message_qrdls`;

const { server, client, sent } = graphSuite();

const wire = (code: string, image?: string) => ({
  code,
  prefilled_message: `Hi ${code}`,
  deep_link_url: `https://wa.me/message/${code}`,
  ...(image ? { qr_image_url: image } : {}),
});

describe("createQrCode", () => {
  it("POST /{phone-id}/message_qrdls {prefilled_message, generate_qr_image: PNG} by default", async () => {
    server.respondOnce({ method: "POST", path: QRDLS }, { status: 200, json: wire("ANED2T5QRU7HG1", "https://scontent.example/qr.png") });
    const qr = await createQrCode(client(), { prefilledMessage: "Cyber Monday" });
    expect(sent()).toEqual({ method: "POST", path: QRDLS, query: {}, body: { prefilled_message: "Cyber Monday", generate_qr_image: "PNG" } });
    expect(qr).toEqual({
      code: "ANED2T5QRU7HG1",
      prefilledMessage: "Hi ANED2T5QRU7HG1",
      deepLinkUrl: "https://wa.me/message/ANED2T5QRU7HG1",
      qrImageUrl: "https://scontent.example/qr.png",
      raw: wire("ANED2T5QRU7HG1", "https://scontent.example/qr.png"),
    });
  });

  it("SVG on request; any other image type or an empty message is refused before any request", async () => {
    server.respondOnce({ method: "POST", path: QRDLS }, { status: 200, json: wire("C1") });
    await createQrCode(client(), { prefilledMessage: "x", imageType: "SVG" });
    expect(sent().body).toEqual({ prefilled_message: "x", generate_qr_image: "SVG" });
    server.clear();
    await expect(createQrCode(client(), { prefilledMessage: "x", imageType: "JPG" as "PNG" })).rejects.toThrow(/PNG" or "SVG/);
    await expect(createQrCode(client(), { prefilledMessage: "" })).rejects.toThrow(/empty/);
    expect(server.requests).toHaveLength(0);
  });

  it("a message over the limit is an InvalidParameter", async () => {
    server.respondWithError({ method: "POST", path: QRDLS }, { status: 400, code: 131009, message: "Parameter value is not valid" });
    await expect(createQrCode(client(), { prefilledMessage: "x".repeat(200) })).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe("getQrCode / getQrCodes", () => {
  it("getQrCode: GET /{phone-id}/message_qrdls/{code}?fields=… (data[0]), with the image format when asked", async () => {
    server.respondOnce({ method: "GET", path: `${QRDLS}/C1` }, { status: 200, json: { data: [wire("C1")] } });
    const qr = await getQrCode(client(), { code: "C1" });
    expect(sent()).toEqual({ method: "GET", path: `${QRDLS}/C1`, query: { fields: "code,prefilled_message,deep_link_url" }, body: undefined });
    expect(qr?.code).toBe("C1");
    expect(qr?.qrImageUrl).toBeUndefined();

    server.clear();
    server.respondOnce({ method: "GET", path: `${QRDLS}/C1` }, { status: 200, json: { data: [wire("C1", "https://x/qr.svg")] } });
    const svg = await getQrCode(client(), { code: "C1", imageType: "SVG" });
    expect(sent().query).toEqual({ fields: "code,prefilled_message,deep_link_url,qr_image_url.format(SVG)" });
    expect(svg?.qrImageUrl).toBe("https://x/qr.svg");
  });

  it("getQrCode of an unknown code is undefined; a code cannot escape its path segment", async () => {
    server.respondOnce({ method: "GET", path: `${QRDLS}/NOPE` }, { status: 200, json: { data: [] } });
    expect(await getQrCode(client(), { code: "NOPE" })).toBeUndefined();
    server.clear();
    server.respondOnce({ method: "GET", path: `${QRDLS}/a%2F..%2Fb` }, { status: 200, json: { data: [] } });
    await getQrCode(client(), { code: "a/../b" });
    expect(sent().path).toBe(`${QRDLS}/a%2F..%2Fb`);
  });

  it("getQrCodes: GET /{phone-id}/message_qrdls, three pages", async () => {
    const pages = [[wire("A"), wire("B")], [wire("C"), wire("D")], [wire("E")]];
    pages.forEach((data, i) => {
      const next = i < 2 ? { next: `${server.url}${QRDLS}?fields=code&limit=2&after=c${i + 1}&access_token=${TOKEN}` } : {};
      server.respondOnce({ method: "GET", path: QRDLS }, { status: 200, json: { data, paging: { cursors: { before: `b${i + 1}`, after: `c${i + 1}` }, ...next } } });
    });
    const first = await getQrCodes(client(), { imageType: "PNG", limit: 2 });
    expect(first.data.map((q) => q.code)).toEqual(["A", "B"]);
    expect((await first.all()).map((q) => q.code)).toEqual(["A", "B", "C", "D", "E"]);
    const [r1, r2, r3] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect([r1!.method, r1!.path, r1!.query]).toEqual(["GET", QRDLS, { fields: "code,prefilled_message,deep_link_url,qr_image_url.format(PNG)", limit: "2" }]);
    expect(r2!.query).toEqual({ fields: "code", limit: "2", after: "c1" });
    expect(r3!.query).toEqual({ fields: "code", limit: "2", after: "c2" });
  });
});

describe("updateQrCode / deleteQrCode", () => {
  it("updateQrCode: POST /{phone-id}/message_qrdls {code, prefilled_message}, answering the code", async () => {
    server.respondOnce({ method: "POST", path: QRDLS }, { status: 200, json: { code: "C1", prefilled_message: "New text", deep_link_url: "https://wa.me/message/C1" } });
    const qr = await updateQrCode(client(), { code: "C1", prefilledMessage: "New text" });
    expect(sent()).toEqual({ method: "POST", path: QRDLS, query: {}, body: { code: "C1", prefilled_message: "New text" } });
    expect(qr.prefilledMessage).toBe("New text");
  });

  it("deleteQrCode: DELETE /{phone-id}/message_qrdls/{code}", async () => {
    server.respondOnce({ method: "DELETE", path: "/v25.0/777/message_qrdls/C1" }, { status: 200, json: { success: true } });
    expect(await deleteQrCode(client(), { code: "C1", phoneId: "777" })).toEqual({ success: true });
    expect(sent()).toEqual({ method: "DELETE", path: "/v25.0/777/message_qrdls/C1", query: {}, body: undefined });
  });

  it("deleting an unknown code surfaces Graph's error", async () => {
    server.respondWithError({ method: "DELETE", path: `${QRDLS}/GONE` }, { status: 404, code: 100, subcode: 33, message: "Unsupported delete request" });
    const error = await deleteQrCode(client(), { code: "GONE" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect([(error as WhatsAppError).code, (error as WhatsAppError).subcode, (error as WhatsAppError).statusCode]).toEqual([100, 33, 404]);
  });
});
