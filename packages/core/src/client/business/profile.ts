import { callOptions, type CallOptions } from "../../graph/request.ts";
import { str, strings, type Json } from "../../updates/json.ts";
import { decodeDataUri } from "../media/upload.ts";
import type { SuccessResult } from "../results.ts";
import { resumableUpload } from "../uploads/resumable.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { ack, firstItem } from "./ack.ts";
import { phoneSegment } from "./ids.ts";

/** The business's industry (the API's `vertical`); pywa's `Industry`. */
export type Industry =
  | "UNDEFINED" | "OTHER" | "AUTO" | "BEAUTY" | "APPAREL" | "EDU" | "ENTERTAIN" | "EVENT_PLAN" | "FINANCE"
  | "GROCERY" | "GOVT" | "HOTEL" | "HEALTH" | "NONPROFIT" | "PROF_SERVICES" | "RETAIL" | "TRAVEL"
  | "RESTAURANT" | "NOT_A_BIZ" | (string & {});

/** What WhatsApp users see on the business's profile (pywa's `BusinessProfile`). */
export interface BusinessProfile {
  about: string | undefined;
  address: string | undefined;
  /** The API's `vertical`. */
  industry: Industry | undefined;
  description: string | undefined;
  email: string | undefined;
  profilePictureUrl: string | undefined;
  websites: string[];
  raw: Json;
}

const PROFILE_FIELDS = ["about", "address", "vertical", "description", "email", "profile_picture_url", "websites"] as const;

export interface GetBusinessProfileOptions extends CallOptions {
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/** pywa's `get_business_profile`: `GET /{phone-id}/whatsapp_business_profile?fields=…` (its `data[0]`). */
export async function getBusinessProfile(wa: WhatsApp, options: GetBusinessProfileOptions = {}): Promise<BusinessProfile> {
  const phone = phoneSegment(wa, options.phoneId, "getBusinessProfile");
  const w = (await firstItem<Json>(wa, { method: "GET", path: `/${phone}/whatsapp_business_profile`, query: { fields: PROFILE_FIELDS } }, options)) ?? {};
  return {
    about: str(w.about),
    address: str(w.address),
    industry: str(w.vertical),
    description: str(w.description),
    email: str(w.email),
    profilePictureUrl: str(w.profile_picture_url),
    websites: strings(w.websites) ?? [],
    raw: w,
  };
}

/**
 * A new profile picture: bytes or a Blob (uploaded with the Resumable Upload API
 * first), a `data:image/…;base64,…` URI, or the handle of a file already uploaded
 * that way (`"4::aW…"`).
 */
export type ProfilePicture = Uint8Array | ArrayBuffer | Blob | string;

export interface UpdateBusinessProfileOptions extends CallOptions {
  /** Left out: unchanged. `null`: cleared. Likewise for every field. */
  about?: string | null;
  address?: string | null;
  description?: string | null;
  email?: string | null;
  /** Sent as `vertical`; `null` sets `UNDEFINED`. */
  industry?: Industry | null;
  /** At most 2. `null` clears them. */
  websites?: readonly string[] | null;
  profilePicture?: ProfilePicture;
  /** The app a new picture is uploaded for. Default: the client's `appId`. */
  appId?: string;
  /** Default: the client's `phoneId`. */
  phoneId?: string;
}

/**
 * pywa's `update_business_profile`: `POST /{phone-id}/whatsapp_business_profile`
 * with only the fields given (`null` clears one). A picture given as bytes goes
 * through the Resumable Upload API first and is sent as `profile_picture_handle`.
 */
export async function updateBusinessProfile(wa: WhatsApp, options: UpdateBusinessProfileOptions): Promise<SuccessResult> {
  const phone = phoneSegment(wa, options.phoneId, "updateBusinessProfile");
  const text = (v: string | null | undefined) => (v === null ? "" : v);
  const fields: Record<string, unknown> = {
    about: text(options.about),
    address: text(options.address),
    description: text(options.description),
    email: text(options.email),
    vertical: options.industry === null ? "UNDEFINED" : options.industry,
    websites: options.websites === null ? [] : options.websites,
  };
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  if (options.profilePicture !== undefined) {
    fields.profile_picture_handle = await pictureHandle(wa, options.profilePicture, options);
  }
  if (Object.keys(fields).length === 0) {
    throw new TypeError("updateBusinessProfile: nothing to update: pass at least one of about, address, description, email, industry, websites, profilePicture");
  }
  return ack(wa, { method: "POST", path: `/${phone}/whatsapp_business_profile`, json: { messaging_product: "whatsapp", ...fields } }, options);
}

/** A resumable-upload file handle: `<digits>:` then the opaque rest. */
const HANDLE = /^\d+:\S+$/;

async function pictureHandle(wa: WhatsApp, picture: ProfilePicture, options: UpdateBusinessProfileOptions): Promise<string> {
  if (typeof picture === "string") {
    if (HANDLE.test(picture)) return picture;
    const decoded = decodeDataUri(picture);
    if (!decoded) {
      throw new TypeError(
        "updateBusinessProfile: profilePicture must be bytes, a Blob, a data:image/…;base64,… URI or an upload handle (\"4::…\"); " +
          "to use an image from a URL, fetch it and pass its bytes",
      );
    }
    picture = new Blob([decoded.bytes], { type: decoded.mimeType ?? "" });
  }
  const type = picture instanceof Blob ? picture.type : "";
  // pywa's defaults: profile.jpg, image/jpeg.
  const fileType = type || "image/jpeg";
  const fileName = typeof File !== "undefined" && picture instanceof File && picture.name ? picture.name : `profile.${fileType === "image/png" ? "png" : "jpg"}`;
  const { handle } = await resumableUpload(wa, { ...callOptions(options), appId: options.appId, file: picture, fileName, fileType });
  return handle;
}
