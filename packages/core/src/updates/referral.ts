import { obj, str } from "./json.ts";

export type ReferralSourceType = "ad" | "post" | (string & {});
export type ReferralMediaType = "image" | "video" | (string & {});

/** `messages[].referral`: the ad or post a user clicked to start the chat (click-to-WhatsApp). */
export interface Referral {
  readonly sourceUrl: string | undefined;
  readonly sourceType: ReferralSourceType | undefined;
  readonly sourceId: string | undefined;
  readonly headline: string | undefined;
  readonly body: string | undefined;
  readonly mediaType: ReferralMediaType | undefined;
  readonly imageUrl: string | undefined;
  readonly videoUrl: string | undefined;
  readonly thumbnailUrl: string | undefined;
  /** Click id, for conversion reporting back to Meta. */
  readonly ctwaClid: string | undefined;
}

export function parseReferral(v: unknown): Referral | undefined {
  const o = obj(v);
  if (!o) return undefined;
  return {
    sourceUrl: str(o.source_url),
    sourceType: str(o.source_type),
    sourceId: str(o.source_id),
    headline: str(o.headline),
    body: str(o.body),
    mediaType: str(o.media_type),
    imageUrl: str(o.image_url),
    videoUrl: str(o.video_url),
    thumbnailUrl: str(o.thumbnail_url),
    ctwaClid: str(o.ctwa_clid),
  };
}
