// The WABA's phone numbers: reading them, adding one, verifying it, registering and deregistering it.
export { getBusinessPhoneNumber, getBusinessPhoneNumbers, type GetBusinessPhoneNumberOptions, type GetBusinessPhoneNumbersOptions } from "./get.ts";
export { registerPhoneNumber, deregisterPhoneNumber, type RegisterPhoneNumberOptions, type DeregisterPhoneNumberOptions } from "./register.ts";
export { createPhoneNumber, type CreatePhoneNumberOptions, type CreatedBusinessPhoneNumber } from "./create.ts";
export {
  requestVerificationCode, verifyPhoneNumber,
  type RequestVerificationCodeOptions, type VerifyPhoneNumberOptions,
} from "./verification.ts";
export type { BusinessPhoneNumber } from "./types.ts";
