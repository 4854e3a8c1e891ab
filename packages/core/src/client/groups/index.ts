// Groups: create, read, list and delete groups; their invite link, participants,
// settings and join requests. Most changes complete later, reported by webhook.
export { createGroup, type CreateGroupOptions } from "./create.ts";
export { getGroup, getGroups, type GetGroupOptions, type GetGroupsOptions } from "./get.ts";
export { deleteGroup, type DeleteGroupOptions } from "./delete.ts";
export {
  getGroupJoinRequests, GroupJoinRequestsPage,
  type GetGroupJoinRequestsOptions, type AnswerAllJoinRequestsOptions,
} from "./join-requests.ts";
export {
  approveGroupJoinRequests, rejectGroupJoinRequests,
  type ApproveGroupJoinRequestsOptions, type RejectGroupJoinRequestsOptions,
} from "./approve-reject.ts";
export {
  getGroupInviteLink, resetGroupInviteLink,
  type GetGroupInviteLinkOptions, type ResetGroupInviteLinkOptions,
} from "./invite-link.ts";
export { removeGroupParticipants, type RemoveGroupParticipantsOptions } from "./participants.ts";
export { updateGroupSettings, type UpdateGroupSettingsOptions, type GroupProfilePicture } from "./update.ts";
export type {
  GroupJoinApprovalMode, GroupSummary, GroupDetails, GroupJoinRequest, GroupInviteLink, GroupOperation,
  GroupJoinRequestFailure, ApproveGroupJoinRequestsResult, RejectGroupJoinRequestsResult,
} from "./types.ts";
