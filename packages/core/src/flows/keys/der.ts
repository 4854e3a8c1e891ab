// A minimal DER reader and writer: just enough ASN.1 to tell key containers apart
// (PKCS#8, encrypted PKCS#8, PKCS#1, SPKI, SEC1, certificates), to read PBES2
// parameters, and to wrap a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo.
// Strict where it is cheap (definite lengths, in-bounds, exact fit): a wrong
// password usually yields bytes that fail here, which is how we tell it apart.

/** Universal tags (with the constructed bit where DER requires it). */
export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const;

/** `[n]` context-specific, constructed (EXPLICIT or a constructed IMPLICIT). */
export function contextTag(n: number): number {
  return 0xa0 | n;
}

/** Malformed DER. The message names the structure, never the bytes. */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DerError";
  }
}

/** One TLV. `value` and `tlv` are views into the buffer that was read. */
export interface DerElement {
  readonly tag: number;
  /** The contents (after tag and length). */
  readonly value: Uint8Array<ArrayBuffer>;
  /** The whole element, header included. */
  readonly tlv: Uint8Array<ArrayBuffer>;
}

/** Reads the element at `offset`; returns it and the offset just after it. */
export function readElement(buf: Uint8Array<ArrayBuffer>, offset: number): { element: DerElement; next: number } {
  const tag = buf[offset];
  if (tag === undefined) throw new DerError("unexpected end of data (tag)");
  // High-tag-number form (tag 31+) never occurs in the structures we read.
  if ((tag & 0x1f) === 0x1f) throw new DerError("unsupported high tag number");
  let pos = offset + 1;
  const first = buf[pos++];
  if (first === undefined) throw new DerError("unexpected end of data (length)");
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length; more than 4 length bytes is not a key.
    if (count === 0 || count > 4) throw new DerError("unsupported length encoding");
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = buf[pos++];
      if (b === undefined) throw new DerError("unexpected end of data (length)");
      length = length * 256 + b;
    }
  }
  const end = pos + length;
  if (end > buf.length) throw new DerError("element runs past the end of the data");
  return { element: { tag, value: buf.subarray(pos, end), tlv: buf.subarray(offset, end) }, next: end };
}

/** Parses a buffer that must hold exactly one element (trailing bytes are an error). */
export function parseDer(buf: Uint8Array<ArrayBuffer>): DerElement {
  const { element, next } = readElement(buf, 0);
  if (next !== buf.length) throw new DerError("trailing data after the outer element");
  return element;
}

/** The elements inside a constructed element (SEQUENCE, `[n]`). */
export function children(element: DerElement): DerElement[] {
  if (!(element.tag & 0x20)) throw new DerError("expected a constructed element");
  const out: DerElement[] = [];
  let pos = 0;
  while (pos < element.value.length) {
    const { element: child, next } = readElement(element.value, pos);
    out.push(child);
    pos = next;
  }
  return out;
}

/** `element` if it has `tag`, else a DerError saying `what` was expected. */
export function expect(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (element === undefined) throw new DerError(`missing ${what}`);
  if (element.tag !== tag) throw new DerError(`expected ${what}`);
  return element;
}

/** The children of a SEQUENCE (checked). */
export function sequence(element: DerElement | undefined, what: string): DerElement[] {
  return children(expect(element, TAG.SEQUENCE, what));
}

/** A small non-negative INTEGER (versions, iteration counts, key lengths). */
export function readSmallInt(element: DerElement | undefined, what: string): number {
  const v = expect(element, TAG.INTEGER, what).value;
  if (v.length === 0 || v.length > 6 || (v[0] ?? 0) & 0x80) throw new DerError(`${what} is out of range`);
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

/** An OBJECT IDENTIFIER in dotted form ("1.2.840.113549.1.1.1"). */
export function readOid(element: DerElement | undefined, what: string): string {
  const v = expect(element, TAG.OID, what).value;
  if (v.length === 0) throw new DerError(`${what} is empty`);
  const arcs: number[] = [];
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const b = v[i] ?? 0;
    n = n * 128 + (b & 0x7f);
    if (n > Number.MAX_SAFE_INTEGER / 128) throw new DerError(`${what} has an oversized arc`);
    if (!(b & 0x80)) {
      arcs.push(n);
      n = 0;
    } else if (i === v.length - 1) {
      throw new DerError(`${what} is truncated`);
    }
  }
  // The first subidentifier packs the first two arcs: 40·X + Y (X = 2 takes the rest).
  const first = arcs[0] ?? 0;
  const x = first < 40 ? 0 : first < 80 ? 1 : 2;
  return [x, first - 40 * x, ...arcs.slice(1)].join(".");
}

// --- Writers: only what wrapping PKCS#1 into PKCS#8 (and the tests) need. ---

/** A TLV with a definite length. */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array<ArrayBuffer> {
  const len = value.length;
  const lenBytes: number[] = [];
  if (len < 0x80) {
    lenBytes.push(len);
  } else {
    for (let n = len; n > 0; n = Math.floor(n / 256)) lenBytes.unshift(n & 0xff);
    lenBytes.unshift(0x80 | lenBytes.length);
  }
  const out = new Uint8Array(1 + lenBytes.length + len);
  out[0] = tag;
  out.set(lenBytes, 1);
  out.set(value, 1 + lenBytes.length);
  return out;
}

/** Concatenation of byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export function encodeSequence(...items: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  return encodeTlv(TAG.SEQUENCE, concatBytes(...items));
}

/** A non-negative INTEGER below 2^53 (minimal encoding, leading 0x00 when the top bit is set). */
export function encodeSmallInt(n: number): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError("encodeSmallInt: not a safe non-negative integer");
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  if (bytes.length === 0 || (bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return encodeTlv(TAG.INTEGER, Uint8Array.from(bytes));
}

export function encodeOctetString(value: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeTlv(TAG.OCTET_STRING, value);
}

export function encodeNull(): Uint8Array<ArrayBuffer> {
  return Uint8Array.of(TAG.NULL, 0);
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function encodeOid(dotted: string): Uint8Array<ArrayBuffer> {
  const arcs = dotted.split(".").map(Number);
  const [x = NaN, y = NaN, ...rest] = arcs;
  if (arcs.some((a) => !Number.isSafeInteger(a) || a < 0) || x > 2 || (x < 2 && y >= 40)) {
    throw new RangeError(`encodeOid: invalid OID ${dotted}`);
  }
  const bytes: number[] = [];
  for (const arc of [40 * x + y, ...rest]) {
    const group: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) group.unshift(0x80 | (v & 0x7f));
    bytes.push(...group);
  }
  return encodeTlv(TAG.OID, Uint8Array.from(bytes));
}
