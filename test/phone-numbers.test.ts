import { describe, expect, it } from "vitest";
import {
  PhoneMigrationError, PhoneNumberAlreadyExists, PhoneNumberNotEligibleForRegistrationCode, WhatsApp, WhatsAppError,
} from "@edgewa/core";
import { createPhoneNumber, requestVerificationCode, verifyPhoneNumber } from "../packages/core/src/client/phone-numbers/index.ts";
import { PHONE_ID, graphSuite } from "./support/graph-suite.ts";
import type { RecordedRequest } from "./support/graph-server.ts";

/**
 * Adding a phone number to a WABA and verifying it (the steps before
 * `registerPhoneNumber`): each call's request on the local Graph API server.
 */

const { server, client } = graphSuite({ wabaId: "WABA_ID" });

function sent(): Pick<RecordedRequest, "method" | "path" | "query" | "body" | "rawSize"> {
  expect(server.requests).toHaveLength(1);
  const { method, path, query, body, rawSize } = server.requests[0]!;
  return { method, path, query, body, rawSize };
}

describe("createPhoneNumber", () => {
  const PATH = "/v25.0/WABA_ID/phone_numbers";

  it("POST /{waba-id}/phone_numbers {cc, phone_number, verified_name} → the new number's id", async () => {
    server.respondOnce({ method: "POST", path: PATH }, { status: 200, json: { id: "110200345501442" } });
    const created = await createPhoneNumber(client(), { countryCallingCode: "1", phoneNumber: "4195551518", verifiedName: "Lucky Shrub" });
    expect(created).toEqual({ id: "110200345501442", raw: { id: "110200345501442" } });
    const { rawSize, ...request } = sent();
    expect(request).toEqual({ method: "POST", path: PATH, query: {}, body: { cc: "1", phone_number: "4195551518", verified_name: "Lucky Shrub" } });
    expect(rawSize).toBeGreaterThan(0);
  });

  it("numbers are sent as strings; another WABA by wabaId", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/W2/phone_numbers" }, { status: 200, json: { id: 42 } });
    const created = await createPhoneNumber(client(), { countryCallingCode: 972, phoneNumber: 501234567, verifiedName: "Acme", wabaId: "W2" });
    expect(created.id).toBe("42");
    expect(sent().body).toEqual({ cc: "972", phone_number: "501234567", verified_name: "Acme" });
  });

  it("refuses, before any request: a country code with + or letters, a number without digits, no name, no WABA", async () => {
    const wa = client();
    const ok = { countryCallingCode: "1", phoneNumber: "4195551518", verifiedName: "Acme" };
    await expect(createPhoneNumber(wa, { ...ok, countryCallingCode: "+1" })).rejects.toThrow(/createPhoneNumber: countryCallingCode must be 1 to 4 digits without "\+"/);
    await expect(createPhoneNumber(wa, { ...ok, countryCallingCode: "US" })).rejects.toThrow(/countryCallingCode/);
    await expect(createPhoneNumber(wa, { ...ok, countryCallingCode: "12345" })).rejects.toThrow(/countryCallingCode/);
    await expect(createPhoneNumber(wa, { ...ok, phoneNumber: "" })).rejects.toThrow(/createPhoneNumber: phoneNumber holds no digits/);
    await expect(createPhoneNumber(wa, { ...ok, verifiedName: "  " })).rejects.toThrow(/createPhoneNumber: verifiedName is empty/);
    await expect(createPhoneNumber(client({ wabaId: undefined }), ok)).rejects.toThrow(/createPhoneNumber: no WhatsApp Business Account id/);
    expect(server.requests).toHaveLength(0);
  });

  it("a number already on WhatsApp is PhoneNumberAlreadyExists, a PhoneMigrationError", async () => {
    server.respondWithError({ method: "POST", path: PATH }, { status: 400, code: 2388012, message: "Phone number already exists" });
    const error = await createPhoneNumber(client(), { countryCallingCode: "1", phoneNumber: "4195551518", verifiedName: "Acme" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhoneNumberAlreadyExists);
    expect(error).toBeInstanceOf(PhoneMigrationError);
    expect([(error as WhatsAppError).code, (error as WhatsAppError).statusCode]).toEqual([2388012, 400]);
  });
});

