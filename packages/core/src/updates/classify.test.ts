import { describe, expect, it } from "vitest";
import { FAKE_CLIENT, classifyFixture, fixture } from "../../../../test/fixtures/updates/classify-fixture.ts";
import { fixtureKind, loadFixtures } from "../../../../test/fixtures/updates/index.ts";
import { BaseUpdate } from "./base.ts";
import { classifyPayload } from "./classify.ts";
import { RawUpdate } from "./raw.ts";

const all = loadFixtures();
const typedFiles = Object.keys(all).filter((f) => f !== "multi" && f !== "raw");

describe("classifyPayload: one fixture file per kind", () => {
  it("has a fixture file for every typed kind", () => {
    expect(typedFiles.map(fixtureKind).sort()).toEqual(
      [
        "accountUpdate",
        "callConnect",
        "callPermissionUpdate",
        "callStatus",
        "callTerminate",
        "callbackButton",
        "callbackSelection",
        "chatOpened",
        "deletedMessage",
        "editedMessage",
        "flowCompletion",
        "groupMessageStatuses",
        "identityChange",
        "message",
        "messageStatus",
        "outgoingDeletedMessage",
        "outgoingEditedMessage",
        "outgoingMessage",
        "phoneNumberChange",
        "templateCategoryUpdate",
        "templateComponentsUpdate",
        "templateQualityUpdate",
        "templateStatusUpdate",
        "userMarketingPreferences",
      ].sort(),
    );
  });

  for (const file of typedFiles) {
    for (const name of Object.keys(all[file]!)) {
      it(`${file}#${name} is one ${fixtureKind(file)} and its raw change`, () => {
        const payload = fixture(file, name) as { entry: { id: string; time?: number; changes: object[] }[] };
        const changes = classifyPayload(FAKE_CLIENT, payload);
        expect(changes).toHaveLength(1);
        const [change] = changes;
        expect(change!.problems).toEqual([]);
        expect(change!.updates.map((u) => u.kind)).toEqual([fixtureKind(file)]);
        const wire = payload.entry[0]!.changes[0]!;
        // Untouched: the very objects of the payload, not copies.
        expect(change!.raw.raw).toBe(wire);
        expect(change!.updates[0]!.raw).toBe(wire);
        expect(change!.raw.entryId).toBe(payload.entry[0]!.id);
        expect(change!.raw.id).toBe(`${payload.entry[0]!.id}:${change!.raw.field}`);
        expect(change!.raw.timestamp).toEqual(new Date((payload.entry[0]!.time ?? 0) * 1000));
        expect(change!.updates[0]!.wabaId).toBe(payload.entry[0]!.id);
      });
    }
  }
});

describe("classifyPayload: batched payloads", () => {
  it("reads every entry, every change and every item", () => {
    const changes = classifyFixture("multi", "two_entries");
    expect(changes.map((c) => c.raw.id)).toEqual([
      "102290129340398:messages",
      "102290129340398:messages",
      "109876543210987:message_template_status_update",
    ]);
    expect(changes.map((c) => c.updates.map((u) => u.kind))).toEqual([
      ["message", "message", "message"],
      ["messageStatus", "messageStatus"],
      ["templateStatusUpdate"],
    ]);
    expect(changes.flatMap((c) => c.problems)).toEqual([]);

    const [text, image, reaction] = changes[0]!.updates;
    if (text?.kind !== "message" || image?.kind !== "message" || reaction?.kind !== "message") throw new Error("kinds");
    expect([text.text, text.from.name]).toEqual(["First of three", "Pablo Morales"]);
    // The second message is from the second contact: each item finds its own sender.
    expect([image.image?.id, image.from.name, image.from.waId]).toEqual(["7788990011223344", "Sheena Nelson", "447700900123"]);
    expect(reaction.reaction?.emoji).toBe("❤️");
    expect(reaction.messageIdToReply).toBe(text.id);

    const statuses = changes[1]!.updates;
    expect(statuses.map((s) => s.dedupeKey)).toEqual([
      "messageStatus:wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJNVUxUSVNUQVRVUzAwMUFBQQA=:delivered",
      "messageStatus:wamid.HBgLNDQ3NzAwOTAwMTIzFQIAERgSTVVMVElTVEFUVVMwMDJBQUEA:read",
    ]);
    const template = changes[2]!.updates[0]!;
    expect(template.wabaId).toBe("109876543210987");
    expect(template.timestamp).toEqual(new Date(1750017020 * 1000));
    expect(changes[2]!.raw.entryTime).toBe(1750017020);
  });

  it("reads messages and statuses of one change, private statuses one by one and group ones together", () => {
    const value = {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550001111", phone_number_id: "1234567890" },
      contacts: [{ profile: { name: "Pablo" }, wa_id: "16505551234" }],
      messages: [{ from: "16505551234", id: "wamid.M1", timestamp: "1750000000", type: "text", text: { body: "hi" } }],
      statuses: [
        { id: "wamid.S1", status: "read", timestamp: "1750000001", recipient_id: "16505551234" },
        { id: "wamid.G1", status: "read", timestamp: "1750000002", recipient_id: "1203@g.us", recipient_type: "group", recipient_participant_id: "16505551234" },
        { id: "wamid.G1", status: "read", timestamp: "1750000003", recipient_id: "1203@g.us", recipient_type: "group", recipient_participant_id: "447700900123" },
      ],
    };
    const [change] = classifyPayload(FAKE_CLIENT, { object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value }] }] });
    expect(change!.updates.map((u) => u.kind)).toEqual(["message", "messageStatus", "groupMessageStatuses"]);
    const group = change!.updates[2]!;
    if (group.kind !== "groupMessageStatuses") throw new Error(group.kind);
    expect(group.statuses.map((s) => s.from.waId)).toEqual(["16505551234", "447700900123"]);
    expect(group.statuses[0]!.dedupeKey).not.toBe(group.statuses[1]!.dedupeKey);
  });
});

