import type { RouteDef } from "../types.ts";
import { mediaRoutes } from "./media.ts";
import { messageRoutes } from "./messages.ts";

/**
 * The route table, tried in order (a handler may return undefined to pass).
 * New areas (templates, flows, business profile, QR codes, calls…) add a module
 * under routes/ and append its table here. Keep catch-all patterns like
 * `GET /:id` after the specific ones.
 */
export const routes: readonly RouteDef[] = [...messageRoutes, ...mediaRoutes];
