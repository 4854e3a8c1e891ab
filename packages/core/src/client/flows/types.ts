// The constants of flows management (pywa's enums) and the plain results.
// Values Meta adds later come through as their strings.

export const FlowCategory = {
  SIGN_UP: "SIGN_UP",
  SIGN_IN: "SIGN_IN",
  APPOINTMENT_BOOKING: "APPOINTMENT_BOOKING",
  LEAD_GENERATION: "LEAD_GENERATION",
  CONTACT_US: "CONTACT_US",
  CUSTOMER_SUPPORT: "CUSTOMER_SUPPORT",
  SURVEY: "SURVEY",
  OTHER: "OTHER",
} as const;
export type FlowCategory = (typeof FlowCategory)[keyof typeof FlowCategory] | (string & {});

export const FlowStatus = {
  /** Being built: only sendable with `mode: "draft"`; can be updated and deleted. */
  DRAFT: "DRAFT",
  /** Sendable; immutable (clone it to change it), cannot be deleted, only deprecated. */
  PUBLISHED: "PUBLISHED",
  /** Retired: cannot be sent or opened. */
  DEPRECATED: "DEPRECATED",
  /** Its endpoint is unhealthy: cannot be sent or opened until fixed. */
  BLOCKED: "BLOCKED",
  /** Its endpoint is unhealthy: 10 messages an hour. */
  THROTTLED: "THROTTLED",
} as const;
export type FlowStatus = (typeof FlowStatus)[keyof typeof FlowStatus] | (string & {});

export const FlowMetricName = {
  ENDPOINT_REQUEST_COUNT: "ENDPOINT_REQUEST_COUNT",
  ENDPOINT_REQUEST_ERROR: "ENDPOINT_REQUEST_ERROR",
  ENDPOINT_REQUEST_ERROR_RATE: "ENDPOINT_REQUEST_ERROR_RATE",
  ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL: "ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL",
  ENDPOINT_AVAILABILITY: "ENDPOINT_AVAILABILITY",
} as const;
export type FlowMetricName = (typeof FlowMetricName)[keyof typeof FlowMetricName];

export const FlowMetricGranularity = { DAY: "DAY", HOUR: "HOUR", LIFETIME: "LIFETIME" } as const;
export type FlowMetricGranularity = (typeof FlowMetricGranularity)[keyof typeof FlowMetricGranularity];

/** An asset of a flow (`GET /{flow-id}/assets`): today only its `flow.json`. */
export interface FlowAsset {
  /** e.g. `"flow.json"` */
  name: string;
  /** e.g. `"FLOW_JSON"` */
  type: string;
  /** Where to download it. */
  url: string;
}
