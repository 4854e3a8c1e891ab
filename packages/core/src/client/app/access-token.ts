import { callOptions, type CallOptions } from "../../graph/request.ts";
import { resolveAppId } from "./app-id.ts";
import type { WhatsApp } from "../whatsapp.ts";

export interface GetAppAccessTokenOptions extends CallOptions {
  /** Default: the client's `appId`. */
  appId?: string;
  /** The app secret (App settings → Basic). */
  appSecret: string;
}

/**
 * pywa's `get_app_access_token`: an app access token, from
 * `GET /oauth/access_token?grant_type=client_credentials&client_id=…&client_secret=…`.
 * It is a secret like the app secret: do not log it.
 */
export async function getAppAccessToken(wa: WhatsApp, options: GetAppAccessTokenOptions): Promise<string> {
  const appId = resolveAppId(wa, options.appId, "getAppAccessToken");
  if (!options.appSecret) throw new TypeError("getAppAccessToken: appSecret is empty");
  const response = await wa.api.request<{ access_token?: unknown }>({
    method: "GET",
    path: "/oauth/access_token",
    query: { grant_type: "client_credentials", client_id: appId, client_secret: options.appSecret },
    ...callOptions(options),
  });
  if (typeof response.access_token !== "string" || response.access_token === "") {
    throw new Error("getAppAccessToken: the Graph API answered without an access_token");
  }
  return response.access_token;
}
