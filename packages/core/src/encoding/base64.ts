// Standard base64 (RFC 4648 §4), the one codec of the core: flow requests and
// responses, flow media, JWT segments (via base64url), PEM key bodies, data: URIs.
// Strict: padding optional, nothing else tolerated (callers that accept whitespace,
// like PEM, strip it first). atob would do, but it skips whitespace silently and
// returns a binary string to copy again; this is one pass.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

function sextet(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? LOOKUP[c]! : -1;
}

/** Standard base64 → bytes; undefined for anything else (other characters, bad length or padding). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (end !== text.length && text.length % 4 !== 0) return undefined;
  const rest = end % 4;
  if (rest === 1) return undefined;
  const out = new Uint8Array((end >> 2) * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const a = sextet(text, i), b = sextet(text, i + 1), c = sextet(text, i + 2), d = sextet(text, i + 3);
    if ((a | b | c | d) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (rest >= 2) {
    const a = sextet(text, i), b = sextet(text, i + 1), c = rest === 3 ? sextet(text, i + 2) : 0;
    if ((a | b | c) < 0) return undefined;
    out[o++] = (a << 2) | (b >> 4);
    if (rest === 3) out[o++] = ((b & 0x0f) << 4) | (c >> 2);
  }
  return out;
}

/** Bytes → standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + "=";
  }
  return out;
}
