import { describe, expect, it } from "vitest";
import { onlyUpdate } from "../../../../test/fixtures/updates/classify-fixture.ts";

describe("template updates", () => {
  it("reads a status update; id and time are the entry's", () => {
    const t = onlyUpdate("template-status-update", "approved", "templateStatusUpdate");
    expect(t.id).toBe("102290129340398");
    expect(t.timestamp).toEqual(new Date(1750010000 * 1000));
    expect(t.templateId).toBe("806312974732579");
    expect(t.templateName).toBe("order_update");
    expect(t.templateLanguage).toBe("en_US");
    expect(t.newStatus).toBe("APPROVED");
    expect(t.category).toBe("UTILITY");
    expect(t.reason).toBe("NONE");
    expect(t.dedupeKey).toBe("templateStatusUpdate:806312974732579:APPROVED:1750010000");
  });

  it("reads rejection, disable and pause details", () => {
    const rejected = onlyUpdate("template-status-update", "rejected", "templateStatusUpdate");
    expect(rejected.reason).toBe("INCORRECT_CATEGORY");
    expect(rejected.rejectionInfo).toEqual({
      reason: "This template was categorized as MARKETING.",
      recommendation: "Resubmit it as a MARKETING template.",
    });
    const disabled = onlyUpdate("template-status-update", "disabled", "templateStatusUpdate");
    expect(disabled.reason).toBeUndefined();
    expect(disabled.disableDate).toEqual(new Date(1750700000 * 1000));
    const paused = onlyUpdate("template-status-update", "paused", "templateStatusUpdate");
    expect(paused.otherInfo?.title).toBe("FIRST_PAUSE");
  });

  it("reads category, quality and components updates", () => {
    const cat = onlyUpdate("template-category-update", "recategorized", "templateCategoryUpdate");
    expect([cat.previousCategory, cat.newCategory, cat.correctCategory]).toEqual(["UTILITY", "MARKETING", undefined]);
    expect(cat.dedupeKey).toBe("templateCategoryUpdate:806312974732579:MARKETING:1750011000");
    expect(onlyUpdate("template-category-update", "correct_category_announced", "templateCategoryUpdate").correctCategory).toBe(
      "MARKETING",
    );

    const q = onlyUpdate("template-quality-update", "yellow", "templateQualityUpdate");
    expect([q.previousQualityScore, q.newQualityScore]).toEqual(["GREEN", "YELLOW"]);

    const c = onlyUpdate("template-components-update", "edited", "templateComponentsUpdate");
    expect(c.templateElement).toBe("Hi {{1}}, your order {{2}} has shipped!");
    expect(c.templateTitle).toBe("Order shipped");
    expect(c.templateFooter).toBe("Reply STOP to opt out");
    expect(c.templateButtons).toEqual([
      {
        message_template_button_type: "URL",
        message_template_button_text: "Track",
        message_template_button_url: "https://example.com/track/{{1}}",
      },
    ]);
    expect(c.dedupeKey).toMatch(/^templateComponentsUpdate:806312974732579:[0-9a-f]{16}:1750013000$/);
  });
});

describe("AccountUpdate", () => {
  const account = (name: string) => onlyUpdate("account-update", name, "accountUpdate");

  it("reads restrictions, violations and bans", () => {
    const r = account("account_restriction");
    expect(r.event).toBe("ACCOUNT_RESTRICTION");
    expect(r.id).toBe("102290129340398");
    expect(r.timestamp).toEqual(new Date(1750014000 * 1000));
    expect(r.restrictionInfo).toEqual([
      { restrictionType: "RESTRICTED_BIZ_INITIATED_MESSAGING", expiration: new Date(1750614000 * 1000), remediation: undefined },
      { restrictionType: "RESTRICTED_ADD_PHONE_NUMBER_ACTION", expiration: new Date(1750614000 * 1000), remediation: undefined },
    ]);
    expect(r.dedupeKey).toBe("accountUpdate:102290129340398:ACCOUNT_RESTRICTION:1750014000");
    expect(account("account_violation").violationType).toBe("ADULT");
    expect(account("disabled").banInfo).toEqual({ wabaBanState: "DISABLE", wabaBanDate: "June 15, 2025" });
  });

  it("reads partner events, keyed on the business portfolio", () => {
    const p = account("partner_added");
    expect(p.id).toBe("2949482758682047");
    expect(p.wabaInfo).toEqual({
      wabaId: "102290129340398",
      ownerBusinessId: "2329417887457253",
      adAccountLinked: undefined,
      partnerAppId: undefined,
      solutionId: "1715120619246906",
      solutionPartnerBusinessIds: ["2949482758682047", "520744086200222"],
    });
    expect(account("partner_removed_disconnection").disconnectionInfo).toEqual({
      reason: "PRIMARY_INACTIVITY",
      initiatedBy: "SYSTEM",
    });
  });

  it("reads pricing, location and certification events", () => {
    expect(account("auth_intl_eligibility").authInternationalRateEligibility).toEqual({
      startTime: new Date(1748780624 * 1000),
      exceptionCountries: [{ countryCode: "ID", startTime: new Date(1751347424 * 1000) }],
    });
    expect(account("volume_tier").volumeTierInfo).toMatchObject({ tier: "25000001:50000000", region: "India", effectiveMonth: "2025-07" });
    expect(account("primary_location").country).toBe("IN");
    expect(account("certification").partnerClientCertificationInfo).toEqual({
      clientBusinessId: "2729063490586005",
      status: "APPROVED",
      rejectionReasons: ["NONE"],
    });
    expect(account("account_offboarded").event).toBe("ACCOUNT_OFFBOARDED");
  });
});
