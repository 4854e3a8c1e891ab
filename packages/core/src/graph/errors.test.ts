import { describe, expect, it } from "vitest";
import * as errors from "./errors.ts";
import {
  APIPermission,
  AuthorizationError,
  GraphNetworkError,
  GraphRequestError,
  GraphResponseError,
  GraphTimeoutError,
  ReEngagementMessage,
  SendMessageError,
  TemplateBodyFormatIncorrect,
  TemplateCreationError,
  TemplateHeaderFormatIncorrect,
  ThrottlingError,
  ToManyAPICalls,
  TooManyAPICalls,
  WhatsAppError,
  errorClassForCode,
  redactUrl,
} from "./errors.ts";

// pywa 4.4's errors.py, written out from the reference table (§4), independently of the
// implementation: category → leaf → codes. APIPermission (200–299) is checked apart.
const PYWA: Record<string, Record<string, number[]>> = {
  AuthorizationError: { AuthException: [0], APIMethod: [3], PermissionDenied: [10], ExpiredAccessToken: [190] },
  ThrottlingError: {
    ToManyAPICalls: [4],
    RateLimitIssues: [80007],
    RateLimitHit: [130429],
    SpamRateLimitHit: [131048],
    TooManyMessages: [131056],
    MessageFailedToReachMessagingLimit: [131064],
    RegistrationOrDeregistrationFailed: [133016],
  },
  IntegrityError: { TemporarilyBlocked: [368], AccountRestrictedFromCountry: [130497], AccountLocked: [131031] },
  SendMessageError: {
    UserIsInExperimentGroup: [130472],
    UnknownError: [131000],
    AccessDenied: [131005],
    MissingRequiredParameter: [131008],
    InvalidParameter: [131009],
    ServiceUnavailable: [131016],
    RecipientCannotBeSender: [131021],
    MessageUndeliverable: [131026],
    RecipientNotInAllowedList: [131030],
    PhoneNumberDisplayNameNotApproved: [131037],
    BusinessPaymentIssue: [131042, 131044],
    IncorrectCertificate: [131045],
    ReEngagementMessage: [131047],
    MessageUndeliverableDueToHealthyEcosystemEngagement: [131049],
    UserStoppedMarketingMessages: [131050],
    UnsupportedMessageType: [131051],
    MediaDownloadError: [131052],
    MediaUploadError: [131053],
    AccountInMaintenanceMode: [131057],
    BSUIDRecipientNotSupported: [131062],
    MarketingTemplatesDisabledForCloudAPI: [131063],
    TemplateParamCountMismatch: [132000],
    TemplateNotExists: [132001],
    TemplateTextTooLong: [132005],
    TemplateContentPolicyViolation: [132007],
    TemplateParamValueInvalid: [132008],
    TemplateParamFormatMismatch: [132012],
    TemplatePaused: [132015],
    TemplateDisabled: [132016],
    FlowBlocked: [132068],
    FlowThrottled: [132069],
    GenericError: [135000],
    RecipientIdentityKeyMismatch: [137000],
  },
  FlowError: {
    FlowBlockedByIntegrity: [139000],
    FlowUpdatingError: [139001],
    FlowPublishingError: [139002],
    FlowDeprecatingError: [139003],
    FlowDeletingError: [139004],
  },
  BlockUserError: {
    BulkBlockingFailed: [139100],
    BlockListLimitReached: [139101],
    BlockListConcurrentUpdate: [139102],
    BlockUserInternalError: [139103],
  },
  CallingError: {
    CallingNotEnabled: [138000],
    ReceiverUncallable: [138001],
    ConcurrentCallsLimit: [138002],
    DuplicateCall: [138003],
    CallConnectionError: [138004],
    CallRateLimitExceeded: [138005],
    CallPermissionNotFound: [138006],
    CallConnectionTimeout: [138007],
    CallPermissionRequestLimitHit: [138009],
    BusinessInitiatedCallsLimitHit: [138012],
    FetchCallPermissionLimitHit: [138013, 613],
    CallingCannotBeEnabled: [138018],
  },
  GroupError: {
    BadGroup: [131020],
    GroupUnknown: [131041],
    GroupInvalidCursor: [131059],
    GroupRequestPartiallySucceeded: [131201],
    GroupDuplicateParticipant: [131202],
    GroupParticipantOverlimit: [131204],
    GroupSuspended: [131207],
    GroupRateLimitHit: [131208],
    GroupInvalidProfilePictureAspectRatio: [131209],
    GroupImageTooSmall: [131210],
    GroupCreationLimitReached: [131211],
    GroupParticipantNotInGroup: [131212],
    GroupJoinRequestDoesNotExist: [131213],
    GroupCreationTemporarilyDisabled: [131214],
    GroupAPINotEligible: [131215],
  },
  TemplateCreationError: {
    TemplateLimitExceeded: [2388019],
    TemplateCharacterLimitExceeded: [2388040],
    // TemplateHeaderFormatIncorrect shares 2388047 and is unreachable (tested below).
    TemplateBodyFormatIncorrect: [2388047],
    TemplateFooterFormatIncorrect: [2388073],
    TemplateParametersWordsRatioExceedsLimit: [2388293],
    TemplateLeadingOrTrailingParametersNotAllowed: [2388299],
  },
  UsernameError: {
    UsernameNotAvailable: [147001],
    AccountNotEligibleToRequestUsername: [147002],
    FBAccountNotLinked: [147003],
    IGAccountNotLinked: [147004],
    UsernameTransferRequired: [147005],
  },
  PhoneMigrationError: {
    PhoneNumberAlreadyExists: [2388012],
    PhoneNumberNotEligibleForRegistrationCode: [2388091, 2388093],
    CannotMigratePhoneNumber: [2388103],
    PhoneNumberAccountInMaintenanceMode: [2494100],
  },
  SignupError: {
    SignupNotFoundError: [2494164],
    SignupAPIUnavailable: [2494165],
    SignupUnknownPlaceholderError: [2494166],
    SignupMissingPlaceholderValueError: [2494167],
    SignupTOSNotAccepted: [2494168],
    SignupTOSAlreadyAccepted: [2494176],
    SignupTOSURLNotAllowed: [2494177],
    SignupWebsiteURLSchemeNotAllowed: [2494179],
  },
};

