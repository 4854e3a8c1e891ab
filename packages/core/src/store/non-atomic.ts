import type { Store } from "./store.ts";

/** Thrown when exactly-once machinery is handed a store that can't guarantee it. */
export class NonAtomicStoreError extends Error {
  override name = "NonAtomicStoreError";
}

/**
 * Refuses a non-atomic store for `purpose` unless the user opted in. Claims and
 * listeners rely on create-if-absent and compare-and-set having one winner; on an
 * eventually consistent store two deliveries can both win, so the same update would be
 * handled twice. That must be a decision, not a surprise.
 */
export function assertAtomicStore(store: Store, purpose: string, allowNonAtomic: boolean): void {
  if (store.atomic || allowNonAtomic) return;
  const name = (store as { constructor?: { name?: unknown } }).constructor?.name;
  const which = typeof name === "string" && name !== "" && name !== "Object" ? ` (${name})` : "";
  throw new NonAtomicStoreError(
    `${purpose} needs an atomic store, but this store${which} reports atomic: false. ` +
      "KV is eventually consistent (last write wins, changes take up to 60 s to be seen everywhere), " +
      "so two deliveries of one update can both claim it and it would be handled twice. " +
      "Pass allowNonAtomicStore: true to accept duplicate handling, " +
      "or use DurableObjectStore, DynamoDbStore or MemoryStore.",
  );
}
