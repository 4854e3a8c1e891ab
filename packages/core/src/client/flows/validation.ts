/**
 * Validation errors Meta reports for a Flow JSON (on upload, creation and in the
 * flow's details), typed and located: line and column ranges in the uploaded
 * file, JSON paths in `pointers`, and when edgewa uploaded the text itself, the
 * offending lines (`excerpt`).
 */

/** One location of a validation error, as Meta sends it. */
export interface FlowValidationPointerWire {
  line_start?: number;
  line_end?: number;
  column_start?: number;
  column_end?: number;
  /** e.g. `screens[0].layout.children[0].type` */
  path?: string;
}

/** `validation_errors[]` as Meta sends it. */
export interface FlowValidationErrorWire {
  error?: string;
  error_type?: string;
  message?: string;
  line_start?: number;
  line_end?: number;
  column_start?: number;
  column_end?: number;
  pointers?: (FlowValidationPointerWire | string)[];
}

export interface FlowValidationPointer {
  lineStart: number | undefined;
  lineEnd: number | undefined;
  columnStart: number | undefined;
  columnEnd: number | undefined;
  /** The JSON path of the offending value, e.g. `screens[0].layout.children[0].type`. */
  path: string | undefined;
}

/**
 * One problem in a Flow JSON (pywa's `FlowValidationError`, an exception there
 * too, so it can be thrown as is). `message` is Meta's text; `toString()` adds
 * the code and the location.
 */
export class FlowValidationError extends Error {
  /** The error code, e.g. `INVALID_PROPERTY_VALUE`. */
  readonly error: string;
  /** e.g. `FLOW_JSON_ERROR`. */
  readonly errorType: string;
  readonly lineStart: number | undefined;
  readonly lineEnd: number | undefined;
  readonly columnStart: number | undefined;
  readonly columnEnd: number | undefined;
  readonly pointers: readonly FlowValidationPointer[];
  /** The lines `lineStart`..`lineEnd` of the uploaded text, when edgewa uploaded it (createFlow / updateFlowJson). */
  readonly excerpt: string | undefined;
  /** The error object as received. */
  readonly raw: Readonly<FlowValidationErrorWire>;

  constructor(wire: FlowValidationErrorWire, source?: string) {
    super(typeof wire.message === "string" ? wire.message : "Invalid Flow JSON");
    this.name = "FlowValidationError";
    this.raw = wire;
    this.error = str(wire.error) ?? "";
    this.errorType = str(wire.error_type) ?? "";
    this.lineStart = int(wire.line_start);
    this.lineEnd = int(wire.line_end) ?? this.lineStart;
    this.columnStart = int(wire.column_start);
    this.columnEnd = int(wire.column_end);
    this.pointers = (Array.isArray(wire.pointers) ? wire.pointers : []).map(pointer);
    this.excerpt = source === undefined || this.lineStart === undefined ? undefined : lines(source, this.lineStart, this.lineEnd ?? this.lineStart);
  }

  /** `line 10, columns 21-34` (or what is known of it). */
  get location(): string {
    if (this.lineStart === undefined) return "";
    const lines = this.lineEnd !== undefined && this.lineEnd !== this.lineStart ? `lines ${this.lineStart}-${this.lineEnd}` : `line ${this.lineStart}`;
    if (this.columnStart === undefined) return lines;
    const sameLine = this.lineEnd === undefined || this.lineEnd === this.lineStart;
    return sameLine && this.columnEnd !== undefined ? `${lines}, columns ${this.columnStart}-${this.columnEnd}` : `${lines}, column ${this.columnStart}`;
  }

  override toString(): string {
    const where = [this.error, this.location, this.pointers[0]?.path].filter(Boolean).join(", ");
    return `${this.name}: ${this.message}${where ? ` (${where})` : ""}`;
  }
}

/** `validation_errors` of a response, typed; `source` is the text that was uploaded, if known. */
export function validationErrors(list: unknown, source?: string): FlowValidationError[] {
  return Array.isArray(list) ? list.filter(isObject).map((e) => new FlowValidationError(e as FlowValidationErrorWire, source)) : [];
}

function pointer(p: FlowValidationPointerWire | string): FlowValidationPointer {
  if (typeof p === "string") return { lineStart: undefined, lineEnd: undefined, columnStart: undefined, columnEnd: undefined, path: p };
  return {
    lineStart: int(p?.line_start),
    lineEnd: int(p?.line_end),
    columnStart: int(p?.column_start),
    columnEnd: int(p?.column_end),
    path: str(p?.path),
  };
}

function lines(source: string, start: number, end: number): string | undefined {
  const all = source.split(/\r?\n/);
  if (start < 1 || start > all.length) return undefined;
  return all.slice(start - 1, Math.min(Math.max(end, start), all.length)).join("\n");
}

function isObject(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function int(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
}
