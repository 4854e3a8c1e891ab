import { callOptions, type CallOptions, type GraphApi, type GraphRequest } from "./request.ts";

/** The Graph API's list envelope: `{ data, paging: { cursors, next, previous } }`. */
export interface ListResponse<W> {
  data?: W[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
  summary?: Record<string, unknown>;
}

/** Where a list page's items are in its answer. */
export type ListItems = (response: ListResponse<unknown>) => readonly unknown[] | undefined;

/** The usual place: `data: [...]`. */
const dataItems: ListItems = (response) => (Array.isArray(response.data) ? response.data : undefined);

/** Cursor options of every list call (pywa's `Pagination`). */
export interface PageOptions {
  /** Items per page. */
  limit?: number;
  /** Start after this cursor (a page's `after`). */
  after?: string;
  /** Start before this cursor (a page's `before`). */
  before?: string;
}

/**
 * One page of a list call. Read `data`, move with `next()` / `previous()`, or walk
 * every item from here on with `for await (const item of page)` (pages are fetched
 * as the loop needs them; `all()` collects them). Following a page uses the
 * absolute `paging.next` URL Meta gives, with the token moved to the header.
 */
export class Page<T> implements AsyncIterable<T> {
  readonly data: readonly T[];
  /** The cursors, to resume later with `{ after }` / `{ before }`. */
  readonly before: string | undefined;
  readonly after: string | undefined;
  /** Totals some lists carry (`summary`), untouched. */
  readonly summary: Record<string, unknown> | undefined;
  readonly #api: GraphApi;
  readonly #map: (wire: never) => T;
  readonly #items: ListItems;
  readonly #call: CallOptions;
  readonly #next: string | undefined;
  readonly #previous: string | undefined;

  private constructor(api: GraphApi, response: ListResponse<unknown>, map: (wire: never) => T, items: ListItems, call: CallOptions) {
    this.#api = api;
    this.#map = map;
    this.#items = items;
    this.#call = call;
    this.data = (items(response) ?? []).map((item) => map(item as never));
    this.before = response.paging?.cursors?.before;
    this.after = response.paging?.cursors?.after;
    this.#next = response.paging?.next;
    this.#previous = response.paging?.previous;
    this.summary = response.summary;
  }

  /**
   * Fetches the first page of a list call. `items` says where a page's items are,
   * for the few lists that do not put them in `data` (e.g. `data.groups`).
   */
  static async fetch<W, T>(
    api: GraphApi,
    req: GraphRequest,
    map: (wire: W) => T,
    page: PageOptions = {},
    items: ListItems = dataItems,
  ): Promise<Page<T>> {
    const query = { ...req.query, limit: page.limit, after: page.after, before: page.before };
    const response = await api.request<ListResponse<W>>({ ...req, method: "GET", query });
    // Later pages follow Meta's absolute URLs, which carry the query already.
    return new Page<T>(api, response as ListResponse<unknown>, map as (wire: never) => T, items, callOptions(req));
  }

  get hasNext(): boolean {
    return this.#next !== undefined;
  }

  get hasPrevious(): boolean {
    return this.#previous !== undefined;
  }

  next(): Promise<Page<T> | undefined> {
    return this.#follow(this.#next);
  }

  previous(): Promise<Page<T> | undefined> {
    return this.#follow(this.#previous);
  }

  /** This page, then every following one. */
  async *pages(): AsyncGenerator<Page<T>> {
    let page: Page<T> | undefined = this;
    while (page) {
      yield page;
      page = await page.next();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Every item from this page on. Unbounded: prefer iterating for long lists. */
  async all(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }

  async #follow(url: string | undefined): Promise<Page<T> | undefined> {
    if (!url) return undefined;
    const response = await this.#api.request<ListResponse<unknown>>({ ...this.#call, method: "GET", path: url });
    return new Page<T>(this.#api, response, this.#map, this.#items, this.#call);
  }
}
