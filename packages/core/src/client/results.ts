/**
 * pywa's `SuccessResult`: the answer of calls that only acknowledge (delete a
 * media, mark a message as read, …): `{ "success": true }` from the Graph API.
 */
export interface SuccessResult {
  success: boolean;
}
