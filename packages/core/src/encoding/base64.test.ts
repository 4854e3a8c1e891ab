import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "./base64.ts";

describe("base64", () => {
  it("agrees with Node's codec on every length from 0 to 300, padded and unpadded", () => {
    for (let length = 0; length <= 300; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + length * 7) & 0xff);
      const text = Buffer.from(bytes).toString("base64");
      expect(toBase64(bytes)).toBe(text);
      expect(fromBase64(text)).toEqual(bytes);
      expect(fromBase64(text.replace(/=+$/, ""))).toEqual(bytes);
    }
  });

  it("is strict: other alphabets, whitespace, stray or misplaced padding and impossible lengths are undefined", () => {
    for (const bad of ["ab-_", "ab cd", "ab\ncd", "a===", "ab=c", "abc==", "abcde", "=abc", "ab==cd==", "é123"]) {
      expect(fromBase64(bad), bad).toBeUndefined();
    }
    expect(fromBase64("")).toEqual(new Uint8Array(0));
  });
});
