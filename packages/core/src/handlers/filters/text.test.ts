import { describe, expect, it } from "vitest";
import type { WhatsApp } from "../../client/whatsapp.ts";
import type { Message } from "../../updates/message.ts";
import type { Filter } from "../filter.ts";
import { filters } from "./index.ts";

const wa = {} as unknown as WhatsApp;
const check = (f: Filter<never>, u: unknown) => f.check(wa, u as never);

const text = (body: string): Message =>
  ({ kind: "message", type: "text", text: body, textFields: [body, undefined] }) as unknown as Message;
const image = (caption?: string): Message =>
  ({
    kind: "message",
    type: "image",
    image: { id: "M", sha256: "x", mimeType: "image/jpeg", caption },
    textFields: [undefined, caption],
  }) as unknown as Message;
const button = (data: string) => ({ kind: "callbackButton", data, textFields: [data] });
const status = (tracker?: string) => ({ kind: "messageStatus", status: "read", tracker, textFields: [tracker] });
const flow = (token?: string, body?: string) => ({ kind: "flowCompletion", token, body, textFields: [token, body] });

describe("matches", () => {
  it("equality over every text field", () => {
    expect(check(filters.matches("Hello", "Hi"), text("Hi"))).toBe(true);
    expect(check(filters.matches("Hello"), text("Hello there"))).toBe(false);
    expect(check(filters.matches("cat"), image("cat"))).toBe(true);
    expect(check(filters.matches("yes"), button("yes"))).toBe(true);
    expect(check(filters.matches("t-1"), status("t-1"))).toBe(true);
    expect(check(filters.matches("Sent"), flow("tok", "Sent"))).toBe(true);
  });
  it("ignoreCase", () => {
    expect(check(filters.matches("HELLO", { ignoreCase: true }), text("hello"))).toBe(true);
    expect(check(filters.matches("HELLO"), text("hello"))).toBe(false);
  });
  it("an update without text fields never matches", () => {
    expect(check(filters.matches("x"), { kind: "callTerminate" })).toBe(false);
    expect(check(filters.matches("x"), status(undefined))).toBe(false);
    expect(check(filters.matches("x"), image())).toBe(false);
  });
});

describe("startsWith / endsWith / contains", () => {
  it("startsWith", () => {
    expect(check(filters.startsWith("hi", "hello"), text("hello world"))).toBe(true);
    expect(check(filters.startsWith("world"), text("hello world"))).toBe(false);
    expect(check(filters.startsWith("HI", { ignoreCase: true }), text("hi there"))).toBe(true);
  });
  it("endsWith", () => {
    expect(check(filters.endsWith("world"), text("hello world"))).toBe(true);
    expect(check(filters.endsWith("hello"), text("hello world"))).toBe(false);
    expect(check(filters.endsWith("WORLD", { ignoreCase: true }), text("hello world"))).toBe(true);
  });
  it("contains", () => {
    expect(check(filters.contains("lo wo"), text("hello world"))).toBe(true);
    expect(check(filters.contains("bye"), text("hello world"))).toBe(false);
    expect(check(filters.contains("LO", { ignoreCase: true }), image("hello"))).toBe(true);
    expect(check(filters.contains("user"), button("user~1"))).toBe(true);
  });
});

describe("regex", () => {
  it("string patterns are anchored at the start, like re.match", () => {
    expect(check(filters.regex("\\d+"), text("123 go"))).toBe(true);
    expect(check(filters.regex("\\d+"), text("go 123"))).toBe(false);
    // an alternation is anchored as a whole
    expect(check(filters.regex("a|b"), text("xb"))).toBe(false);
    expect(check(filters.regex("a|b"), text("bx"))).toBe(true);
    // the multiline flag does not unanchor it
    expect(check(filters.regex("go", { flags: "m" }), text("x\ngo"))).toBe(false);
  });
  it("flags and ignoreCase apply to string patterns", () => {
    expect(check(filters.regex("hello", { ignoreCase: true }), text("HELLO"))).toBe(true);
    expect(check(filters.regex("hello", { flags: "i" }), text("HELLO"))).toBe(true);
    expect(check(filters.regex("hello"), text("HELLO"))).toBe(false);
  });
  it("a RegExp is used as given (search)", () => {
    expect(check(filters.regex(/order #(\d+)/), text("my order #12"))).toBe(true);
    expect(check(filters.regex(/^order/), text("my order #12"))).toBe(false);
    expect(check(filters.regex(/ORDER/i), text("my order"))).toBe(true);
  });
  it("a global RegExp carries no lastIndex between updates", () => {
    const re = /a/g;
    const f = filters.regex(re);
    for (let i = 0; i < 4; i++) expect(check(f, text("a"))).toBe(true);
    expect(re.lastIndex).toBe(0); // the user's object is not touched
  });
  it("a sticky string pattern works every time", () => {
    const f = filters.regex("a");
    for (let i = 0; i < 3; i++) expect(check(f, text("ab"))).toBe(true);
  });
  it("several patterns, several fields", () => {
    expect(check(filters.regex("x", "tok"), flow("token-1", "body"))).toBe(true);
    expect(check(filters.regex("x", "y"), flow("token-1", "body"))).toBe(false);
  });
});

describe("commands", () => {
  it("isCommand", () => {
    expect(check(filters.isCommand, text("/start"))).toBe(true);
    expect(check(filters.isCommand, text("!help"))).toBe(true);
    expect(check(filters.isCommand, text("start"))).toBe(false);
    expect(check(filters.isCommand, image("/start"))).toBe(false);
    expect(check(filters.isCommand, button("/start"))).toBe(false);
  });
  it("command", () => {
    expect(check(filters.command("start", "help"), text("/start"))).toBe(true);
    expect(check(filters.command("start"), text("!start now"))).toBe(true);
    expect(check(filters.command("start"), text("/stop"))).toBe(false);
    expect(check(filters.command("start"), text("start"))).toBe(false);
    expect(check(filters.command("start"), text(""))).toBe(false);
    expect(check(filters.command("start"), text("/START"))).toBe(false);
    expect(check(filters.command("start", { ignoreCase: true }), text("/START"))).toBe(true);
  });
  it("custom prefixes", () => {
    expect(check(filters.command("start", { prefixes: "#" }), text("#start"))).toBe(true);
    expect(check(filters.command("start", { prefixes: "#" }), text("/start"))).toBe(false);
    expect(check(filters.command("run", { prefixes: ["bot:"] }), text("bot:run"))).toBe(true);
    expect(check(filters.command("run", { prefixes: ["bot:"] }), text("b:run"))).toBe(false);
  });
});
