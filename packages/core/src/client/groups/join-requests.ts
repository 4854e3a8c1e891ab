import { callOptions, type CallOptions } from "../../graph/request.ts";
import { Page, type PageOptions } from "../../graph/pagination.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { approveGroupJoinRequests, rejectGroupJoinRequests } from "./approve-reject.ts";
import {
  groupSegment, toJoinRequest,
  type ApproveGroupJoinRequestsResult, type GroupJoinRequest, type RejectGroupJoinRequestsResult,
} from "./types.ts";

export interface GetGroupJoinRequestsOptions extends CallOptions, PageOptions {
  // `limit`, `after`, `before`: page size and cursors (pywa's `pagination`).
  groupId: string;
}

/**
 * pywa's `get_group_join_requests`: `GET /{group-id}/join_requests`, the open requests
 * to join a group, one page at a time, with `approveAll()` / `rejectAll()`.
 */
export async function getGroupJoinRequests(wa: WhatsApp, options: GetGroupJoinRequestsOptions): Promise<GroupJoinRequestsPage> {
  const group = groupSegment(options.groupId, "getGroupJoinRequests");
  const page = await Page.fetch(
    wa.api,
    { method: "GET", path: `/${group}/join_requests`, ...callOptions(options) },
    toJoinRequest,
    { limit: options.limit, after: options.after, before: options.before },
  );
  return new GroupJoinRequestsPage(wa, options.groupId, page);
}

export interface AnswerAllJoinRequestsOptions extends CallOptions {
  /** Also every following page (fetched first), not only this one. Default `false`, as pywa's `fetch_all`. */
  fetchAll?: boolean;
}

/**
 * One page of a group's join requests (pywa's `GroupJoinRequestsResult`): a `Page`
 * whose `next()` / `previous()` give pages of the same kind (pywa's raise
 * `TypeError` there), plus `approveAll()` / `rejectAll()`.
 */
export class GroupJoinRequestsPage implements AsyncIterable<GroupJoinRequest> {
  readonly groupId: string;
  /** The plain page underneath. */
  readonly page: Page<GroupJoinRequest>;
  readonly #wa: WhatsApp;

  /** Built by `getGroupJoinRequests`. */
  constructor(wa: WhatsApp, groupId: string, page: Page<GroupJoinRequest>) {
    this.#wa = wa;
    this.groupId = groupId;
    this.page = page;
  }

  get data(): readonly GroupJoinRequest[] {
    return this.page.data;
  }

  get before(): string | undefined {
    return this.page.before;
  }

  get after(): string | undefined {
    return this.page.after;
  }

  get hasNext(): boolean {
    return this.page.hasNext;
  }

  get hasPrevious(): boolean {
    return this.page.hasPrevious;
  }

  async next(): Promise<GroupJoinRequestsPage | undefined> {
    return this.#wrap(await this.page.next());
  }

  async previous(): Promise<GroupJoinRequestsPage | undefined> {
    return this.#wrap(await this.page.previous());
  }

  [Symbol.asyncIterator](): AsyncIterator<GroupJoinRequest> {
    return this.page[Symbol.asyncIterator]();
  }

  /** Every request from this page on. */
  all(): Promise<GroupJoinRequest[]> {
    return this.page.all();
  }

  /** Approves the requests of this page (or, with `fetchAll`, of every page from here on) in one call. */
  async approveAll(options: AnswerAllJoinRequestsOptions = {}): Promise<ApproveGroupJoinRequestsResult> {
    const requestIds = await this.#ids(options);
    // Nothing pending: no call (Meta refuses an empty list).
    if (requestIds.length === 0) return { requestId: undefined, approved: [], failed: [], raw: {} };
    return approveGroupJoinRequests(this.#wa, { ...callOptions(options), groupId: this.groupId, requestIds });
  }

  /** Rejects the requests of this page (or, with `fetchAll`, of every page from here on) in one call. */
  async rejectAll(options: AnswerAllJoinRequestsOptions = {}): Promise<RejectGroupJoinRequestsResult> {
    const requestIds = await this.#ids(options);
    if (requestIds.length === 0) return { requestId: undefined, rejected: [], failed: [], raw: {} };
    return rejectGroupJoinRequests(this.#wa, { ...callOptions(options), groupId: this.groupId, requestIds });
  }

  async #ids(options: AnswerAllJoinRequestsOptions): Promise<string[]> {
    const requests = options.fetchAll ? await this.all() : this.data;
    return requests.map((request) => request.id).filter((id) => id !== "");
  }

  #wrap(page: Page<GroupJoinRequest> | undefined): GroupJoinRequestsPage | undefined {
    return page && new GroupJoinRequestsPage(this.#wa, this.groupId, page);
  }
}
