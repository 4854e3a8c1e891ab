/**
 * The access token is attached only to requests for Meta's own hosts (the Graph
 * API, api.facebook.com for template archiving, the lookaside CDN that serves
 * media) over https, or to the configured `graphUrl`'s host. A media URL that came
 * from anywhere else gets no token: handing the token to an arbitrary URL would
 * leak it.
 */
const META_HOST_SUFFIXES = [".facebook.com", ".fbsbx.com", ".whatsapp.net", ".fbcdn.net"];

export function isTrustedHost(url: string, graphUrl: string): boolean {
  const host = new URL(url).host;
  if (host === new URL(graphUrl).host) return true;
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" && META_HOST_SUFFIXES.some((suffix) => hostname.endsWith(suffix) || `.${hostname}` === suffix);
}
