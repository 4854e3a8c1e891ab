// @edgewa/cloudflare: edgewa on Cloudflare Workers. No node:* imports, no
// nodejs_compat: everything here runs in plain workerd.
export { defineWorker, type ClientFactory, type EdgewaWorker } from "./worker.ts";
export { KvStore, type KvStoreOptions } from "./kv-store.ts";
export { DurableObjectStore, type DurableObjectStoreOptions } from "./durable-object-store.ts";
export { EdgewaStoreObject, setStoreAlarmHook, type StoreAlarmHook } from "./store-object.ts";
export { defaultShard, listenerDeadline, type ShardFn } from "./shard.ts";
export type {
  DurableObjectNamespaceLike,
  DurableObjectStateLike,
  ExecutionContextLike,
  KvNamespaceLike,
  ScheduledControllerLike,
} from "./types.ts";
