import { idStr, type Json } from "../../updates/json.ts";
import { signupDeeplink } from "./deeplink.ts";

/** Whether a signup's link works. Open: a status Meta adds later is kept as it came. */
export type SignupStatus = "ACTIVE" | "DISABLED" | (string & {});

/** What `createSignup` answers (pywa's `CreatedSignup`): the new signup's id. */
export class CreatedSignup {
  readonly id: string;
  readonly raw: Readonly<Json>;

  constructor(wire: Json) {
    this.id = idStr(wire.id) ?? "";
    this.raw = wire;
  }

  /**
   * The opt-in link for one of the WABA's numbers (pywa's `get_deeplink`):
   * `https://wa.me/<phone-number>/signup/<id>`. The signup is not tied to a
   * number, so any number of the WABA works.
   */
  getDeeplink(phoneNumber: string | number): string {
    return signupDeeplink({ phoneNumber, signupId: this.id });
  }
}
