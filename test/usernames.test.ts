import { describe, expect, it } from "vitest";
import { UsernameError, UsernameNotAvailable, UsernameTransferRequired, WhatsAppError } from "@edgewa/core";
import { deleteUsername, getCurrentUsername, getReservedUsernames, setUsername } from "../packages/core/src/client/usernames/index.ts";
import { PHONE_ID, graphSuite } from "./support/graph-suite.ts";

/** Business usernames: every call's request, its model, and Meta's username errors. */
const USERNAME = `/v25.0/${PHONE_ID}/username`;

const { server, client, sent } = graphSuite();

describe("setUsername", () => {
  it("POST /{phone-id}/username {username, transfer_action: none}; Meta's bare status keeps the name asked for", async () => {
    server.respondOnce({ method: "POST", path: USERNAME }, { status: 200, json: { status: "reserved" } });
    const result = await setUsername(client(), { username: "acme_support" });
    expect(sent()).toEqual({ method: "POST", path: USERNAME, query: {}, body: { username: "acme_support", transfer_action: "none" } });
    expect(result).toEqual({ username: "acme_support", status: "reserved", raw: { status: "reserved" } });
  });

  it("forceTransfer sends transfer_action: force_transfer, to another phoneId; a username in the answer wins", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/777/username" }, { status: 200, json: { username: "acme", status: "approved" } });
    const result = await setUsername(client(), { username: "acme", forceTransfer: true, phoneId: "777" });
    expect(sent()).toEqual({ method: "POST", path: "/v25.0/777/username", query: {}, body: { username: "acme", transfer_action: "force_transfer" } });
    expect([result.username, result.status]).toEqual(["acme", "approved"]);
  });

  it("an empty or missing username is refused before any request", async () => {
    await expect(setUsername(client(), { username: "" })).rejects.toThrow(/setUsername: username must be a non-empty string/);
    await expect(setUsername(client(), {} as { username: string })).rejects.toBeInstanceOf(TypeError);
    await expect(setUsername(client(), { username: 42 as unknown as string })).rejects.toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("147001 is UsernameNotAvailable, a UsernameError; 147005 is UsernameTransferRequired", async () => {
    server.respondWithError({ method: "POST", path: USERNAME }, { status: 400, code: 147001, message: "Username not available" });
    const taken = await setUsername(client(), { username: "coke" }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(UsernameNotAvailable);
    expect(taken).toBeInstanceOf(UsernameError);
    expect(taken).toBeInstanceOf(WhatsAppError);
    expect([(taken as WhatsAppError).code, (taken as WhatsAppError).statusCode]).toEqual([147001, 400]);

    server.respondWithError({ method: "POST", path: USERNAME }, { status: 400, code: 147005, message: "Transfer required" });
    const elsewhere = await setUsername(client(), { username: "acme" }).catch((e: unknown) => e);
    expect(elsewhere).toBeInstanceOf(UsernameTransferRequired);
    expect(elsewhere).not.toBeInstanceOf(UsernameNotAvailable);
  });
});

describe("getCurrentUsername", () => {
  it("GET /{phone-id}/username → { username, status, raw }", async () => {
    server.respondOnce({ method: "GET", path: USERNAME }, { status: 200, json: { username: "acme_support", status: "approved" } });
    const current = await getCurrentUsername(client());
    expect(sent()).toEqual({ method: "GET", path: USERNAME, query: {}, body: undefined });
    expect(current).toEqual({ username: "acme_support", status: "approved", raw: { username: "acme_support", status: "approved" } });
  });

  it("no username: username is undefined; a status Meta adds later is kept as it came", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/777/username" }, { status: 200, json: { status: "pending_review" } });
    const current = await getCurrentUsername(client(), { phoneId: "777" });
    expect(sent().path).toBe("/v25.0/777/username");
    expect(current.username).toBeUndefined();
    expect(current.status).toBe("pending_review");
  });
});

describe("getReservedUsernames", () => {
  it("GET /{phone-id}/username_suggestions, read from data[0].username_suggestions", async () => {
    server.respondOnce(
      { method: "GET", path: `/v25.0/${PHONE_ID}/username_suggestions` },
      { status: 200, json: { data: [{ username_suggestions: ["acme_support", "acme.help", 7] }] } },
    );
    const names = await getReservedUsernames(client());
    expect(sent()).toEqual({ method: "GET", path: `/v25.0/${PHONE_ID}/username_suggestions`, query: {}, body: undefined });
    expect(names).toEqual(["acme_support", "acme.help"]);
  });

  it("an empty data list is an empty array", async () => {
    server.respondOnce({ method: "GET", path: "/v25.0/777/username_suggestions" }, { status: 200, json: { data: [] } });
    expect(await getReservedUsernames(client(), { phoneId: "777" })).toEqual([]);
  });
});

describe("deleteUsername", () => {
  it("DELETE /{phone-id}/username → { success }", async () => {
    server.respondOnce({ method: "DELETE", path: USERNAME }, { status: 200, json: { success: true } });
    expect(await deleteUsername(client())).toEqual({ success: true });
    expect(sent()).toEqual({ method: "DELETE", path: USERNAME, query: {}, body: undefined });
  });

  it("a phoneId cannot escape its path segment", async () => {
    server.respondOnce({ method: "DELETE", path: "/v25.0/a%2F..%2Fb/username" }, { status: 200, json: { success: true } });
    await deleteUsername(client(), { phoneId: "a/../b" });
    expect(sent().path).toBe("/v25.0/a%2F..%2Fb/username");
  });
});
