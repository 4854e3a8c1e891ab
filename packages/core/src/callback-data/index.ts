// Typed callback data in pywa's wire format, and the `{ factory }` handler option.
export {
  callbackData,
  type AnyCallbackDataFactory,
  type CallbackDataFactory,
  type CallbackDataOf,
} from "./factory.ts";
export type { CallbackDataField, CallbackDataFields, CallbackDataInput, CallbackDataValues, FieldValue } from "./fields.ts";
export type { CallbackDataKind } from "./carriers.ts";
export type { FactoryUpdate, WithCallbackData } from "../handlers/callback-data.ts";
export type { FactoryHandlerOptions, OnFactoryUpdate, OnPlainUpdate } from "../handlers/handler.ts";
