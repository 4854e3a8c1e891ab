import type { Filter } from "../filter.ts";
import { builtin } from "./util.ts";

/** A user changed their phone number (or their user id). */
export const phoneNumberChange: Filter<unknown> = builtin("phoneNumberChange", (u) => u.kind === "phoneNumberChange");

/** A user's identity (security code) changed. */
export const identityChange: Filter<unknown> = builtin("identityChange", (u) => u.kind === "identityChange");
