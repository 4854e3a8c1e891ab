/** Where the page loads a sent media object from: the Graph server's copy of an uploaded id, or the link. */
export function mediaSrc(media: unknown): string | undefined {
  if (typeof media !== "object" || media === null) return undefined;
  const { id, link } = media as { id?: unknown; link?: unknown };
  if (typeof id === "string" && id) return `/media/${encodeURIComponent(id)}`;
  return typeof link === "string" ? link : undefined;
}
