// PEM as users actually paste it: from environment variables and secret stores,
// with literal "\n" escapes, quotes around it, CRLF endings, or every line break
// dropped (one long line, or spaces in place of newlines). We normalise first and
// then find the markers anywhere, so none of that matters.

import { fromBase64, toBase64 } from "../../encoding/base64.ts";
import { PrivateKeyError, type PrivateKeyFormat } from "./errors.ts";

export interface PemBlock {
  /** The label between BEGIN and the dashes: "PRIVATE KEY", "RSA PRIVATE KEY", … */
  readonly label: string;
  /** RFC 1421 headers (Proc-Type, DEK-Info, …), names as written. */
  readonly headers: ReadonlyMap<string, string>;
  /** The base64 body as pasted (decode with `decodeBase64`, which knows the format by then). */
  readonly base64: string;
}

/**
 * `input` with surrounding whitespace and quotes removed, escaped newlines
 * (`\n`, `\r\n`, and doubly escaped `\\n`) turned into real ones, `\/` into `/`, and CRLF / CR
 * line endings turned into LF. Base64 never contains a backslash, so expanding
 * escapes cannot damage a body.
 */
export function normalisePem(input: string): string {
  let text = input.trim();
  // Quotes from a .env file or a JSON value, possibly nested ("'…'").
  for (let m = /^(["'`])([\s\S]*)\1$/.exec(text); m; m = /^(["'`])([\s\S]*)\1$/.exec(text)) {
    text = (m[2] ?? "").trim();
  }
  return text
    .replace(/\\\//g, "/") // JSON encoders that escape "/" (PHP's json_encode): base64 has slashes
    .replace(/(?:\\+r)?\\+n/g, "\n")
    .replace(/\\+r/g, "\n")
    .replace(/\r\n?/g, "\n")
    .trim();
}

// Tolerant markers: any run of 3+ dashes, optional spaces, uppercase label.
const BLOCK = /-{3,}[ \t]*BEGIN ([A-Z0-9]+(?: [A-Z0-9]+)*)[ \t]*-{3,}([\s\S]*?)-{3,}[ \t]*END \1[ \t]*-{3,}/g;
const BEGIN = /-{3,}[ \t]*BEGIN ([A-Z0-9]+(?: [A-Z0-9]+)*)[ \t]*-{3,}/;

/** The BEGIN label of the first marker in `text`, if any (also when the END is missing). */
export function firstBeginLabel(text: string): string | undefined {
  return BEGIN.exec(text)?.[1];
}

/**
 * Every complete PEM block in (normalised) `text`, in order. A BEGIN marker
 * without its END is a truncated paste: a PrivateKeyError("malformed").
 */
export function parsePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1] ?? "";
    const { headers, base64 } = splitHeaders(m[2] ?? "");
    blocks.push({ label, headers, base64 });
  }
  const begin = firstBeginLabel(text);
  if (blocks.length === 0 && begin !== undefined) {
    throw new PrivateKeyError(
      "pem",
      "malformed",
      `Found "-----BEGIN ${begin}-----" but no matching "-----END ${begin}-----": ` +
        "the key was cut off when it was copied. Paste the whole file, both marker lines included.",
    );
  }
  return blocks;
}

/**
 * Decodes standard base64 (whitespace ignored, padding optional); damaged input is
 * a PrivateKeyError("malformed") for a key of `format`, described as `what`.
 */
export function decodeBase64(text: string, format: PrivateKeyFormat, what: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/\s+/g, "");
  const bytes = clean.length === 0 ? undefined : fromBase64(clean);
  if (!bytes) {
    throw new PrivateKeyError(
      format,
      "malformed",
      `The body of ${what} is not valid base64 (a character outside A–Z a–z 0–9 + / =, or a cut-off line): ` +
        "it was damaged when copied. Paste the file's contents unchanged.",
    );
  }
  return bytes;
}

/** A PEM block with 64-character lines and a trailing newline. */
export function encodePem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

// IV length in hex digits, by DEK-Info cipher family: needed when line breaks were
// dropped and the IV runs straight into the base64 body ("…,0123456789ABCDEFMIIE…").
function ivHexLength(cipher: string): number | undefined {
  const name = cipher.toUpperCase();
  if (/^(AES|CAMELLIA|ARIA|SEED|SM4)-/.test(name)) return 32;
  if (/^(DES|BF|CAST|RC2|IDEA|DESX)(-|$)/.test(name)) return 16;
  return undefined;
}

/**
 * Splits the text between the markers into headers and base64. Headers are
 * recognised whether or not their line breaks survived: Proc-Type and DEK-Info by
 * the shape of their values, any other header only on a line of its own.
 */
function splitHeaders(inner: string): { headers: Map<string, string>; base64: string } {
  const headers = new Map<string, string>();
  let rest = inner.trimStart();
  for (;;) {
    const name = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*/.exec(rest);
    if (!name) break;
    const key = name[1] ?? "";
    const after = rest.slice(name[0].length);
    let value: RegExpExecArray | null;
    if (/^proc-type$/i.test(key)) {
      value = /^\d+[ \t]*,[ \t]*(?:ENCRYPTED|MIC-ONLY|MIC-CLEAR|CRL)/i.exec(after);
    } else if (/^dek-info$/i.test(key)) {
      const cipher = /^[A-Za-z0-9-]+/.exec(after)?.[0] ?? "";
      const hex = ivHexLength(cipher);
      const ivPattern = hex === undefined ? "[0-9A-Fa-f]+" : `[0-9A-Fa-f]{${hex}}`;
      value = new RegExp(`^[A-Za-z0-9-]+[ \\t]*,[ \\t]*${ivPattern}`).exec(after);
    } else {
      value = /^[^\n]*(?=\n)/.exec(after);
    }
    if (!value) break;
    // Proc-Type and DEK-Info values have no meaningful spaces ("4, ENCRYPTED").
    headers.set(key, /^(proc-type|dek-info)$/i.test(key) ? value[0].replace(/[ \t]+/g, "") : value[0].trim());
    rest = after.slice(value[0].length).trimStart();
  }
  return { headers, base64: rest };
}

/** A header by case-insensitive name. */
export function header(block: PemBlock, name: string): string | undefined {
  for (const [key, value] of block.headers) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}
