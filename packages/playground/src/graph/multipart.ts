import { createHash, type Hash } from "node:crypto";
import type { ReceivedFile } from "./types.ts";

/**
 * A push-based, streaming multipart/form-data parser (RFC 7578 / RFC 2046).
 *
 * File parts are never buffered whole: each chunk goes through SHA-256 and is kept
 * only while the part stays under `keepBytesUnder`. Memory use is bounded by the
 * largest chunk plus a boundary-sized tail, so a 50 MB upload costs a few hundred KB.
 */

export class MultipartError extends Error {
  override name = "MultipartError";
}

export interface MultipartResult {
  fields: Record<string, string>;
  files: Record<string, ReceivedFile>;
}

export interface MultipartOptions {
  /** Keep a file's bytes only when it is smaller than this. Default 1 MiB. */
  keepBytesUnder?: number;
  /** A non-file field larger than this is an error. Default 1 MiB. */
  maxFieldBytes?: number;
  /** A part's header block larger than this is an error. Default 16 KiB. */
  maxHeaderBytes?: number;
}

/** The boundary of a `multipart/form-data; boundary=…` content-type, if any. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!/^multipart\/form-data\b/i.test(contentType.trim())) return undefined;
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  return boundary && boundary.length <= 200 ? boundary : undefined;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
const EMPTY = Buffer.alloc(0);

interface PartSink {
  data(chunk: Buffer): void;
  end(): void;
}

type State = "preamble" | "afterBoundary" | "headers" | "body" | "done";

export class MultipartParser {
  readonly result: MultipartResult = { fields: {}, files: {} };
  private state: State = "preamble";
  private buf: Buffer = EMPTY;
  private part: PartSink | undefined;
  private readonly dashBoundary: Buffer;
  private readonly delimiter: Buffer;
  private readonly keepBytesUnder: number;
  private readonly maxFieldBytes: number;
  private readonly maxHeaderBytes: number;

  constructor(boundary: string, options: MultipartOptions = {}) {
    this.dashBoundary = Buffer.from(`--${boundary}`, "latin1");
    this.delimiter = Buffer.from(`\r\n--${boundary}`, "latin1");
    this.keepBytesUnder = options.keepBytesUnder ?? 1024 * 1024;
    this.maxFieldBytes = options.maxFieldBytes ?? 1024 * 1024;
    this.maxHeaderBytes = options.maxHeaderBytes ?? 16 * 1024;
  }

  /** Feeds the next chunk of the body. Throws MultipartError on malformed input. */
  write(chunk: Uint8Array): void {
    if (this.state === "done" || chunk.length === 0) return;
    const incoming = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.buf = this.buf.length === 0 ? incoming : Buffer.concat([this.buf, incoming]);
    for (;;) {
      switch (this.state as State) {
        case "preamble": {
          const i = this.buf.indexOf(this.dashBoundary);
          if (i < 0) {
            this.keepTail(this.dashBoundary.length - 1);
            return;
          }
          this.buf = this.buf.subarray(i + this.dashBoundary.length);
          this.state = "afterBoundary";
          continue;
        }
        case "afterBoundary": {
          if (this.buf.length < 2) return;
          if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
            this.state = "done";
            this.buf = EMPTY;
            return;
          }
          const eol = this.buf.indexOf(CRLF);
          if (eol < 0) {
            if (this.buf.length > 256) throw new MultipartError("malformed boundary line");
            return;
          }
          // Only linear whitespace ("transport padding") may follow a boundary.
          if (!/^[ \t]*$/.test(this.buf.subarray(0, eol).toString("latin1"))) throw new MultipartError("malformed boundary line");
          this.buf = this.buf.subarray(eol + 2);
          this.state = "headers";
          continue;
        }
        case "headers": {
          let headerText: string;
          if (this.buf.length >= 2 && this.buf[0] === 0x0d && this.buf[1] === 0x0a) {
            headerText = "";
            this.buf = this.buf.subarray(2);
          } else {
            const end = this.buf.indexOf(HEADER_END);
            if (end < 0) {
              if (this.buf.length > this.maxHeaderBytes) throw new MultipartError("part headers too large");
              return;
            }
            headerText = this.buf.subarray(0, end).toString("utf8");
            this.buf = this.buf.subarray(end + 4);
          }
          this.part = this.startPart(parsePartHeaders(headerText));
          this.state = "body";
          continue;
        }
        case "body": {
          const i = this.buf.indexOf(this.delimiter);
          if (i >= 0) {
            this.part?.data(this.buf.subarray(0, i));
            this.part?.end();
            this.part = undefined;
            this.buf = this.buf.subarray(i + this.delimiter.length);
            this.state = "afterBoundary";
            continue;
          }
          // Everything except a tail that could start a delimiter is part data.
          const keep = this.delimiter.length - 1;
          if (this.buf.length > keep) {
            this.part?.data(this.buf.subarray(0, this.buf.length - keep));
            this.keepTail(keep);
          }
          return;
        }
        case "done":
          this.buf = EMPTY;
          return;
      }
    }
  }

  /** Signals the end of the body. Throws MultipartError when the closing boundary is missing. */
  end(): MultipartResult {
    if (this.state !== "done") throw new MultipartError("unexpected end of multipart body (no closing boundary)");
    return this.result;
  }

  /** Keeps (a copy of) the last `n` bytes, so that the big chunk they came from can be freed. */
  private keepTail(n: number): void {
    this.buf = this.buf.length <= n ? this.buf : Buffer.from(this.buf.subarray(this.buf.length - n));
  }

  private startPart(headers: Record<string, string>): PartSink {
    const disposition = parseDisposition(headers["content-disposition"] ?? "");
    if (disposition.type !== "form-data" || disposition.name === undefined) {
      throw new MultipartError("a part without Content-Disposition: form-data; name=…");
    }
    const name = disposition.name;
    if (disposition.filename !== undefined) {
      const filename = disposition.filename;
      const type = headers["content-type"]?.trim() || "application/octet-stream";
      const hash: Hash = createHash("sha256");
      let size = 0;
      let kept: Buffer[] | undefined = [];
      return {
        data: (chunk) => {
          size += chunk.length;
          hash.update(chunk);
          if (kept && size < this.keepBytesUnder) kept.push(Buffer.from(chunk));
          else kept = undefined;
        },
        end: () => {
          const file: ReceivedFile = { filename, type, size, sha256: hash.digest("hex") };
          if (kept) file.bytes = new Uint8Array(Buffer.concat(kept));
          this.result.files[name] = file;
        },
      };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    return {
      data: (chunk) => {
        size += chunk.length;
        if (size > this.maxFieldBytes) throw new MultipartError(`field "${name}" is too large`);
        chunks.push(Buffer.from(chunk));
      },
      end: () => {
        this.result.fields[name] = Buffer.concat(chunks).toString("utf8");
      },
    };
  }
}

function parsePartHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split("\r\n")) {
    if (line === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) throw new MultipartError(`malformed part header: ${JSON.stringify(line.slice(0, 80))}`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** `form-data; name="file"; filename="a.jpg"` (and RFC 5987 `filename*=UTF-8''…`). */
export function parseDisposition(value: string): { type: string; name?: string; filename?: string } {
  const semi = value.indexOf(";");
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params: Record<string, string> = {};
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const key = m[1]!.toLowerCase();
    params[key] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "").trim();
  }
  let filename = params.filename;
  const extended = params["filename*"];
  if (extended !== undefined) {
    const m = /^([^']*)'[^']*'(.*)$/.exec(extended);
    if (m) {
      try {
        filename = decodeURIComponent(m[2]!);
      } catch {
        // keep the plain filename
      }
    }
  }
  return { type, ...(params.name === undefined ? {} : { name: params.name }), ...(filename === undefined ? {} : { filename }) };
}
