import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { evpBytesToKeyMd5 } from "./legacy.ts";
import { md5 } from "./md5.ts";

const md5Hex = (data: string | Uint8Array): string =>
  Buffer.from(md5(typeof data === "string" ? new TextEncoder().encode(data) : data)).toString("hex");

describe("md5", () => {
  it("RFC 1321 appendix A.5 test suite", () => {
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex("a")).toBe("0cc175b9c0f1b6a831c399e269772661");
    expect(md5Hex("abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(md5Hex("message digest")).toBe("f96b697d7cb7938d525a2f31aaf161d0");
    expect(md5Hex("abcdefghijklmnopqrstuvwxyz")).toBe("c3fcd3d76192e4007dfb496cca67e13b");
    expect(md5Hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")).toBe(
      "d174ab98d277d9f5a5611c2c9f419d9f",
    );
    expect(md5Hex("1234567890".repeat(8))).toBe("57edf4a22be3c955ac49da2e2107b67a");
  });

  it("matches node:crypto on every length around the padding boundaries and on random data", () => {
    for (const n of [...Array.from({ length: 130 }, (_, i) => i), 1000, 4096, 65_537]) {
      const data = randomBytes(n);
      expect(md5Hex(data), `length ${n}`).toBe(createHash("md5").update(data).digest("hex"));
    }
  });

  it("reads a view, not its whole buffer", () => {
    const data = randomBytes(80);
    expect(md5Hex(data.subarray(7, 70))).toBe(createHash("md5").update(data.subarray(7, 70)).digest("hex"));
  });
});

describe("EVP_BytesToKey (MD5, one iteration)", () => {
  /** Written from OpenSSL's definition with node's MD5, independently of ours. */
  function reference(password: Buffer, salt: Buffer, length: number): Buffer {
    let out = Buffer.alloc(0);
    let prev = Buffer.alloc(0);
    while (out.length < length) {
      prev = createHash("md5").update(Buffer.concat([prev, password, salt])).digest();
      out = Buffer.concat([out, prev]);
    }
    return out.subarray(0, length);
  }

  it("matches the definition for DES-EDE3 (24), AES-128 (16), AES-256 (32) and DES (8) key lengths", () => {
    for (const length of [8, 16, 24, 32]) {
      const password = Buffer.from("correct horse battery staple");
      const salt = randomBytes(8);
      expect(Buffer.from(evpBytesToKeyMd5(password, salt, length)).equals(reference(password, salt, length))).toBe(true);
    }
  });

  it("a known answer: `openssl enc -aes-256-cbc -md md5 -S 0102030405060708 -pass pass:password -P`", () => {
    const key = evpBytesToKeyMd5(new TextEncoder().encode("password"), Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 48);
    // Output of OpenSSL 3.0's CLI (key, then the IV it derives from the same stream).
    expect(Buffer.from(key.subarray(0, 32)).toString("hex").toUpperCase()).toBe(
      "E7B0971E52CA5CC8D0539FB3412F6316F7BA2E6EE293D9F3457B99436B51CE02",
    );
    expect(Buffer.from(key.subarray(32)).toString("hex").toUpperCase()).toBe("8D450E2ED75A84A923D4EAC9FE49226B");
  });
});
