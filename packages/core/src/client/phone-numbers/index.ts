// The WABA's phone numbers: reading them, registering and deregistering one.
export { getBusinessPhoneNumber, getBusinessPhoneNumbers, type GetBusinessPhoneNumberOptions, type GetBusinessPhoneNumbersOptions } from "./get.ts";
export { registerPhoneNumber, deregisterPhoneNumber, type RegisterPhoneNumberOptions, type DeregisterPhoneNumberOptions } from "./register.ts";
export type { BusinessPhoneNumber } from "./types.ts";
