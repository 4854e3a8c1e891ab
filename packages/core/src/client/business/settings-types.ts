import { bool, num, obj, objects, str, strings, type Json } from "../../updates/json.ts";

// A business phone number's settings (`/{phone-id}/settings`): pywa's
// `BusinessPhoneNumberSettings`, `CallingSettings` and friends, camelCased, with
// the converters to and from Meta's snake_case. Enum-like fields stay open strings,
// so a value Meta adds later is kept, not dropped.

export type SettingStatus = "ENABLED" | "DISABLED" | (string & {});
export type DayOfWeek = "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY";

/** Opening hours of one day; times are `"HHMM"` (24 h), e.g. `"0900"`. Up to 2 entries per day. */
export interface WeekdayHours {
  dayOfWeek: DayOfWeek | (string & {});
  openTime: string;
  closeTime: string;
}

/** An override of the weekly hours on one date (`"YYYY-MM-DD"`), times `"HHMM"`. */
export interface HolidaySchedule {
  date: string;
  startTime: string;
  endTime: string;
}

/** When calls are taken. Disabled hours mean always open. */
export interface CallHours {
  status: SettingStatus;
  /** E.g. `"Europe/Berlin"`. */
  timezoneId: string;
  weeklyOperatingHours: WeekdayHours[];
  /** Up to 20. Left out on update, Meta clears the existing schedule. */
  holidaySchedule?: HolidaySchedule[];
}

export interface SipServer {
  hostname: string;
  /** Default 5061 (TLS). */
  port?: number;
  requestUriUserParams?: Record<string, string>;
  /** Read only, with `includeSipCredentials`. */
  sipUserPassword?: string;
  /** Read only: the app that configured this server. */
  appId?: string;
}

export interface SipSettings {
  status: SettingStatus;
  /** An empty array removes this app's server. */
  servers: SipServer[];
}

/** The Calling API settings of a number (pywa's `CallingSettings`). */
export interface CallingSettings {
  status?: SettingStatus;
  callIconVisibility?: "DEFAULT" | "DISABLE_ALL" | (string & {});
  /** Show the call icon only to users of these countries (ISO codes). */
  callIcons?: { restrictToUserCountries: string[] };
  callHours?: CallHours;
  callbackPermissionStatus?: SettingStatus;
  srtpKeyExchangeProtocol?: "DTLS" | "SDES" | (string & {});
  sip?: SipSettings;
}

/** Local storage of message data (No-Storage / data localization). */
export interface StorageConfiguration {
  status: SettingStatus;
  /** E.g. `"DE"`. */
  dataLocalizationRegion?: string;
  retentionMinutes?: number;
}

export interface UserIdentityChangeSettings {
  /** Check the recipient's identity key hash before delivering (see `identityKeyHash` on sends). */
  enableIdentityKeyCheck: boolean;
}

export interface BusinessPhoneNumberSettings {
  calling: CallingSettings | undefined;
  storageConfiguration: StorageConfiguration | undefined;
  userIdentityChange: UserIdentityChangeSettings | undefined;
  raw: Json;
}

// ── To the wire ─────────────────────────────────────────────────────────────────

/** Drops undefined values, so only what was given is sent. */
function defined(o: Record<string, unknown>): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function callingToWire(c: CallingSettings): Json {
  return defined({
    status: c.status,
    call_icon_visibility: c.callIconVisibility,
    call_icons: c.callIcons && { restrict_to_user_countries: [...c.callIcons.restrictToUserCountries] },
    call_hours: c.callHours && defined({
      status: c.callHours.status,
      timezone_id: c.callHours.timezoneId,
      weekly_operating_hours: c.callHours.weeklyOperatingHours.map((d) => ({ day_of_week: d.dayOfWeek, open_time: d.openTime, close_time: d.closeTime })),
      holiday_schedule: c.callHours.holidaySchedule?.map((h) => ({ date: h.date, start_time: h.startTime, end_time: h.endTime })),
    }),
    callback_permission_status: c.callbackPermissionStatus,
    srtp_key_exchange_protocol: c.srtpKeyExchangeProtocol,
    sip: c.sip && {
      status: c.sip.status,
      servers: c.sip.servers.map((s) => defined({ hostname: s.hostname, port: s.port, request_uri_user_params: s.requestUriUserParams })),
    },
  });
}

export function storageToWire(s: StorageConfiguration): Json {
  return defined({ status: s.status, data_localization_region: s.dataLocalizationRegion, retention_minutes: s.retentionMinutes });
}

export function identityChangeToWire(u: UserIdentityChangeSettings): Json {
  return { enable_identity_key_check: u.enableIdentityKeyCheck };
}

// ── From the wire ───────────────────────────────────────────────────────────────

export function settingsFromWire(w: Json): BusinessPhoneNumberSettings {
  const calling = obj(w.calling);
  const storage = obj(w.storage_configuration);
  const identity = obj(w.user_identity_change);
  return {
    calling: calling && callingFromWire(calling),
    storageConfiguration: storage && {
      status: str(storage.status) ?? "",
      ...optional("dataLocalizationRegion", str(storage.data_localization_region)),
      ...optional("retentionMinutes", num(storage.retention_minutes)),
    },
    userIdentityChange: identity && { enableIdentityKeyCheck: bool(identity.enable_identity_key_check) ?? false },
    raw: w,
  };
}

function callingFromWire(c: Json): CallingSettings {
  const icons = obj(c.call_icons);
  const hours = obj(c.call_hours);
  const sip = obj(c.sip);
  return {
    ...optional("status", str(c.status)),
    ...optional("callIconVisibility", str(c.call_icon_visibility)),
    ...optional("callIcons", icons && { restrictToUserCountries: strings(icons.restrict_to_user_countries) ?? [] }),
    ...optional("callHours", hours && {
      status: str(hours.status) ?? "",
      timezoneId: str(hours.timezone_id) ?? "",
      weeklyOperatingHours: objects(hours.weekly_operating_hours).map((d) => ({
        dayOfWeek: str(d.day_of_week) ?? "",
        openTime: str(d.open_time) ?? "",
        closeTime: str(d.close_time) ?? "",
      })),
      ...optional("holidaySchedule", Array.isArray(hours.holiday_schedule)
        ? objects(hours.holiday_schedule).map((h) => ({ date: str(h.date) ?? "", startTime: str(h.start_time) ?? "", endTime: str(h.end_time) ?? "" }))
        : undefined),
    }),
    ...optional("callbackPermissionStatus", str(c.callback_permission_status)),
    ...optional("srtpKeyExchangeProtocol", str(c.srtp_key_exchange_protocol)),
    ...optional("sip", sip && {
      status: str(sip.status) ?? "",
      servers: objects(sip.servers).map((s) => ({
        hostname: str(s.hostname) ?? "",
        ...optional("port", num(s.port)),
        ...optional("requestUriUserParams", obj(s.request_uri_user_params) as Record<string, string> | undefined),
        ...optional("sipUserPassword", str(s.sip_user_password)),
        ...optional("appId", s.app_id === undefined ? undefined : String(s.app_id)),
      })),
    }),
  };
}

/** `{ key: value }` when the value is there, `{}` otherwise: optional members stay absent, not `undefined`. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
