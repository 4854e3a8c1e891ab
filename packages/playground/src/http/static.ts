import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";

const PUBLIC = new URL("../../public/", import.meta.url);
const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
};

/**
 * The page's files, from public/: plain HTML, CSS and JavaScript modules, served
 * as they are (no build step), read on every request so an edit shows on reload.
 * Only plain names are served: no directories, no dot files.
 */
export async function serveStatic(pathname: string, res: ServerResponse): Promise<boolean> {
  const name = pathname === "/" ? "index.html" : pathname.slice(1);
  const ext = /^[a-z0-9-]+\.([a-z]+)$/.exec(name)?.[1];
  const type = ext ? TYPES[ext] : undefined;
  if (!type) return false;
  let bytes: Buffer;
  try {
    bytes = await readFile(new URL(name, PUBLIC));
  } catch {
    return false;
  }
  res.writeHead(200, { "content-type": type, "content-length": bytes.length, "cache-control": "no-store" });
  res.end(bytes);
  return true;
}
