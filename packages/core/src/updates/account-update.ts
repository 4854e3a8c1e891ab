import { BaseUpdate, type UpdateSource, toDate } from "./base.ts";
import { type Json, date, idStr, need, obj, objects, str, strings } from "./json.ts";

export type AccountUpdateEvent =
  | "ACCOUNT_DELETED"
  | "ACCOUNT_OFFBOARDED"
  | "ACCOUNT_RECONNECTED"
  | "ACCOUNT_RESTRICTION"
  | "ACCOUNT_VIOLATION"
  | "AD_ACCOUNT_LINKED"
  | "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE"
  | "BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE"
  | "DISABLED_UPDATE"
  | "MM_LITE_TERMS_SIGNED"
  | "PARTNER_ADDED"
  | "PARTNER_APP_INSTALLED"
  | "PARTNER_APP_UNINSTALLED"
  | "PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE"
  | "PARTNER_REMOVED"
  | "VOLUME_BASED_PRICING_TIER_UPDATE"
  | (string & {});

export interface WabaInfo {
  readonly wabaId: string | undefined;
  readonly ownerBusinessId: string | undefined;
  readonly adAccountLinked: string | undefined;
  readonly partnerAppId: string | undefined;
  readonly solutionId: string | undefined;
  readonly solutionPartnerBusinessIds: readonly string[] | undefined;
}

export interface BanInfo {
  /** e.g. `DISABLE`, `REINSTATE`, `SCHEDULE_FOR_DISABLE`. */
  readonly wabaBanState: string | undefined;
  /** As sent: a date in words ("April 17, 2025"). */
  readonly wabaBanDate: string | undefined;
}

export interface RestrictionInfo {
  readonly restrictionType: string | undefined;
  readonly expiration: Date | undefined;
  readonly remediation: string | undefined;
}

export interface DisconnectionInfo {
  readonly reason: string | undefined;
  readonly initiatedBy: string | undefined;
}

export interface AuthInternationalRateEligibility {
  readonly startTime: Date | undefined;
  readonly exceptionCountries: readonly { readonly countryCode: string | undefined; readonly startTime: Date | undefined }[];
}

export interface VolumeTierInfo {
  /** `"current:max"` messages, e.g. `"25000001:50000000"`. */
  readonly tier: string | undefined;
  readonly tierUpdateTime: Date | undefined;
  readonly pricingCategory: string | undefined;
  /** `YYYY-MM`. */
  readonly effectiveMonth: string | undefined;
  readonly region: string | undefined;
}

export interface PartnerClientCertificationInfo {
  readonly clientBusinessId: string | undefined;
  readonly status: string | undefined;
  readonly rejectionReasons: readonly string[] | undefined;
}

/**
 * Something happened to the business account: a ban, a restriction, a partner
 * added… (`account_update`). `id` is `entry[].id`, here the business portfolio id.
 */
export class AccountUpdate extends BaseUpdate {
  readonly kind = "accountUpdate" as const;
  readonly id: string;
  readonly timestamp: Date;
  readonly event: AccountUpdateEvent;
  readonly wabaInfo: WabaInfo | undefined;
  /** `violation_info.violation_type`. */
  readonly violationType: string | undefined;
  readonly banInfo: BanInfo | undefined;
  readonly restrictionInfo: readonly RestrictionInfo[] | undefined;
  readonly disconnectionInfo: DisconnectionInfo | undefined;
  readonly authInternationalRateEligibility: AuthInternationalRateEligibility | undefined;
  readonly volumeTierInfo: VolumeTierInfo | undefined;
  readonly partnerClientCertificationInfo: PartnerClientCertificationInfo | undefined;
  /** The new primary country, on `BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE`. */
  readonly country: string | undefined;
  private readonly entryTime: number | undefined;

  constructor(source: UpdateSource, value: Json) {
    super(source);
    this.id = source.entryId;
    this.entryTime = source.entryTime;
    this.timestamp = toDate(source.entryTime);
    this.event = need(str(value.event), "event");
    const waba = obj(value.waba_info);
    this.wabaInfo = waba && {
      wabaId: idStr(waba.waba_id),
      ownerBusinessId: idStr(waba.owner_business_id),
      adAccountLinked: idStr(waba.ad_account_linked),
      partnerAppId: idStr(waba.partner_app_id),
      solutionId: idStr(waba.solution_id),
      solutionPartnerBusinessIds: strings(waba.solution_partner_business_ids),
    };
    this.violationType = str(obj(value.violation_info)?.violation_type);
    const ban = obj(value.ban_info);
    this.banInfo = ban && { wabaBanState: str(ban.waba_ban_state), wabaBanDate: str(ban.waba_ban_date) };
    this.restrictionInfo = Array.isArray(value.restriction_info)
      ? objects(value.restriction_info).map((r) => ({
          restrictionType: str(r.restriction_type),
          expiration: date(r.expiration),
          remediation: str(r.remediation),
        }))
      : undefined;
    const disconnection = obj(value.disconnection_info);
    this.disconnectionInfo = disconnection && {
      reason: str(disconnection.reason),
      initiatedBy: str(disconnection.initiated_by),
    };
    const auth = obj(value.auth_international_rate_eligibility);
    this.authInternationalRateEligibility = auth && {
      startTime: date(auth.start_time),
      exceptionCountries: objects(auth.exception_countries).map((c) => ({
        countryCode: str(c.country_code),
        startTime: date(c.start_time),
      })),
    };
    const tier = obj(value.volume_tier_info);
    this.volumeTierInfo = tier && {
      tier: str(tier.tier),
      tierUpdateTime: date(tier.tier_update_time),
      pricingCategory: str(tier.pricing_category),
      effectiveMonth: str(tier.effective_month),
      region: str(tier.region),
    };
    const cert = obj(value.partner_client_certification_info);
    this.partnerClientCertificationInfo = cert && {
      clientBusinessId: idStr(cert.client_business_id),
      status: str(cert.status),
      rejectionReasons: strings(cert.rejection_reasons),
    };
    this.country = str(value.country);
  }

  /** One event of one account at one time. */
  override get dedupeKey(): string {
    return `accountUpdate:${this.id}:${this.event}:${this.entryTime ?? ""}`;
  }
}
