import { createHash, randomBytes, randomInt } from "node:crypto";

/** Process-wide counters: ids stay unique across servers in the same process. */
let messageSeq = 0;
let mediaSeq = 0;

/** A Graph trace id, e.g. "AbX3_kq9Pz…" (23 base64url chars). */
export function newFbtraceId(): string {
  return randomBytes(17).toString("base64url");
}

/**
 * A message id shaped like Meta's: "wamid." + base64 of a small protobuf-like record
 * holding the recipient (digits of a phone number) and an 18-character hex id, e.g.
 * "wamid.HBgLMTU1NTAwMDExMTEVAgARGBIwMDAwMDFBM0Y5QzJEMTdFOEIA".
 */
export function newWamid(recipient: string): string {
  const who = Buffer.from(recipient.replace(/\D/g, "") || recipient, "utf8").subarray(0, 64);
  const tail = ((++messageSeq).toString(16).padStart(6, "0") + randomBytes(6).toString("hex")).toUpperCase();
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, who.length]),
    who,
    Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]),
    Buffer.from(tail, "ascii"),
    Buffer.from([0x00]),
  ]);
  return "wamid." + record.toString("base64");
}

/** A 16-digit media id, unique in the process. */
export function newMediaId(): string {
  return `${randomInt(100_000_000, 1_000_000_000)}${String(++mediaSeq % 10_000_000).padStart(7, "0")}`;
}

/** A lookaside-like `hash` for a media URL, derived from the id and a per-server secret. */
export function mediaUrlHash(secret: string, id: string): string {
  return "AT" + createHash("sha256").update(`${secret}:${id}`).digest("base64url").slice(0, 30);
}