describe("classifyPayload: what yields no typed update", () => {
  const expected: Record<string, RegExp[]> = {
    unknown_field: [/^phone_number_quality_update: no typed update/],
    messages_garbage: [/neither messages\[\] nor statuses\[\]/],
    messages_items_garbage: [
      /^messages\[0\]: not an object$/,
      /^messages\[1\]: not an object$/,
      /^messages\[2\]: not an object$/,
      /^messages\[3\]: not an object$/,
      /^messages\[4\]: message id is missing$/,
      /^messages\[5\]: message type is missing$/,
    ],
    messages_value_not_object: [/^messages: value is not an object$/],
    messages_without_sender: [/^messages\[0\]: no user identifier/],
    messages_without_metadata: [/^messages\[0\]: value\.metadata\.phone_number_id is missing$/],
    nfm_address_message: [/nfm_reply "address_message" has no typed update/],
    flow_bad_response_json: [/response_json is not JSON/],
    unknown_call_event: [/^calls\[0\]: call event "hold"/],
    other_user_preference: [/category "something_else"/],
    template_without_id: [/^message_template_status_update: message_template_id is missing$/],
  };

  for (const [name, problems] of Object.entries(expected)) {
    it(`raw#${name}`, () => {
      const changes = classifyFixture("raw", name);
      expect(changes).toHaveLength(1);
      expect(changes[0]!.updates).toEqual([]);
      expect(changes[0]!.raw).toBeInstanceOf(RawUpdate);
      expect(changes[0]!.problems).toHaveLength(problems.length);
      problems.forEach((p, i) => expect(changes[0]!.problems[i]).toMatch(p));
    });
  }

  it("covers every raw fixture", () => {
    expect(Object.keys(all.raw!).sort()).toEqual([...Object.keys(expected), "change_not_object"].sort());
  });

  it("keeps a RawUpdate for changes that are not objects or have no field", () => {
    const changes = classifyFixture("raw", "change_not_object");
    expect(changes.map((c) => c.problems)).toEqual([
      ["change is not an object"],
      ["change is not an object"],
      ["change has no field"],
    ]);
    expect(changes.map((c) => [c.raw.field, c.raw.value])).toEqual([
      ["", null],
      ["", 7],
      ["", { a: 1 }],
    ]);
  });

  it("reads no entries from what is not a payload", () => {
    for (const payload of [null, undefined, 0, "x", [], {}, { entry: "x" }, { entry: {} }, { entry: [null, 1, { changes: "x" }] }]) {
      expect(classifyPayload(FAKE_CLIENT, payload)).toEqual([]);
    }
  });

  it("survives throwing getters", () => {
    const boom = new Proxy({}, { get: () => { throw new Error("boom"); } });
    expect(classifyPayload(FAKE_CLIENT, boom)).toEqual([]);
    const result = classifyPayload(FAKE_CLIENT, { entry: [{ id: "1", changes: [{ field: "messages", value: { metadata: boom, messages: [{}] } }] }] });
    expect(result).toHaveLength(1);
  });
});