describe("requestVerificationCode", () => {
  const PATH = `/v25.0/${PHONE_ID}/request_code`;

  it("POST /{phone-id}/request_code?code_method=SMS&language=en_US, no body", async () => {
    server.respondOnce({ method: "POST", path: PATH }, { status: 200, json: { success: true } });
    expect(await requestVerificationCode(client(), { codeMethod: "SMS", languageCode: "en_US" })).toEqual({ success: true });
    expect(sent()).toEqual({ method: "POST", path: PATH, query: { code_method: "SMS", language: "en_US" }, body: undefined, rawSize: 0 });
  });

  it("VOICE, for another number by phoneId", async () => {
    server.respondOnce({ method: "POST", path: "/v25.0/777/request_code" }, { status: 200, json: { success: true } });
    await requestVerificationCode(client(), { codeMethod: "VOICE", languageCode: "he", phoneId: "777" });
    expect(sent()).toMatchObject({ path: "/v25.0/777/request_code", query: { code_method: "VOICE", language: "he" } });
  });

  it("refuses, before any request: another method, no language, no phone id", async () => {
    const wa = client();
    await expect(requestVerificationCode(wa, { codeMethod: "sms" as "SMS", languageCode: "en" })).rejects.toThrow(
      /requestVerificationCode: codeMethod must be "SMS" or "VOICE" \(got "sms"\)/,
    );
    await expect(requestVerificationCode(wa, { codeMethod: "SMS", languageCode: "" })).rejects.toThrow(/requestVerificationCode: languageCode is empty/);
    await expect(requestVerificationCode(client({ phoneId: undefined }), { codeMethod: "SMS", languageCode: "en" })).rejects.toThrow(/No phone number id: pass `phoneId`/);
    expect(server.requests).toHaveLength(0);
  });

  it("a number that cannot get a code now is PhoneNumberNotEligibleForRegistrationCode", async () => {
    server.respondWithError({ method: "POST", path: PATH }, { status: 400, code: 2388093, message: "Not eligible for a code" });
    const error = await requestVerificationCode(client(), { codeMethod: "SMS", languageCode: "en" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhoneNumberNotEligibleForRegistrationCode);
    expect(error).toBeInstanceOf(PhoneMigrationError);
  });
});

describe("verifyPhoneNumber", () => {
  const PATH = `/v25.0/${PHONE_ID}/verify_code`;

  it("POST /{phone-id}/verify_code?code=…, no body; the SMS's hyphen is dropped", async () => {
    server.respondOnce({ method: "POST", path: PATH }, { status: 200, json: { success: true } });
    expect(await verifyPhoneNumber(client(), { code: "123-830" })).toEqual({ success: true });
    expect(sent()).toEqual({ method: "POST", path: PATH, query: { code: "123830" }, body: undefined, rawSize: 0 });
    server.clear();
    server.respondOnce({ method: "POST", path: "/v25.0/777/verify_code" }, { status: 200, json: { success: true } });
    await verifyPhoneNumber(client(), { code: 654321, phoneId: "777" });
    expect(sent()).toMatchObject({ path: "/v25.0/777/verify_code", query: { code: "654321" } });
  });

  it("refuses, before any request: an empty code or one with letters", async () => {
    await expect(verifyPhoneNumber(client(), { code: "" })).rejects.toThrow(/verifyPhoneNumber: code must be the digits received/);
    await expect(verifyPhoneNumber(client(), { code: "12a456" })).rejects.toThrow(/\(got "12a456"\)/);
    expect(server.requests).toHaveLength(0);
  });

  it("a wrong code surfaces Graph's error", async () => {
    server.respondWithError({ method: "POST", path: PATH }, { status: 400, code: 136025, message: "Verify code error" });
    const error = await verifyPhoneNumber(client(), { code: "000000" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect([(error as WhatsAppError).code, (error as WhatsAppError).message]).toEqual([136025, expect.stringContaining("Verify code error")]);
  });
});
