import { randomBytes } from "node:crypto";
import { mediaUrlHash, newMediaId } from "./ids.ts";
import type { MediaStoreApi, StoredMedia } from "./types.ts";

/** The media a server "holds": uploads and what tests add directly. */
export class MediaStore implements MediaStoreApi {
  private readonly entries = new Map<string, StoredMedia>();
  private readonly secret = randomBytes(16).toString("hex");

  add(entry: Omit<StoredMedia, "id">): string {
    const id = newMediaId();
    this.entries.set(id, { id, ...entry });
    return id;
  }

  get(id: string): StoredMedia | undefined {
    return this.entries.get(id);
  }

  delete(id: string): boolean {
    return this.entries.delete(id);
  }

  urlHash(id: string): string {
    return mediaUrlHash(this.secret, id);
  }
}
