import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CBC_CIPHERS, stripPkcs7 } from "./cbc.ts";
import { desEde3CbcDecrypt } from "./des.ts";

const hex = (s: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(s, "hex"));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString("hex").toUpperCase();
const ZERO_IV = new Uint8Array(8);

/** Single DES decryption of one block: DES-EDE3 with K1 = K2 = K3, CBC with a zero IV = ECB. */
function desDecryptBlock(key: string, ciphertext: string): string {
  return toHex(desEde3CbcDecrypt(hex(key.repeat(3)), ZERO_IV, hex(ciphertext)));
}

// NIST SP 800-20, Table A.1 (variable plaintext known answer test): key 0101010101010101
// (all key bits zero, parity set), plaintext = bit i set, i = 1…64 → these ciphertexts.
const TABLE_A1 = [
  "95F8A5E5DD31D900", "DD7F121CA5015619", "2E8653104F3834EA", "4BD388FF6CD81D4F",
  "20B9E767B2FB1456", "55579380D77138EF", "6CC5DEFAAF04512F", "0D9F279BA5D87260",
  "D9031B0271BD5A0A", "424250B37C3DD951", "B8061B7ECD9A21E5", "F15D0F286B65BD28",
  "ADD0CC8D6E5DEBA1", "E6D5F82752AD63D1", "ECBFE3BD3F591A5E", "F356834379D165CD",
  "2B9F982F20037FA9", "889DE068A16F0BE6", "E19E275D846A1298", "329A8ED523D71AEC",
  "E7FCE22557D23C97", "12A9F5817FF2D65D", "A484C3AD38DC9C19", "FBE00A8A1EF8AD72",
  "750D079407521363", "64FEED9C724C2FAF", "F02B263B328E2B60", "9D64555A9A10B852",
  "D106FF0BED5255D7", "E1652C6B138C64A5", "E428581186EC8F46", "AEB5F5EDE22D1A36",
  "E943D7568AEC0C5C", "DF98C8276F54B04B", "B160E4680F6C696F", "FA0752B07D9C4AB8",
  "CA3A2B036DBC8502", "5E0905517BB59BCF", "814EEB3B91D90726", "4D49DB1532919C9F",
  "25EB5FC3F8CF0621", "AB6A20C0620D1C6F", "79E90DBC98F92CCA", "866ECEDD8072BB0E",
  "8B54536F2F3E64A8", "EA51D3975595B86B", "CAFFC6AC4542DE31", "8DD45A2DDF90796C",
  "1029D55E880EC2D0", "5D86CB23639DBEA9", "1D1CA853AE7C0C5F", "CE332329248F3228",
  "8405D1ABE24FB942", "E643D78090CA4207", "48221B9937748A23", "DD7C0BBD61FAFD54",
  "2FBC291A570DB5C4", "E07C30D7E4E26E12", "0953E2258E8E90A1", "5B711BC4CEEBF2EE",
  "CC083F1E6D9E85F6", "D2FD8867D50D2DFE", "06E7EA22CE92708F", "166B40B44ABA4BD6",
];

describe("DES known-answer tests", () => {
  it("SP 800-20 Table A.1: variable plaintext (exercises IP, IP⁻¹ and every S-box path)", () => {
    TABLE_A1.forEach((ciphertext, i) => {
      const plaintext = (1n << BigInt(63 - i)).toString(16).toUpperCase().padStart(16, "0");
      expect(desDecryptBlock("0101010101010101", ciphertext), `bit ${i + 1}`).toBe(plaintext);
    });
  });

  it("SP 800-20 Table A.2 (variable key), A.3 (permutation), A.4 (substitution) samples", () => {
    expect(desDecryptBlock("8001010101010101", "95A8D72813DAA94D")).toBe("0000000000000000");
    expect(desDecryptBlock("4001010101010101", "0EEC1487DD8C26D5")).toBe("0000000000000000");
    expect(desDecryptBlock("1046913489980131", "88D55E54F54C97B4")).toBe("0000000000000000");
    expect(desDecryptBlock("7CA110454A1A6E57", "690F5B0D9A26939B")).toBe("01A1D6D039776742");
  });

  it("the textbook example (key 133457799BBCDFF1)", () => {
    expect(desDecryptBlock("133457799BBCDFF1", "85E813540F0AB405")).toBe("0123456789ABCDEF");
  });

  it("SP 800-67 Triple-DES example (three distinct keys, ECB = CBC with a zero IV block by block)", () => {
    const key = hex("0123456789ABCDEF" + "23456789ABCDEF01" + "456789ABCDEF0123");
    const blocks = ["A826FD8CE53B855F", "CCE21C8112256FE6", "68D5C05DD9B6B900"];
    const plain = blocks.map((c) => Buffer.from(desEde3CbcDecrypt(key, ZERO_IV, hex(c))).toString("latin1")).join("");
    expect(plain).toBe("The qufck brown fox jump"); // sic: the standard's plaintext
  });

  it("NIST CAVP TDES CBC multi-block message test (DESMMT) vectors", () => {
    const k1 = hex("627f460e08104a10" + "43cd265d5840eaf1" + "313edf97df2a8a8c");
    expect(toHex(desEde3CbcDecrypt(k1, hex("8e29f75ea77e5475"), hex("b22b8d66de970692")))).toBe("326A494CD33FE756");
    const k2 = hex("37ae5ebf46dff2dc" + "0754b94f31cbb385" + "5e7fd36dc870bfae");
    expect(toHex(desEde3CbcDecrypt(k2, hex("3d1de3cc132e3b65"), hex("7b1f7c7e3b1c948ebd04a75ffba7d2f5")))).toBe(
      "84401F78FE6C10876D8EA23094EA5309",
    );
  });
});