const exported = errors as unknown as Record<string, (abstract new (...args: never[]) => unknown) & { codes?: readonly number[] }>;
const cls = (name: string) => {
  const c = exported[name];
  if (typeof c !== "function") throw new Error(`${name} is not exported`);
  return c;
};

describe("the code map (pywa's table)", () => {
  const rows = Object.entries(PYWA).flatMap(([category, leaves]) =>
    Object.entries(leaves).flatMap(([leaf, codes]) => codes.map((code) => ({ category, leaf, code }))),
  );

  it("covers 209 codes in 12 categories", () => {
    expect(Object.keys(PYWA)).toHaveLength(12);
    const all = new Set([...rows.map((r) => r.code), ...Array.from({ length: 100 }, (_, i) => 200 + i)]);
    expect(all.size).toBe(209);
  });

  it.each(rows)("$code → $leaf ($category)", ({ category, leaf, code }) => {
    const error = WhatsAppError.fromGraph({ code, message: "m" });
    expect(error).toBeInstanceOf(cls(leaf));
    expect(error).toBeInstanceOf(cls(category));
    expect(error).toBeInstanceOf(WhatsAppError);
    expect(error).toBeInstanceOf(Error);
    expect(error.constructor).toBe(cls(leaf));
    expect(error.name).toBe(leaf);
    expect(error.code).toBe(code);
    expect(cls(leaf).codes).toContain(code);
    expect(cls(category).codes).toContain(code);
    expect(errorClassForCode(code)).toBe(cls(leaf));
  });

  it("each leaf's codes are exactly pywa's", () => {
    for (const leaves of Object.values(PYWA)) {
      for (const [leaf, codes] of Object.entries(leaves)) {
        expect([...(cls(leaf).codes ?? [])].sort()).toEqual([...codes].sort());
        expect(Object.isFrozen(cls(leaf).codes)).toBe(true);
      }
    }
  });

  it("each category's codes are the union of its leaves'", () => {
    for (const [category, leaves] of Object.entries(PYWA)) {
      const expected = new Set(Object.values(leaves).flat());
      if (category === "AuthorizationError") for (let c = 200; c < 300; c++) expected.add(c);
      expect(new Set(cls(category).codes)).toEqual(expected);
      expect(cls(category).name).toBe(category);
    }
  });

  it("no code belongs to two categories", () => {
    const seen = new Map<number, string>();
    for (const category of Object.keys(PYWA)) {
      for (const code of cls(category).codes ?? []) {
        expect(seen.get(code), `code ${code}`).toBeUndefined();
        seen.set(code, category);
      }
    }
  });

  it("APIPermission covers 200–299, and only those", () => {
    for (let code = 200; code <= 299; code++) {
      const error = WhatsAppError.fromGraph({ code });
      expect(error).toBeInstanceOf(APIPermission);
      expect(error).toBeInstanceOf(AuthorizationError);
    }
    expect(APIPermission.codes).toHaveLength(100);
    expect(WhatsAppError.fromGraph({ code: 199 })).not.toBeInstanceOf(APIPermission);
    expect(WhatsAppError.fromGraph({ code: 300 })).not.toBeInstanceOf(APIPermission);
  });

  it("2388047: TemplateBodyFormatIncorrect wins (defined later in pywa); the header class is never produced", () => {
    const error = WhatsAppError.fromGraph({ code: 2388047, message: "header format" });
    expect(error).toBeInstanceOf(TemplateBodyFormatIncorrect);
    expect(error).toBeInstanceOf(TemplateCreationError);
    expect(error).not.toBeInstanceOf(TemplateHeaderFormatIncorrect);
    expect(TemplateHeaderFormatIncorrect.codes).toEqual([2388047]);
  });

  it("TooManyAPICalls is pywa's ToManyAPICalls", () => {
    expect(TooManyAPICalls).toBe(ToManyAPICalls);
    const error = WhatsAppError.fromGraph({ code: 4 });
    expect(error).toBeInstanceOf(TooManyAPICalls);
    expect(error).toBeInstanceOf(ThrottlingError);
    expect(error.name).toBe("ToManyAPICalls");
  });

  it("unknown codes are a plain WhatsAppError", () => {
    for (const code of [1, 100, 999, 131999, 2494010, -5]) {
      const error = WhatsAppError.fromGraph({ code, message: "Something" });
      expect(error.constructor).toBe(WhatsAppError);
      expect(error.name).toBe("WhatsAppError");
      expect(error.code).toBe(code);
      expect(errorClassForCode(code)).toBeUndefined();
    }
  });

  it("categories are not in the map (only leaves, as in pywa)", () => {
    const error = WhatsAppError.fromGraph({ code: 131047 });
    expect(error.constructor).not.toBe(SendMessageError);
  });

  it("a numeric-string code is accepted", () => {
    expect(WhatsAppError.fromGraph({ code: "131047" })).toBeInstanceOf(ReEngagementMessage);
  });

  it("codes work with failedWith-style consumers ({ codes })", () => {
    expect(ReEngagementMessage.codes).toEqual([131047]);
    expect(ThrottlingError.codes).toEqual([4, 80007, 130429, 131048, 131056, 131064, 133016]);
  });
});

