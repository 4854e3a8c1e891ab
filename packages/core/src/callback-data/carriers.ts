/**
 * The updates that carry callback data, and the field it is in: what pywa's
 * `_FactoryHandler`s read (`CallbackButton.data`, `CallbackSelection.data`, and the
 * `tracker` a message or a call was sent with).
 */
const CARRIERS = {
  callbackButton: "data",
  callbackSelection: "data",
  messageStatus: "tracker",
  callStatus: "tracker",
} as const;

export type CallbackDataKind = keyof typeof CARRIERS;
export type CallbackDataCarriers = typeof CARRIERS;

const FIELDS: ReadonlyMap<unknown, "data" | "tracker"> = new Map(Object.entries(CARRIERS));

/** The field of an update of this kind that holds callback data, if the kind has one. */
export function callbackDataFieldOf(kind: unknown): "data" | "tracker" | undefined {
  return FIELDS.get(kind);
}

export function isCallbackDataKind(kind: unknown): kind is CallbackDataKind {
  return FIELDS.has(kind);
}
