/**
 * The few Workers runtime shapes this package touches, declared structurally so the
 * sources type-check with or without `@cloudflare/workers-types` (whose globals clash
 * with the DOM library the repository's root program uses). The real types are
 * checked against these in `type-tests/workers-types.ts`.
 */

/** `ctx` of a Worker's `fetch` and `scheduled`: Workers' `ExecutionContext`. */
export interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
}

/** The `controller` of a cron trigger: Workers' `ScheduledController`. */
export interface ScheduledControllerLike {
  readonly scheduledTime: number;
  readonly cron: string;
}

/** What `KvStore` uses of a KV namespace binding: Workers' `KVNamespace`. */
export interface KvNamespaceLike {
  get(key: string, type: "text"): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A Durable Object id: Workers' `DurableObjectId`. */
export interface DurableObjectIdLike {
  toString(): string;
}

/** The part of a Durable Object's answer the store reads. */
export interface StubResponseLike {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

/** A stub of one Durable Object instance: Workers' `DurableObjectStub`. */
export interface DurableObjectStubLike {
  fetch(input: string, init: { method: string; body: string }): Promise<StubResponseLike>;
}

/** A Durable Object namespace binding: Workers' `DurableObjectNamespace`. */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): DurableObjectIdLike;
  get(id: DurableObjectIdLike): DurableObjectStubLike;
}

/** The row cursor of `ctx.storage.sql.exec`: Workers' `SqlStorageCursor`. */
export interface SqlCursorLike<T> {
  toArray(): T[];
}

/** SQLite storage of a Durable Object: Workers' `SqlStorage`. */
export interface SqlStorageLike {
  exec<T extends Record<string, string | number | null | ArrayBuffer>>(query: string, ...bindings: unknown[]): SqlCursorLike<T>;
}

/** What `EdgewaStoreObject` uses of its state: Workers' `DurableObjectState`. */
export interface DurableObjectStateLike {
  readonly storage: {
    readonly sql?: SqlStorageLike;
    setAlarm(scheduledTime: number): Promise<void>;
    deleteAlarm(): Promise<void>;
  };
}