describe("fromGraph: a Graph response error", () => {
  // The verified example from the reference.
  const graph = {
    message: "(#131047) Re-engagement message",
    type: "OAuthException",
    code: 131047,
    error_subcode: 2494010,
    error_data: {
      messaging_product: "whatsapp",
      details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    },
    fbtrace_id: "Az8or2yhqkZfEZ-_4Qn_Bam",
    is_transient: false,
    error_user_title: "Title",
    error_user_msg: "User message",
  };

  it("HTTP 400, 131047 / 2494010 → ReEngagementMessage with every field", () => {
    const error = WhatsAppError.fromGraph(graph, 400);
    expect(error).toBeInstanceOf(ReEngagementMessage);
    expect(error).toBeInstanceOf(SendMessageError);
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe(131047);
    expect(error.subcode).toBe(2494010);
    expect(error.details).toBe(graph.error_data.details);
    expect(error.type).toBe("OAuthException");
    expect(error.fbtraceId).toBe("Az8or2yhqkZfEZ-_4Qn_Bam");
    expect(error.isTransient).toBe(false);
    expect(error.userTitle).toBe("Title");
    expect(error.userMsg).toBe("User message");
    expect(error.graphMessage).toBe("(#131047) Re-engagement message");
    expect(error.raw).toEqual(graph);
    expect(error.raw).not.toBe(graph);
    expect(Object.isFrozen(error.raw)).toBe(true);
    expect(error.message).toBe(
      `(#131047) Re-engagement message (code 131047, subcode 2494010): ${graph.error_data.details}`,
    );
    expect(String(error)).toMatch(/^ReEngagementMessage: \(#131047\) Re-engagement message/);
    expect(error.stack).toContain("ReEngagementMessage");
  });

  it("accepts the whole envelope too", () => {
    const error = WhatsAppError.fromGraph({ error: graph }, 400);
    expect(error).toBeInstanceOf(ReEngagementMessage);
    expect(error.subcode).toBe(2494010);
  });

  it("error_data as a string is the details", () => {
    const error = WhatsAppError.fromGraph({ code: 100, message: "Invalid parameter", error_data: "field x" });
    expect(error.details).toBe("field x");
    expect(error.message).toBe("Invalid parameter (code 100): field x");
  });

  it("absent optional fields are absent, not undefined-valued", () => {
    const error = WhatsAppError.fromGraph({ code: 131000, message: "Something went wrong" });
    expect(error.message).toBe("Something went wrong (code 131000)");
    for (const key of ["subcode", "type", "details", "fbtraceId", "href", "statusCode", "isTransient", "userTitle", "userMsg"]) {
      expect(Object.hasOwn(error, key), key).toBe(false);
    }
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 131000, raw: { code: 131000 } });
  });

  it("is_transient true is kept (retry logic reads it)", () => {
    expect(WhatsAppError.fromGraph({ code: 2, message: "Temporary", is_transient: true }).isTransient).toBe(true);
  });

  it("subclasses inherit fromGraph, which still picks by code", () => {
    expect(ReEngagementMessage.fromGraph({ code: 4 })).toBeInstanceOf(ToManyAPICalls);
  });
});

