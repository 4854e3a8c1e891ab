import { describe, expect, it } from "vitest";
import {
  DerError,
  TAG,
  children,
  encodeNull,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSmallInt,
  encodeTlv,
  parseDer,
  readOid,
  readSmallInt,
} from "./der.ts";

const bytes = (...b: number[]): Uint8Array<ArrayBuffer> => Uint8Array.from(b);

describe("DER reader", () => {
  it("reads OIDs, including multi-byte arcs and the 2.x first arc", () => {
    for (const oid of ["1.2.840.113549.1.1.1", "1.2.840.113549.1.5.13", "2.16.840.1.101.3.4.1.42", "1.3.101.112", "2.999.3", "0.9.2342"]) {
      expect(readOid(parseDer(encodeOid(oid)), "oid")).toBe(oid);
    }
    // rsaEncryption as every key file spells it.
    expect(Array.from(encodeOid("1.2.840.113549.1.1.1"))).toEqual([6, 9, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 1]);
  });

  it("reads small integers (iteration counts) and refuses negative or huge ones", () => {
    for (const n of [0, 1, 127, 128, 255, 256, 2048, 65_536, 600_000, 2 ** 40]) {
      expect(readSmallInt(parseDer(encodeSmallInt(n)), "n")).toBe(n);
    }
    expect(() => readSmallInt(parseDer(bytes(2, 1, 0xff)), "n")).toThrow(DerError);
    expect(() => readSmallInt(parseDer(bytes(2, 7, 1, 0, 0, 0, 0, 0, 0)), "n")).toThrow(DerError);
  });

  it("reads long-form lengths", () => {
    for (const size of [0, 127, 128, 255, 256, 1300, 70_000]) {
      const el = parseDer(encodeOctetString(new Uint8Array(size)));
      expect(el.tag).toBe(TAG.OCTET_STRING);
      expect(el.value.length).toBe(size);
    }
  });

  it("reads nested sequences and context tags", () => {
    const der = encodeSequence(encodeSmallInt(0), encodeSequence(encodeOid("1.2.840.113549.1.1.1"), encodeNull()), encodeTlv(0xa0, encodeSmallInt(5)));
    const [version, alg, ctx] = children(parseDer(der));
    expect(readSmallInt(version, "v")).toBe(0);
    expect(children(alg!).map((c) => c.tag)).toEqual([TAG.OID, TAG.NULL]);
    expect(ctx?.tag).toBe(0xa0);
    expect(readSmallInt(children(ctx!)[0], "inner")).toBe(5);
  });

  it("rejects truncation, trailing data, indefinite lengths and primitive 'children'", () => {
    const good = encodeSequence(encodeSmallInt(1), encodeOctetString(new Uint8Array(200)));
    expect(() => parseDer(good.subarray(0, good.length - 1))).toThrow(DerError);
    expect(() => parseDer(Uint8Array.from([...good, 0]))).toThrow(DerError);
    expect(() => parseDer(bytes(0x30, 0x80, 0, 0))).toThrow(DerError);
    expect(() => parseDer(bytes(0x30, 0x85, 1, 0, 0, 0, 0))).toThrow(DerError);
    expect(() => parseDer(bytes())).toThrow(DerError);
    expect(() => children(parseDer(encodeSmallInt(3)))).toThrow(DerError);
    expect(() => children(parseDer(bytes(0x30, 3, 2, 5, 1)))).toThrow(DerError); // inner INTEGER runs past
  });
});
