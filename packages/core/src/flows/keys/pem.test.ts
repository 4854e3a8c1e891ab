import { describe, expect, it } from "vitest";
import { PrivateKeyError } from "./errors.ts";
import { toBase64 } from "../../encoding/base64.ts";
import { decodeBase64, encodePem, header, normalisePem, parsePemBlocks } from "./pem.ts";

const BODY = toBase64(Uint8Array.from({ length: 100 }, (_, i) => i * 7));
const PEM = encodePem("RSA PRIVATE KEY", Uint8Array.from({ length: 100 }, (_, i) => i * 7));

describe("normalisePem", () => {
  it("expands escaped newlines, strips quotes and whitespace, unifies line endings", () => {
    const escaped = PEM.replace(/\n/g, "\\n");
    expect(normalisePem(escaped)).toBe(PEM.trim());
    expect(normalisePem(`"${escaped}"`)).toBe(PEM.trim());
    expect(normalisePem(` '${PEM}' \n`)).toBe(PEM.trim());
    expect(normalisePem(`\`"${PEM}"\``)).toBe(PEM.trim());
    expect(normalisePem(PEM.replace(/\n/g, "\r\n"))).toBe(PEM.trim());
    expect(normalisePem(PEM.replace(/\n/g, "\\r\\n"))).toBe(PEM.trim());
    expect(normalisePem(PEM.replace(/\n/g, "\\\\n"))).toBe(PEM.trim()); // escaped twice
  });
});

describe("parsePemBlocks", () => {
  const body = (text: string): string => parsePemBlocks(normalisePem(text))[0]?.base64.replace(/\s/g, "") ?? "";

  it("finds the block with or without line breaks", () => {
    expect(body(PEM)).toBe(BODY);
    expect(body(PEM.replace(/\n/g, ""))).toBe(BODY);
    expect(body(PEM.replace(/\n/g, " "))).toBe(BODY);
    expect(body(`junk before\n${PEM}junk after`)).toBe(BODY);
  });

  it("reads legacy encryption headers whether or not their line breaks survived", () => {
    const pem = (iv: string, cipher: string): string =>
      `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: ${cipher},${iv}\n\n${BODY.match(/.{1,64}/g)?.join("\n")}\n-----END RSA PRIVATE KEY-----\n`;
    // A body starting with hex digits, so a greedy IV would swallow it when flattened.
    const desIv = "0123456789ABCDEF";
    const aesIv = "00112233445566778899AABBCCDDEEFF";
    for (const [iv, cipher] of [[desIv, "DES-EDE3-CBC"], [aesIv, "AES-256-CBC"], [aesIv, "AES-128-CBC"]] as const) {
      for (const text of [pem(iv, cipher), pem(iv, cipher).replace(/\n/g, ""), pem(iv, cipher).replace(/\n/g, " ")]) {
        const [block] = parsePemBlocks(normalisePem(text));
        expect(block?.label).toBe("RSA PRIVATE KEY");
        expect(header(block!, "proc-type")).toBe("4,ENCRYPTED");
        expect(header(block!, "DEK-Info")).toBe(`${cipher},${iv}`);
        expect(block?.base64.replace(/\s/g, "")).toBe(BODY);
      }
    }
  });

  it("keeps every block, in order", () => {
    const two = encodePem("PUBLIC KEY", Uint8Array.of(1, 2, 3)) + PEM;
    expect(parsePemBlocks(two).map((b) => b.label)).toEqual(["PUBLIC KEY", "RSA PRIVATE KEY"]);
  });

  it("a BEGIN without its END is a truncated paste", () => {
    const cut = PEM.slice(0, PEM.length - 30);
    expect(() => parsePemBlocks(cut)).toThrow(PrivateKeyError);
    expect(() => parsePemBlocks(cut)).toThrow(/cut off/);
    expect(parsePemBlocks("no markers at all")).toEqual([]);
  });
});

describe("base64", () => {
  it("round-trips and tolerates whitespace and missing padding", () => {
    const data = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    expect(decodeBase64(toBase64(data), "der", "x")).toEqual(data);
    expect(Array.from(decodeBase64("AQID\n BA", "der", "x"))).toEqual([1, 2, 3, 4]);
  });

  it("refuses damaged input with a message that does not echo it", () => {
    for (const bad of ["AQID!!!!", "AQIDB", "", "AQ=D"]) {
      const e = (() => {
        try {
          decodeBase64(bad, "pkcs8", "the PRIVATE KEY block");
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(PrivateKeyError);
      expect((e as PrivateKeyError).code).toBe("malformed");
      expect((e as PrivateKeyError).message).not.toContain(bad || "\u0000");
    }
  });

  it("encodePem writes 64-character lines", () => {
    const lines = encodePem("PRIVATE KEY", new Uint8Array(200)).trim().split("\n");
    expect(lines[0]).toBe("-----BEGIN PRIVATE KEY-----");
    expect(lines.at(-1)).toBe("-----END PRIVATE KEY-----");
    expect(lines.slice(1, -1).every((l) => l.length <= 64)).toBe(true);
    expect(lines[1]?.length).toBe(64);
  });
});
