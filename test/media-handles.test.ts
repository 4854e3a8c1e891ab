import { describe, expect, it } from "vitest";
import { MediaUrl, UploadedMedia, WhatsAppError } from "@edgewa/core";
import { PHONE_ID, graphSuite } from "./support/graph-suite.ts";

/**
 * What uploadMedia and getMediaUrl return (pywa's Media and MediaURL): the data, and
 * methods that download, delete and re-upload that media, against the local Graph
 * API server, which keeps uploaded files and serves them back.
 */
const { server, client } = graphSuite();
const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31 + 7) & 0xff);

async function uploaded() {
  const wa = client();
  const media = await wa.uploadMedia({ media: new Blob([bytes], { type: "image/png" }), filename: "dot.png" });
  server.clear();
  return { wa, media };
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A sink that keeps what it is given, and the bytes it got. */
function memorySink() {
  const chunks: Uint8Array[] = [];
  const sink = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c.slice()) });
  const received = () => Uint8Array.from(chunks.flatMap((c) => Array.from(c)));
  return { sink, received };
}

describe("UploadedMedia (pywa's Media)", () => {
  it("carries its id, number, name and type; serialises as that data alone", async () => {
    const { media } = await uploaded();
    expect(media).toBeInstanceOf(UploadedMedia);
    expect(media).toMatchObject({ uploadedTo: PHONE_ID, filename: "dot.png", mimeType: "image/png" });
    expect(media.id).toMatch(/^\d+$/);
    expect(JSON.parse(JSON.stringify(media))).toEqual({ id: media.id, uploadedTo: PHONE_ID, filename: "dot.png", mimeType: "image/png" });
  });

  it("getMediaUrl / getBytes / stream / download: the same bytes, looked up for the number it was uploaded to", async () => {
    const { media } = await uploaded();
    const url = await media.getMediaUrl();
    expect(url).toBeInstanceOf(MediaUrl);
    expect(url).toMatchObject({ id: media.id, mimeType: "image/png", fileSize: bytes.length });
    expect(server.requests[0]).toMatchObject({ method: "GET", path: `/v25.0/${media.id}`, query: { phone_number_id: PHONE_ID } });

    expect(await media.getBytes()).toEqual(bytes);
    expect(await collect(await media.stream())).toEqual(bytes);
    const { sink, received } = memorySink();
    await media.download({ sink });
    expect(received()).toEqual(bytes);
  });

  it("delete: DELETE /{media-id} for its number; the id stops working", async () => {
    const { media } = await uploaded();
    expect(await media.delete()).toEqual({ success: true });
    expect(server.requests[0]).toMatchObject({ method: "DELETE", path: `/v25.0/${media.id}`, query: { phone_number_id: PHONE_ID } });
    await expect(media.getBytes()).rejects.toBeInstanceOf(WhatsAppError);
  });

  it("reupload: streamed down and up again, to another number and with a TTL when asked; a new id, the same bytes", async () => {
    const { wa, media } = await uploaded();
    const copy = await media.reupload({ phoneId: "5550001", ttlMinutes: 60 });
    expect(copy).toBeInstanceOf(UploadedMedia);
    expect(copy.id).not.toBe(media.id);
    expect(copy).toMatchObject({ uploadedTo: "5550001", filename: "dot.png", mimeType: "image/png" });
    const upload = server.requests.find((r) => r.method === "POST")!;
    expect(upload.path).toBe("/v25.0/5550001/media");
    expect(upload.form?.fields).toEqual({ messaging_product: "whatsapp", type: "image/png", ttl_minutes: "60" });
    expect(upload.form?.files.file).toMatchObject({ filename: "dot.png", type: "image/png", size: bytes.length });
    expect(await wa.getMediaBytes({ mediaId: copy.id })).toEqual(bytes);
    expect((await media.reupload()).uploadedTo).toBe(PHONE_ID);
  });
});

describe("MediaUrl (pywa's MediaURL)", () => {
  it("getBytes / stream / download read its url (with the token); delete deletes its media", async () => {
    const { wa, media } = await uploaded();
    const url = await wa.getMediaUrl({ mediaId: media.id });
    server.clear();
    expect(await url.getBytes()).toEqual(bytes);
    expect(server.requests).toHaveLength(1); // by its url: no second lookup
    expect(server.requests[0]!.headers.authorization).toBe("Bearer test-token");
    expect(await collect(await url.stream())).toEqual(bytes);
    const { sink, received } = memorySink();
    await url.download({ sink });
    expect(received()).toEqual(bytes);
    expect(await url.delete()).toEqual({ success: true });
    expect(server.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/v25.0/${media.id}` });
    expect(JSON.parse(JSON.stringify(url))).toEqual({ id: media.id, url: url.url, mimeType: "image/png", sha256: url.sha256, fileSize: bytes.length });
  });
});
