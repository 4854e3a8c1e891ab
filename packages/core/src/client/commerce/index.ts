// A number's commerce settings: catalog visibility and the cart.
export {
  getCommerceSettings, updateCommerceSettings,
  type CommerceSettings, type GetCommerceSettingsOptions, type UpdateCommerceSettingsOptions,
} from "./settings.ts";
