import type { Filter } from "../filter.ts";
import { builtin } from "./util.ts";

/** Button clicks: reply buttons and template quick replies. */
export const callbackButton: Filter<unknown> = builtin("callbackButton", (u) => u.kind === "callbackButton");

/** Selections from a list message. */
export const callbackSelection: Filter<unknown> = builtin("callbackSelection", (u) => u.kind === "callbackSelection");
