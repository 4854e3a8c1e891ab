// A type-only import: the builder stays out of bundles that never build a Flow JSON.
import type { FlowJSON } from "../../flows/json/flow-json.ts";

/**
 * A Flow JSON as createFlow / updateFlowJson take it (pywa's `FlowJSON | dict |
 * str | bytes | file`): the builder's FlowJSON, a plain object, JSON text, its
 * bytes, or a Blob. There are no file paths in the core: on Node, pass
 * `await fs.openAsBlob(path)` or the file's text.
 */
export type FlowJsonInput = FlowJSON | Readonly<Record<string, unknown>> | string | Uint8Array | ArrayBuffer | Blob;

/** The text that is sent (kept, so validation errors can quote their lines). */
export async function flowJsonText(input: FlowJsonInput, method: string): Promise<string> {
  if (isFlowJson(input)) return input.toJsonString();
  if (typeof input === "string") return checkText(input, method);
  if (input instanceof Blob) return checkText(await input.text(), method);
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return checkText(new TextDecoder().decode(input), method);
  if (typeof input === "object" && input !== null) return JSON.stringify(input, null, 2);
  throw new TypeError(`${method}: flowJson must be a FlowJSON, an object, JSON text, bytes or a Blob; got ${typeof input}`);
}

/**
 * Text that is not even an object is a mistake (a file path, most likely); broken
 * JSON is still sent, so Meta can point at the line.
 */
function checkText(text: string, method: string): string {
  if (!text.trimStart().startsWith("{")) {
    const preview = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new TypeError(
      `${method}: flowJson text must be a JSON object, got "${preview}". To send a file, read it first ` +
        "(on Node: `await fs.openAsBlob(path)`): the core has no file system.",
    );
  }
  return text;
}

function isFlowJson(input: unknown): input is FlowJSON {
  return typeof input === "object" && input !== null && typeof (input as { toJsonString?: unknown }).toJsonString === "function";
}
