import type { RequestMatch, RouteDef } from "./types.ts";

/** `/v25.0/…` (also `/v25/…`): the version and the rest of the path. */
const VERSION_PREFIX = /^\/v(\d+(?:\.\d+)?)(?=\/|$)/;

export function splitVersion(path: string): { version: string | undefined; path: string } {
  const m = VERSION_PREFIX.exec(path);
  if (!m) return { version: undefined, path };
  return { version: normalizeVersion(m[1]!), path: path.slice(m[0].length) || "/" };
}

/** "v25" / "25" / "25.0" → "25.0" */
export function normalizeVersion(version: string): string {
  const v = version.replace(/^v/i, "");
  return v.includes(".") ? v : `${v}.0`;
}

export interface CompiledRoute {
  def: RouteDef;
  regex: RegExp;
  names: string[];
}

export function compileRoutes(defs: readonly RouteDef[]): CompiledRoute[] {
  return defs.map((def) => {
    const names: string[] = [];
    const source = def.path
      .split("/")
      .filter(Boolean)
      .map((segment) => {
        if (segment.startsWith(":")) {
          names.push(segment.slice(1));
          return "/([^/]+)";
        }
        return "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("");
    return { def, regex: new RegExp(`^${source || "/"}/?$`), names };
  });
}

export interface RouteMatch {
  route: CompiledRoute;
  params: Record<string, string>;
}

/** Every route matching method + path, in table order. */
export function* matchRoutes(routes: readonly CompiledRoute[], method: string, fullPath: string): Generator<RouteMatch> {
  const unversioned = splitVersion(fullPath).path;
  for (const route of routes) {
    if (route.def.method !== method) continue;
    const m = route.regex.exec(route.def.versioned === false ? fullPath : unversioned);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      const raw = m[i + 1] ?? "";
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw;
      }
    });
    yield { route, params };
  }
}

/** Whether a queued one-shot answer applies to this request (see `RequestMatch`). */
export function requestMatches(match: RequestMatch, method: string, fullPath: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  const unversioned = splitVersion(fullPath).path;
  if (typeof match.path === "string") {
    let wanted = match.path;
    if (/^https?:\/\//i.test(wanted)) wanted = new URL(wanted).pathname;
    wanted = wanted.split("?")[0]!;
    if (!wanted.startsWith("/")) wanted = "/" + wanted;
    if (wanted.length > 1) wanted = wanted.replace(/\/+$/, "");
    const versioned = splitVersion(wanted);
    const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);
    return versioned.version !== undefined ? wanted === strip(fullPath) : wanted === strip(unversioned);
  }
  match.path.lastIndex = 0;
  if (match.path.test(fullPath)) return true;
  match.path.lastIndex = 0;
  return match.path.test(unversioned);
}
