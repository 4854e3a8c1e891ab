import type { Reply } from "../types.ts";

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A 200 JSON answer. */
export function ok(json: unknown): Reply {
  return { status: 200, json };
}