describe("fromGraph: webhook errors", () => {
  it("a failed status's error, title standing in for the missing message", () => {
    const error = WhatsAppError.fromGraph({
      code: 131047,
      title: "Re-engagement message",
      error_data: { details: "More than 24 hours have passed since the recipient last replied." },
      href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    });
    expect(error).toBeInstanceOf(ReEngagementMessage);
    expect(error.graphMessage).toBe("Re-engagement message");
    expect(error.message).toBe(
      "Re-engagement message (code 131047): More than 24 hours have passed since the recipient last replied.",
    );
    expect(error.details).toBe("More than 24 hours have passed since the recipient last replied.");
    expect(error.href).toBe("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
    expect(error.statusCode).toBeUndefined();
  });

  it("message wins over title when both are present; details equal to the message are not repeated", () => {
    const error = WhatsAppError.fromGraph({
      code: 131051,
      title: "Message type unknown",
      message: "Message type is not currently supported",
      error_data: { details: "Message type is not currently supported" },
    });
    expect(error.message).toBe("Message type is not currently supported (code 131051)");
  });
});

describe("fromGraph: garbage never throws", () => {
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error("boom");
      },
      has() {
        throw new Error("boom");
      },
      ownKeys() {
        throw new Error("boom");
      },
    },
  );
  const cyclic: Record<string, unknown> = { code: 131047 };
  cyclic.self = cyclic;
  const inputs: unknown[] = [
    undefined,
    null,
    0,
    131047,
    NaN,
    true,
    "",
    [],
    [{ code: 131047 }],
    {},
    { code: null },
    { code: "abc" },
    { code: 1.5 },
    { code: {} },
    { code: 131047, error_subcode: "x", error_data: 42, is_transient: "yes", message: 7 },
    { error: "nope" },
    Object.create(null),
    JSON.parse('{"code": 131047, "__proto__": {"polluted": true}}'),
    cyclic,
    hostile,
    Symbol("s"),
    () => 1,
  ];

  it.each(inputs.map((input, i) => ({ i, input })))("input #$i", ({ input }) => {
    const error = WhatsAppError.fromGraph(input, 500);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect(typeof error.message).toBe("string");
    expect(typeof error.code).toBe("number");
    expect(Number.isInteger(error.code)).toBe(true);
    expect(error.statusCode).toBe(500);
  });

  it("a missing code is -1 and a plain WhatsAppError (not code 0's AuthException)", () => {
    const error = WhatsAppError.fromGraph({ message: "no code" });
    expect(error.constructor).toBe(WhatsAppError);
    expect(error.code).toBe(-1);
    expect(error.message).toBe("no code (no error code)");
    expect(WhatsAppError.fromGraph(undefined).message).toBe("Unrecognised WhatsApp API error (no error code)");
  });

  it("a string becomes the message", () => {
    expect(WhatsAppError.fromGraph("Service temporarily unavailable").message).toBe(
      "Service temporarily unavailable (no error code)",
    );
  });

  it("a __proto__ key stays data", () => {
    const error = WhatsAppError.fromGraph(JSON.parse('{"code": 131047, "__proto__": {"polluted": true}}'));
    expect(error).toBeInstanceOf(ReEngagementMessage);
    expect((error.raw as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("no credential in any error", () => {
  const TOKEN = "EAABsbCS1iHgBAKZCZBhZA0ZCx4ZBZAbcdefGHIJK1234567890";

  it("Graph's message echoing access_token=… is redacted everywhere", () => {
    const input = {
      code: 190,
      message: `Error validating access token: https://graph.facebook.com/v25.0/me?fields=id&access_token=${TOKEN}`,
      error_data: { details: `token ${TOKEN}` },
      error_user_msg: `access_token=${TOKEN}`,
      nested: { deep: [`appsecret_proof=abc123&client_secret=s3cr3t`, `Bearer ${TOKEN}`] },
    };
    const error = WhatsAppError.fromGraph(input, 401);
    const everything = [String(error), error.stack, JSON.stringify(error), JSON.stringify(error.raw), error.details, error.userMsg].join("\n");
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain("EAAB");
    expect(everything).not.toContain("abc123");
    expect(everything).not.toContain("s3cr3t");
    expect(error.message).toContain("access_token=[redacted]");
    expect(error.message).toContain("fields=id");
    expect(input.message).toContain(TOKEN); // the caller's object is not modified
  });

  it("a test-style token with dashes is caught as well", () => {
    const error = WhatsAppError.fromGraph({ code: 1, message: "oops EAAGsecret-token-that-must-never-leak" });
    expect(error.message).not.toContain("secret-token");
  });

  it("redactUrl removes secret query params and keeps the others", () => {
    expect(redactUrl(`https://graph.facebook.com/v25.0/me?fields=id,name&access_token=${TOKEN}`)).toBe(
      "https://graph.facebook.com/v25.0/me?fields=id,name",
    );
    expect(redactUrl(`https://x.test/p?access_token=${TOKEN}`)).toBe("https://x.test/p");
    expect(redactUrl(`/v25.0/oauth?client_id=1&client_secret=s&appsecret_proof=p&a=2#frag`)).toBe(
      "/v25.0/oauth?client_id=1&a=2#frag",
    );
    expect(redactUrl("/p?ACCESS_TOKEN=x&access%5Ftoken=y&b")).toBe("/p?b");
    expect(redactUrl("https://x.test/cb#access_token=abc&state=1")).toBe("https://x.test/cb#access_token=[redacted]&state=1");
    expect(redactUrl("no url at all")).toBe("no url at all");
    expect(redactUrl("https://x.test/p?a=1&b=%E0%A4%A")).toBe("https://x.test/p?a=1&b=%E0%A4%A");
  });
});

describe("transport errors", () => {
  const url = `https://graph.facebook.com/v25.0/123/messages?access_token=EAABsecretsecretsecret&fields=id#x`;

  it("are GraphRequestErrors, not WhatsAppErrors, with method and a path without query", () => {
    const errs = [
      new GraphNetworkError({ method: "post", url, cause: new TypeError("fetch failed") }),
      new GraphTimeoutError({ method: "POST", url, timeoutMs: 50 }),
      new GraphResponseError({ method: "POST", url, statusCode: 502, bodyText: "<html>Bad gateway</html>" }),
      new GraphNetworkError({ method: "GET", url: new URL(url), cause: "down" }),
    ];
    for (const e of errs) {
      expect(e).toBeInstanceOf(GraphRequestError);
      expect(e).toBeInstanceOf(Error);
      expect(e).not.toBeInstanceOf(WhatsAppError);
      expect(e.path).toBe("/v25.0/123/messages");
      expect(["POST", "GET"]).toContain(e.method);
      const all = [String(e), e.stack, JSON.stringify(e)].join("\n");
      expect(all).not.toContain("?");
      expect(all).not.toContain("EAAB");
      expect(all).not.toContain("graph.facebook.com");
    }
    expect(errs.map((e) => e.name)).toEqual(["GraphNetworkError", "GraphTimeoutError", "GraphResponseError", "GraphNetworkError"]);
  });

  it("a relative URL keeps its path", () => {
    expect(new GraphTimeoutError({ method: "GET", url: "/v25.0/me?access_token=x", timeoutMs: 1 }).path).toBe("/v25.0/me");
    expect(new GraphTimeoutError({ method: "GET", url: "https://x.test?a=1", timeoutMs: 1 }).path).toBe("/");
  });

  it("GraphNetworkError keeps its cause", () => {
    const cause = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") });
    const e = new GraphNetworkError({ method: "POST", url, cause });
    expect(e.cause).toBe(cause);
    expect(e.message).toBe("POST /v25.0/123/messages failed: network error: fetch failed (connect ECONNREFUSED 127.0.0.1:1)");
  });

  it("GraphTimeoutError has timeoutMs", () => {
    const e = new GraphTimeoutError({ method: "GET", url, timeoutMs: 30_000 });
    expect(e.timeoutMs).toBe(30_000);
    expect(e.message).toBe("GET /v25.0/123/messages timed out after 30000 ms");
    expect(e.cause).toBeUndefined();
  });

  it("GraphResponseError keeps at most 200 characters of the body, redacted", () => {
    const html = `<html>\n<title>502</title> access_token=EAABxyzxyzxyzxyzxyz ${"x".repeat(1000)}</html>`;
    const e = new GraphResponseError({ method: "POST", url, statusCode: 502, bodyText: html });
    expect(e.statusCode).toBe(502);
    expect(e.body.length).toBeLessThanOrEqual(200);
    expect(e.body.startsWith("<html>\n<title>502</title> access_token=[redacted]")).toBe(true);
    expect(e.message).toMatch(/^POST \/v25\.0\/123\/messages failed with HTTP 502: <html> <title>502<\/title>/);
    expect(e.message).not.toContain("EAAB");
    expect(new GraphResponseError({ method: "GET", url, statusCode: 503 }).message).toBe(
      "GET /v25.0/123/messages failed with HTTP 503 (empty body)",
    );
  });

  it("the body excerpt does not split a surrogate pair", () => {
    const e = new GraphResponseError({ method: "GET", url, statusCode: 500, bodyText: `${"a".repeat(199)}😀tail` });
    expect(e.body).toBe("a".repeat(199));
  });
});
