// pywa's enums of the Flow JSON builder, as constant objects: `InputType.EMAIL`
// works as in pywa, and the plain string ("email") is accepted wherever one is.

export const LayoutType = { SINGLE_COLUMN: "SingleColumnLayout" } as const;
export type LayoutType = (typeof LayoutType)[keyof typeof LayoutType];

export const FontWeight = { BOLD: "bold", ITALIC: "italic", BOLD_ITALIC: "bold_italic", NORMAL: "normal" } as const;
export type FontWeight = (typeof FontWeight)[keyof typeof FontWeight];

export const InputType = {
  TEXT: "text",
  NUMBER: "number",
  EMAIL: "email",
  PASSWORD: "password",
  PASSCODE: "passcode",
  PHONE: "phone",
} as const;
export type InputType = (typeof InputType)[keyof typeof InputType];

/** Flow JSON 7.0: a prominent label that may span lines. */
export const LabelVariant = { LARGE: "large" } as const;
export type LabelVariant = (typeof LabelVariant)[keyof typeof LabelVariant];

/** Flow JSON 5.0. */
export const MediaSize = { REGULAR: "regular", LARGE: "large" } as const;
export type MediaSize = (typeof MediaSize)[keyof typeof MediaSize];

export const ScaleType = { COVER: "cover", CONTAIN: "contain" } as const;
export type ScaleType = (typeof ScaleType)[keyof typeof ScaleType];

export const PhotoSource = { CAMERA_GALLERY: "camera_gallery", CAMERA: "camera", GALLERY: "gallery" } as const;
export type PhotoSource = (typeof PhotoSource)[keyof typeof PhotoSource];

export const CalendarPickerMode = { SINGLE: "single", RANGE: "range" } as const;
export type CalendarPickerMode = (typeof CalendarPickerMode)[keyof typeof CalendarPickerMode];

export const CalendarDay = { MON: "Mon", TUE: "Tue", WED: "Wed", THU: "Thu", FRI: "Fri", SAT: "Sat", SUN: "Sun" } as const;
export type CalendarDay = (typeof CalendarDay)[keyof typeof CalendarDay];

export const NextType = { SCREEN: "screen", PLUGIN: "plugin" } as const;
export type NextType = (typeof NextType)[keyof typeof NextType];

export const FlowActionType = {
  COMPLETE: "complete",
  DATA_EXCHANGE: "data_exchange",
  NAVIGATE: "navigate",
  OPEN_URL: "open_url",
  UPDATE_DATA: "update_data",
} as const;
export type FlowActionType = (typeof FlowActionType)[keyof typeof FlowActionType];