describe("dedupe keys", () => {
  const keysOf = (payload: object) =>
    classifyPayload(FAKE_CLIENT, payload).flatMap((c) => c.updates.map((u) => u.dedupeKey));

  it("are unique across every fixture and stable across redeliveries", () => {
    const seen = new Map<string, string>();
    let total = 0;
    for (const [file, named] of Object.entries(all)) {
      for (const [name, payload] of Object.entries(named)) {
        const keys = keysOf(payload);
        expect(keysOf(JSON.parse(JSON.stringify(payload)))).toEqual(keys);
        total += keys.length;
        for (const key of keys) {
          expect(seen.get(key), `${file}#${name} repeats ${key}`).toBeUndefined();
          seen.set(key, `${file}#${name}`);
        }
      }
    }
    expect(seen.size).toBe(total);
    expect(total).toBe(90);
  });

  it("of raw changes hash the content", () => {
    const [a] = classifyFixture("raw", "unknown_field");
    const [b] = classifyFixture("raw", "unknown_field");
    const [c] = classifyFixture("raw", "messages_garbage");
    expect(a!.raw.dedupeKey).toBe(b!.raw.dedupeKey);
    expect(a!.raw.dedupeKey).toMatch(/^raw:102290129340398:phone_number_quality_update:1750018000:[0-9a-f]{16}$/);
    expect(c!.raw.dedupeKey).not.toBe(a!.raw.dedupeKey);
  });
});

/** A small deterministic PRNG (mulberry32), so that a failing mutation can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE: unknown[] = [null, undefined, 0, -1, 1e308, Number.NaN, "", "x", "1750000000", true, false, [], {}, [null], { id: 1 }, "wamid.x"];

/** Every container (object or array) inside `root`, with its keys. */
function containers(root: unknown): (Record<string, unknown> | unknown[])[] {
  const out: (Record<string, unknown> | unknown[])[] = [];
  const walk = (v: unknown) => {
    if (typeof v !== "object" || v === null) return;
    out.push(v as Record<string, unknown>);
    for (const child of Object.values(v)) walk(child);
  };
  walk(root);
  return out;
}

describe("classifyPayload never throws", () => {
  it("on thousands of mutations of every fixture", () => {
    const random = rng(0xed6e);
    let runs = 0;
    for (const named of Object.values(all)) {
      for (const payload of Object.values(named)) {
        for (let round = 0; round < 40; round++) {
          const copy: unknown = structuredClone(payload);
          const nodes = containers(copy);
          const edits = 1 + Math.floor(random() * 4);
          for (let e = 0; e < edits; e++) {
            const node = nodes[Math.floor(random() * nodes.length)]!;
            const keys = Object.keys(node);
            if (keys.length === 0) continue;
            const key = keys[Math.floor(random() * keys.length)]!;
            if (random() < 0.4) delete (node as Record<string, unknown>)[key];
            else (node as Record<string, unknown>)[key] = GARBAGE[Math.floor(random() * GARBAGE.length)];
          }
          let result: ReturnType<typeof classifyPayload> = [];
          expect(() => (result = classifyPayload(FAKE_CLIENT, copy))).not.toThrow();
          for (const change of result) {
            expect(change.raw).toBeInstanceOf(RawUpdate);
            for (const update of change.updates) {
              expect(update).toBeInstanceOf(BaseUpdate);
              expect(typeof update.id).toBe("string");
              expect(update.timestamp).toBeInstanceOf(Date);
              expect(typeof update.dedupeKey).toBe("string");
            }
          }
          runs++;
        }
      }
    }
    expect(runs).toBeGreaterThan(3000);
  });

  it("on random values in place of each level of a payload", () => {
    const random = rng(42);
    for (let i = 0; i < 500; i++) {
      const g = () => GARBAGE[Math.floor(random() * GARBAGE.length)];
      const candidates = [
        g(),
        { entry: g() },
        { entry: [g()] },
        { entry: [{ id: g(), time: g(), changes: g() }] },
        { entry: [{ id: "1", changes: [{ field: "messages", value: g() }] }] },
        { entry: [{ id: "1", changes: [{ field: "messages", value: { metadata: g(), contacts: g(), messages: [g()], statuses: [g()] } }] }] },
        { entry: [{ id: "1", changes: [{ field: "calls", value: { metadata: g(), calls: [{ id: g(), event: "connect", direction: g() }], statuses: [g()] } }] }] },
        { entry: [{ id: "1", changes: [{ field: g(), value: { message_template_id: g(), event: g() } }] }] },
      ];
      for (const payload of candidates) expect(() => classifyPayload(FAKE_CLIENT, payload)).not.toThrow();
    }
  });
});
