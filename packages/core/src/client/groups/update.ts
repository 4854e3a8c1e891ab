import { fileName, ownedBytes } from "../media/bytes.ts";
import { callOptions, type CallOptions } from "../../graph/request.ts";
import type { Json } from "../../updates/json.ts";
import type { WhatsApp } from "../whatsapp.ts";
import { groupSegment, toGroupOperation, type GroupOperation } from "./types.ts";

/** A group picture: a JPEG image as bytes or a Blob / File. */
export type GroupProfilePicture = Uint8Array | ArrayBuffer | Blob;

export interface UpdateGroupSettingsOptions extends CallOptions {
  groupId: string;
  /** The new name (Meta: at most 128 characters). */
  subject?: string;
  /** The new description (Meta: at most 2048 characters); `""` clears it. */
  description?: string;
  /** The new picture, a JPEG image (Meta checks its size and aspect ratio). */
  profilePicture?: GroupProfilePicture;
}

/**
 * pywa's `update_group_settings`: `POST /{group-id}`, multipart/form-data with
 * `messaging_product`, and only what is given of `subject`, `description` and
 * `profile_picture_file` (named `profile.jpg` unless a File has a name). Unlike
 * pywa, the picture is optional; at least one of the three is needed. The change
 * is confirmed by a `group_settings_update` webhook.
 */
export async function updateGroupSettings(wa: WhatsApp, options: UpdateGroupSettingsOptions): Promise<GroupOperation> {
  const group = groupSegment(options.groupId, "updateGroupSettings");
  const { subject, description, profilePicture } = options;
  if (subject === undefined && description === undefined && profilePicture === undefined) {
    throw new TypeError("updateGroupSettings: nothing to update: pass at least one of subject, description, profilePicture");
  }
  if (subject !== undefined && (typeof subject !== "string" || subject.trim() === "")) {
    throw new TypeError("updateGroupSettings: subject is empty: a group needs a name");
  }
  if (description !== undefined && typeof description !== "string") {
    throw new TypeError(`updateGroupSettings: description must be a string, got ${typeof description}`);
  }
  const form = new FormData();
  form.append("messaging_product", "whatsapp");
  if (subject !== undefined) form.append("subject", subject);
  if (description !== undefined) form.append("description", description);
  if (profilePicture !== undefined) {
    const { blob, name } = pictureFile(profilePicture);
    form.append("profile_picture_file", blob, name);
  }
  const wire = await wa.api.request<Json>({ method: "POST", path: `/${group}`, body: form, ...callOptions(options) });
  return toGroupOperation(wire);
}

const JPEG = "image/jpeg";

/** The picture as a JPEG part: pywa's `("profile.jpg", bytes, "image/jpeg")`. */
function pictureFile(picture: GroupProfilePicture): { blob: Blob; name: string } {
  let blob: Blob;
  let name = "profile.jpg";
  if (picture instanceof Blob) {
    // A Blob that says it is another kind of image would be refused by Meta anyway.
    if (picture.type !== "" && picture.type.split(";")[0]!.trim().toLowerCase() !== JPEG) {
      throw new TypeError(`updateGroupSettings: profilePicture must be a JPEG image, got a Blob of type ${JSON.stringify(picture.type)}`);
    }
    name = fileName(picture) ?? name;
    // slice() re-labels the part's type without copying the bytes.
    blob = picture.type === JPEG ? picture : picture.slice(0, picture.size, JPEG);
  } else if (ownedBytes(picture)) {
    blob = new Blob([ownedBytes(picture)!], { type: JPEG });
  } else {
    throw new TypeError(
      "updateGroupSettings: profilePicture must be the image's bytes (Uint8Array, ArrayBuffer) or a Blob / File; " +
        `got ${Object.prototype.toString.call(picture)} (for an image at a URL or path, read it and pass its bytes)`,
    );
  }
  if (blob.size === 0) throw new TypeError("updateGroupSettings: profilePicture is empty");
  return { blob, name };
}
