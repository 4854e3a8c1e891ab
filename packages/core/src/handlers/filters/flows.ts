import type { Filter } from "../filter.ts";
import { builtin } from "./util.ts";

/** A user completed a Flow (its response came back as a message). */
export const flowCompletion: Filter<unknown> = builtin("flowCompletion", (u) => u.kind === "flowCompletion");
