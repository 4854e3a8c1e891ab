/**
 * Compile-time proof that the real Workers types fit the structural ones in
 * src/types.ts, and that the objects this package exports fit what the runtime
 * expects of a Worker and of a Durable Object class. Checked by
 * `tsc -p packages/adapter-cloudflare` (never run).
 */
import { WhatsApp } from "@edgewa/core";
import {
  DurableObjectStore,
  EdgewaStoreObject,
  KvStore,
  defineWorker,
  type DurableObjectNamespaceLike,
  type DurableObjectStateLike,
  type ExecutionContextLike,
  type KvNamespaceLike,
  type ScheduledControllerLike,
} from "../src/index.ts";
import type {
  DurableObject,
  DurableObjectNamespace,
  DurableObjectState,
  ExecutionContext,
  ExportedHandler,
  KVNamespace,
  ScheduledController,
} from "@cloudflare/workers-types/index.ts";

interface Env {
  KV: KVNamespace;
  STORE: DurableObjectNamespace;
}

declare const env: Env;
declare const state: DurableObjectState;
declare const ctx: ExecutionContext;
declare const controller: ScheduledController;

export const kv: KvNamespaceLike = env.KV;
export const namespace: DurableObjectNamespaceLike = env.STORE;
export const objectState: DurableObjectStateLike = state;
export const executionContext: ExecutionContextLike = ctx;
export const scheduledController: ScheduledControllerLike = controller;

export const stores = [new KvStore(env.KV), new DurableObjectStore(env.STORE)];

// What `export default defineWorker(...)` must be for the runtime. Its `fetch` takes the
// global Request of the program it is compiled in (Workers' own, in a Worker project);
// here the globals are the WebWorker lib's, so only the other members are compared.
const built = defineWorker<Env>((e) => new WhatsApp({ store: new DurableObjectStore(e.STORE) }));
export const worker: Pick<ExportedHandler<Env>, "scheduled"> = built;

// What a Durable Object class must be for the runtime: constructed with (state, env); an alarm
// handler (its fetch takes the global Request, as the Worker's does).
export const object: Pick<DurableObject, "alarm"> = new EdgewaStoreObject(state, env);