describe("DES-EDE3-CBC against node:crypto", () => {
  it("decrypts what node encrypts, random keys, IVs and lengths", () => {
    for (let i = 0; i < 50; i++) {
      const key = randomBytes(24);
      const iv = randomBytes(8);
      const data = randomBytes(8 * (1 + (i % 40)));
      const cipher = createCipheriv("des-ede3-cbc", key, iv).setAutoPadding(false);
      const encrypted = Buffer.concat([cipher.update(data), cipher.final()]);
      expect(Buffer.from(desEde3CbcDecrypt(key, iv, encrypted)).equals(data)).toBe(true);
    }
  });

  it("with PKCS#7 padding, as keys are stored (1.2 KB, like a 2048-bit PKCS#1 key)", () => {
    const key = randomBytes(24);
    const iv = randomBytes(8);
    for (const size of [0, 1, 7, 8, 9, 1190, 1193]) {
      const data = randomBytes(size);
      const cipher = createCipheriv("des-ede3-cbc", key, iv);
      const encrypted = Buffer.concat([cipher.update(data), cipher.final()]);
      const plain = stripPkcs7(desEde3CbcDecrypt(key, iv, encrypted), 8);
      expect(plain && Buffer.from(plain).equals(data)).toBe(true);
    }
  });

  it("accepts views into larger buffers", () => {
    const key = randomBytes(24);
    const iv = randomBytes(8);
    const data = randomBytes(32);
    const cipher = createCipheriv("des-ede3-cbc", key, iv).setAutoPadding(false);
    const encrypted = Buffer.concat([cipher.update(data), cipher.final()]);
    const big = new Uint8Array(100);
    big.set(encrypted, 13);
    expect(Buffer.from(desEde3CbcDecrypt(key, iv, big.subarray(13, 45))).equals(data)).toBe(true);
  });

  it("refuses wrong sizes", () => {
    expect(() => desEde3CbcDecrypt(new Uint8Array(16), ZERO_IV, new Uint8Array(8))).toThrow(RangeError);
    expect(() => desEde3CbcDecrypt(new Uint8Array(24), new Uint8Array(16), new Uint8Array(8))).toThrow(RangeError);
    expect(() => desEde3CbcDecrypt(new Uint8Array(24), ZERO_IV, new Uint8Array(7))).toThrow(RangeError);
  });
});

describe("stripPkcs7", () => {
  it("removes valid padding and rejects every kind of invalid padding", () => {
    expect(Array.from(stripPkcs7(Uint8Array.of(1, 2, 3, 4, 5, 3, 3, 3), 8) ?? [])).toEqual([1, 2, 3, 4, 5]);
    expect(stripPkcs7(new Uint8Array(8).fill(8), 8)?.length).toBe(0);
    expect(stripPkcs7(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 0), 8)).toBeUndefined(); // 0 is not a padding length
    expect(stripPkcs7(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 9), 8)).toBeUndefined(); // longer than a block
    expect(stripPkcs7(Uint8Array.of(1, 2, 3, 4, 5, 2, 3, 3), 8)).toBeUndefined(); // inconsistent bytes
    expect(stripPkcs7(Uint8Array.of(1, 1, 1), 8)).toBeUndefined(); // not whole blocks
    expect(stripPkcs7(new Uint8Array(0), 8)).toBeUndefined();
  });

  it("cipher table matches node's key and IV lengths", async () => {
    const { getCipherInfo } = await import("node:crypto");
    for (const name of ["AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "DES-EDE3-CBC"] as const) {
      const info = getCipherInfo(name.toLowerCase());
      expect({ keyLength: info?.keyLength, ivLength: info?.ivLength }).toEqual(CBC_CIPHERS[name]);
    }
  });
});
