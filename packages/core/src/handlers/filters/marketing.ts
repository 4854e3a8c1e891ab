import type { UserMarketingPreferences } from "../../updates/user-marketing-preferences.ts";
import type { Filter } from "../filter.ts";
import { builtin, is } from "./util.ts";

/** Changes of a user's marketing-message preferences. */
export const userMarketingPreferences: Filter<unknown> = builtin(
  "userMarketingPreferences",
  (u) => u.kind === "userMarketingPreferences",
);

/** The user asked to stop receiving marketing messages (`value === "stop"`). */
export const userMarketingPreferencesStop: Filter<UserMarketingPreferences> = builtin(
  "userMarketingPreferencesStop",
  (u) => u.kind === "userMarketingPreferences" && is(u.value, "stop"),
);

/**
 * The user asked to receive marketing messages again (`value === "resume"`).
 * pywa's version is "anything but stop", which also matches `signup` and unknown
 * values; for that, use
 * `filters.userMarketingPreferences.and(filters.not(filters.userMarketingPreferencesStop))`.
 */
export const userMarketingPreferencesResume: Filter<UserMarketingPreferences> = builtin(
  "userMarketingPreferencesResume",
  (u) => u.kind === "userMarketingPreferences" && is(u.value, "resume"),
);
