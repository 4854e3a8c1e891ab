import { describe, expect, it } from "vitest";
import { WhatsApp, type AnyUpdate, type UpdateKind } from "@edgewa/core";
import { FIXTURE_PHONE_NUMBER_ID, fixtureKind, loadFixtures } from "./fixtures/updates/index.ts";
import { signedRequest } from "./support/webhook.ts";

/**
 * Every fixture, signed exactly as Meta signs it, POSTed through `wa.fetch`: each
 * update reaches the handler registered for its kind, through the public `on…`
 * method of that kind, and nothing else.
 */
const SECRET = "fixtures-app-secret";
const fixtures = loadFixtures();

const KINDS: UpdateKind[] = [
  "message", "callbackButton", "callbackSelection", "messageStatus", "groupMessageStatuses", "chatOpened",
  "flowCompletion", "phoneNumberChange", "identityChange", "callConnect", "callTerminate", "callStatus",
  "callPermissionUpdate", "userMarketingPreferences", "templateStatusUpdate", "templateCategoryUpdate",
  "templateQualityUpdate", "templateComponentsUpdate", "accountUpdate", "editedMessage", "deletedMessage",
  "outgoingMessage", "outgoingEditedMessage", "outgoingDeletedMessage", "raw",
];

function recordingBot() {
  const wa = new WhatsApp({ phoneId: FIXTURE_PHONE_NUMBER_ID, appSecret: SECRET, logger: { debug() {}, warn() {}, error() {} } });
  const seen: { via: UpdateKind; update: AnyUpdate }[] = [];
  for (const kind of KINDS) {
    const method = kind === "raw" ? "onRawUpdate" : `on${kind[0]!.toUpperCase()}${kind.slice(1)}`;
    const register = (wa as unknown as Record<string, (cb: (wa: WhatsApp, u: AnyUpdate) => void) => unknown>)[method];
    expect(register, `wa.${method}`).toBeTypeOf("function");
    register!((_, update) => void seen.push({ via: kind, update }));
  }
  return { wa, seen };
}

describe("every fixture through wa.fetch, signed", () => {
  const kinds = Object.keys(fixtures).filter((f) => f !== "multi" && f !== "raw");
  it("covers every kind there is a handler for", () => {
    expect(kinds.map(fixtureKind).sort()).toEqual(KINDS.filter((k) => k !== "raw").sort());
  });

  for (const file of kinds) {
    const kind = fixtureKind(file) as UpdateKind;
    for (const [name, payload] of Object.entries(fixtures[file]!)) {
      it(`${kind}: ${name}`, async () => {
        const { wa, seen } = recordingBot();
        const res = await wa.fetch(signedRequest(SECRET, payload));
        expect(res.status).toBe(200);
        const typed = seen.filter((s) => s.via !== "raw");
        expect(typed.length).toBeGreaterThan(0);
        for (const { via, update } of typed) {
          expect(via).toBe(kind);
          expect(update.kind).toBe(kind);
          expect(update.raw).toEqual((payload as { entry: { changes: unknown[] }[] }).entry[0]!.changes[0]);
        }
        // The raw handler sees each change once, after the typed handlers.
        expect(seen.at(-1)!.via).toBe("raw");
        expect(seen.filter((s) => s.via === "raw")).toHaveLength(1);
      });
    }
  }

  for (const [name, payload] of Object.entries(fixtures.raw!)) {
    it(`unknown shape stays raw: ${name}`, async () => {
      const { wa, seen } = recordingBot();
      const res = await wa.fetch(signedRequest(SECRET, payload));
      expect(res.status).toBe(200);
      expect(seen.every((s) => s.via === "raw")).toBe(true);
    });
  }

  it("a payload with several entries, changes and messages yields one update each", async () => {
    const { wa, seen } = recordingBot();
    const payload = Object.values(fixtures.multi!)[0]!;
    expect((await wa.fetch(signedRequest(SECRET, payload))).status).toBe(200);
    const count = (k: UpdateKind) => seen.filter((s) => s.via === k).length;
    expect(count("message")).toBe(3);
    expect(count("messageStatus")).toBe(2);
    expect(count("templateStatusUpdate")).toBe(1);
    expect(count("raw")).toBe(3);
    expect(new Set(seen.filter((s) => s.via === "message").map((s) => s.update.id)).size).toBe(3);
  });

  it("garbage that is still JSON is acknowledged, never a crash", async () => {
    for (const body of ["null", "[]", "42", '"text"', "{}", '{"entry":5}', '{"entry":[null,{"changes":"x"}]}']) {
      const { wa, seen } = recordingBot();
      const res = await wa.fetch(signedRequest(SECRET, body));
      expect(res.status, body).toBe(200);
      expect(seen.filter((s) => s.via !== "raw"), body).toEqual([]);
    }
  });
});
