// Business usernames: the name shown instead of (not hiding) the business number.
export { setUsername, type SetUsernameOptions } from "./set.ts";
export {
  getCurrentUsername, getReservedUsernames,
  type GetCurrentUsernameOptions, type GetReservedUsernamesOptions,
} from "./get.ts";
export { deleteUsername, type DeleteUsernameOptions } from "./delete.ts";
export type { UsernameStatus, UsernameStatusValue } from "./types.ts";
