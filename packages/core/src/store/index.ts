export type { Clock, DeleteOptions, SetOptions, Store, StoreEntry } from "./store.ts";
export { systemClock } from "./store.ts";
export type { MemoryStoreOptions } from "./memory.ts";
export { MemoryStore, copyJson } from "./memory.ts";
export type { StoreConformanceCase, StoreConformanceOptions } from "./conformance.ts";
export { ManualClock, storeConformanceCases } from "./conformance.ts";
export type { Claim, ClaimOptions, ClaimResult } from "./claims.ts";
export { Claims } from "./claims.ts";
export { NonAtomicStoreError, assertAtomicStore } from "./non-atomic.ts";
