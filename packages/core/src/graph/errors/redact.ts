// Keeping secrets out of error messages. Errors never receive the access token, but
// Graph sometimes echoes a request URL (with `access_token=…`) in its message, and a
// URL may have to appear in a message: both pass through here first.

/** Query parameters whose values are credentials. */
const SECRET_PARAMS: ReadonlySet<string> = new Set(["access_token", "appsecret_proof", "client_secret"]);

/** `access_token=…`, `access_token%3D…`, `"access_token": "…"` (and the other secret names). */
const SECRET_ASSIGNMENT = /(access_token|appsecret_proof|client_secret)(%3D|\s*=\s*|"?\s*:\s*"?)[^&\s"'<>,;)]+/gi;
/** `Authorization: Bearer …` echoed back. */
const BEARER = /\bBearer\s+[\w.~+/-]{8,}=*/gi;
/**
 * A bare Meta access token: they start with `EAA` and are long base-62 strings (`-` and
 * `_` are allowed too, so placeholder and test tokens are caught as well).
 */
const META_TOKEN = /\bEAA[\w-]{10,}/g;

const REDACTED = "[redacted]";

/**
 * `text` with anything that looks like a credential masked: the value of an
 * `access_token` / `appsecret_proof` / `client_secret` assignment, a `Bearer` token,
 * or a bare `EAA…` access token. Idempotent; cheap on text without secrets.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(SECRET_ASSIGNMENT, `$1$2${REDACTED}`)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(META_TOKEN, REDACTED);
}

/** Shorter strings would blank out ordinary words; nothing that short is a secret here. */
const MIN_SECRET_LENGTH = 4;

/** `text` with each of these known secrets masked wherever it appears. */
export function redactKnown(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * The forms an access token can come back in: as given, trimmed (fetch trims a
 * header value, so Meta sees and echoes that), and as written inside a JSON string
 * (a `"`, `\` or control character escaped).
 */
export function tokenForms(token: string): string[] {
  return [...new Set([token, token.trim(), JSON.stringify(token).slice(1, -1)])].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

function isSecretParam(pair: string): boolean {
  const eq = pair.indexOf("=");
  const rawKey = eq < 0 ? pair : pair.slice(0, eq);
  let key = rawKey;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, " "));
  } catch {
    // A malformed escape: compare the key as written.
  }
  return SECRET_PARAMS.has(key.trim().toLowerCase());
}

/**
 * `url` without its `access_token`, `appsecret_proof` and `client_secret` query
 * parameters (the others are kept as written, in order). Works on absolute and
 * relative URLs and on strings that are not URLs at all; anything else that looks like
 * a credential (in the fragment, the path, …) is masked as `[redacted]`.
 *
 *   redactUrl("https://graph.facebook.com/v25.0/me?fields=id&access_token=EAAB…")
 *   // "https://graph.facebook.com/v25.0/me?fields=id"
 */
export function redactUrl(url: string): string {
  const s = String(url);
  const queryAt = s.indexOf("?");
  const hashAt = s.indexOf("#");
  if (queryAt < 0 || (hashAt >= 0 && hashAt < queryAt)) return redactSecrets(s);
  const queryEnd = hashAt < 0 ? s.length : hashAt;
  const kept = s
    .slice(queryAt + 1, queryEnd)
    .split("&")
    .filter((pair) => !isSecretParam(pair));
  const query = kept.length > 0 && kept.some((p) => p !== "") ? `?${kept.join("&")}` : "";
  return redactSecrets(s.slice(0, queryAt) + query + s.slice(queryEnd));
}

/**
 * The path of `url` with no query string and no fragment (they can hold credentials):
 * `"https://graph.facebook.com/v25.0/123/messages?x=1"` → `"/v25.0/123/messages"`.
 * A relative URL keeps its path as written.
 */
export function pathOf(url: string | URL): string {
  let path: string;
  if (typeof url !== "string") path = url.pathname;
  else {
    const cut = url.search(/[?#]/);
    const noQuery = cut < 0 ? url : url.slice(0, cut);
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(noQuery);
    path = scheme ? noQuery.slice(scheme[0].length) || "/" : noQuery;
  }
  return redactSecrets(path);
}
