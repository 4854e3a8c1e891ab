import { expect } from "vitest";
import type { UpdateKind, UpdateKinds, WhatsApp } from "@edgewa/core";
import { signedRequest } from "./webhook.ts";

/**
 * POSTs `payload`, signed with `secret`, to `wa` and runs `act` on the first update
 * of `kind` inside its handler, where the shortcuts are meant to be used; resolves
 * to what `act` returned, rejects with what it threw. Fails if no such handler ran.
 */
export async function inHandler<K extends Exclude<UpdateKind, "raw">, R>(
  wa: WhatsApp,
  secret: string,
  kind: K,
  payload: object,
  act: (update: UpdateKinds[K]) => Promise<R>,
): Promise<R> {
  const outcome: { done: boolean; value?: R; error?: unknown } = { done: false };
  const method = `on${kind[0]!.toUpperCase()}${kind.slice(1)}`;
  const register = (wa as unknown as Record<string, (cb: (wa: WhatsApp, u: UpdateKinds[K]) => unknown) => unknown>)[method]!;
  register.call(wa, async (_, update) => {
    if (outcome.done) return;
    outcome.done = true;
    try {
      outcome.value = await act(update);
    } catch (error) {
      outcome.error = error;
    }
  });
  const response = await wa.fetch(signedRequest(secret, payload));
  expect(response.status).toBe(200);
  expect(outcome.done, `no ${kind} handler ran`).toBe(true);
  if ("error" in outcome) throw outcome.error;
  return outcome.value as R;
}
