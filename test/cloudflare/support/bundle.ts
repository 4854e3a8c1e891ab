import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The compatibility date the root wrangler.toml deploys with: the tests run the same. */
export const COMPATIBILITY_DATE = (() => {
  const toml = readFileSync(`${ROOT}wrangler.toml`, "utf8");
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (date === undefined) throw new Error("wrangler.toml has no compatibility_date");
  return date;
})();

/**
 * Bundles a Worker entry as wrangler does for workerd, without nodejs_compat: ESM,
 * platform neutral (no Node built-ins: a `node:` import fails to resolve), the
 * `workerd`/`worker`/`browser` export conditions. The core's `.ts` imports are
 * compiled by esbuild on the way.
 */
export async function bundleWorker(entry: string, { minify = false }: { minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["workerd", "worker", "browser", "module", "main"],
    target: "es2022",
    external: ["cloudflare:*"],
    minify,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  const nodeImport = nodeImports(code);
  if (nodeImport.length > 0) throw new Error(`${entry} bundles Node built-ins: ${nodeImport.join(", ")}`);
  return code;
}

/** `node:` module specifiers imported or required by a bundle. */
export function nodeImports(code: string): string[] {
  const found = code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["'](node:[^"']+)["']/g);
  return [...new Set([...found].map((m) => m[1]!))];
}
