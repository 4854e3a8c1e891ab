import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { MultipartError, MultipartParser, multipartBoundary } from "./multipart.ts";
import type { ReceivedFile, ReceivedRaw, RecordedRequest } from "./types.ts";

/** Uploads (multipart files, raw bodies) keep their bytes only below this size, unless the server is told otherwise. */
export const KEEP_BYTES_UNDER = 1024 * 1024;
/** JSON / url-encoded bodies are buffered up to this size; larger ones are refused. */
const MAX_BUFFERED_BODY = 16 * 1024 * 1024;

export interface ReadBody {
  body: unknown;
  form: RecordedRequest["form"];
  files: Record<string, ReceivedFile>;
  raw: ReceivedRaw | undefined;
  rawSize: number;
  /** Why the body could not be parsed (bad JSON, malformed multipart…), if so. */
  error: string | undefined;
  /** The client went away before the body ended: nobody to answer. */
  aborted: boolean;
}

interface Sink {
  write(chunk: Buffer): void;
  /** Called once the whole body arrived (not when aborted or after a write threw). */
  end(): void;
}

/**
 * Reads the whole body through a sink chosen by content-type. Never throws: a sink
 * error stops parsing but the rest of the body is still drained (and counted), so the
 * client can read the error answer.
 */
export function readBody(req: IncomingMessage, keepBytesUnder = KEEP_BYTES_UNDER): Promise<ReadBody> {
  const contentType = String(req.headers["content-type"] ?? "");
  const out: ReadBody = { body: undefined, form: undefined, files: {}, raw: undefined, rawSize: 0, error: undefined, aborted: false };
  const sink = sinkFor(contentType, out, keepBytesUnder);
  let failed = false;
  const fail = (err: unknown) => {
    failed = true;
    out.error = err instanceof Error ? err.message : String(err);
  };

  return new Promise((resolve) => {
    let settled = false;
    const finish = (aborted: boolean) => {
      if (settled) return;
      settled = true;
      out.aborted = aborted;
      if (!aborted && !failed) {
        try {
          sink.end();
        } catch (err) {
          fail(err);
        }
      }
      resolve(out);
    };
    req.on("data", (chunk: Buffer) => {
      out.rawSize += chunk.length;
      if (failed) return;
      try {
        sink.write(chunk);
      } catch (err) {
        fail(err);
      }
    });
    req.on("end", () => finish(false));
    req.on("error", () => finish(true));
    req.on("close", () => finish(!req.complete));
  });
}

function sinkFor(contentType: string, out: ReadBody, keepBytesUnder: number): Sink {
  const mime = contentType.split(";")[0]!.trim().toLowerCase();

  const boundary = multipartBoundary(contentType);
  if (boundary !== undefined) {
    const parser = new MultipartParser(boundary, { keepBytesUnder });
    return {
      write: (chunk) => parser.write(chunk),
      end: () => {
        const result = parser.end();
        const files: NonNullable<RecordedRequest["form"]>["files"] = {};
        for (const [name, f] of Object.entries(result.files)) files[name] = { filename: f.filename, type: f.type, size: f.size, sha256: f.sha256 };
        out.form = { fields: result.fields, files };
        out.files = result.files;
      },
    };
  }
  if (mime === "multipart/form-data") {
    return { write() {}, end: () => { throw new MultipartError("multipart/form-data without a boundary"); } };
  }

  const isJson = mime === "application/json" || mime.endsWith("+json");
  if (isJson || mime === "application/x-www-form-urlencoded") {
    const chunks: Buffer[] = [];
    let size = 0;
    return {
      write: (chunk) => {
        size += chunk.length;
        if (size > MAX_BUFFERED_BODY) throw new Error(`request body over ${MAX_BUFFERED_BODY} bytes`);
        chunks.push(chunk);
      },
      end: () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if (isJson) {
          try {
            out.body = JSON.parse(text);
          } catch (err) {
            throw new Error(`the request body is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
          }
        } else {
          out.form = { fields: Object.fromEntries(new URLSearchParams(text)), files: {} };
        }
      },
    };
  }

  // Anything else (binary uploads, text/plain…): hashed and counted, bytes kept when small.
  const hash = createHash("sha256");
  let size = 0;
  let kept: Buffer[] | undefined = [];
  return {
    write: (chunk) => {
      size += chunk.length;
      hash.update(chunk);
      if (kept && size < keepBytesUnder) kept.push(chunk);
      else kept = undefined;
    },
    end: () => {
      if (size === 0 && !contentType) return;
      out.raw = { contentType, size, sha256: hash.digest("hex"), ...(kept ? { bytes: new Uint8Array(Buffer.concat(kept)) } : {}) };
    },
  };
}
