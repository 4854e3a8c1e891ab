// Blocking users: block, unblock (both report per-user outcomes) and the block list.
export { blockUsers, unblockUsers, type BlockUsersOptions, type UnblockUsersOptions } from "./block.ts";
export { getBlockedUsers, type GetBlockedUsersOptions } from "./blocked.ts";
export type { BlockedUser, BlockUserFailure, BlockUsersResult, UnblockUsersResult } from "./types.ts";
