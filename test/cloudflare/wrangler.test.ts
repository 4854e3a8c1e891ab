import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, nodeImports } from "./support/bundle.ts";
import { wranglerDryRun } from "./support/wrangler.ts";

/** The root wrangler.toml bundles the example offline, for plain workerd (no nodejs_compat). */
const outdir = mkdtempSync(join(tmpdir(), "edgewa-wrangler-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("wrangler deploy --dry-run", () => {
  it("bundles examples/cloudflare offline: one ESM file, no node: imports, the Durable Object class exported", async () => {
    const { code, output } = await wranglerDryRun(outdir);
    expect(code, output).toBe(0);
    expect(output).toMatch(/--dry-run: exiting now/);
    expect(output).toMatch(/env\.STORE \(EdgewaStoreObject\)\s+Durable Object/);
    expect(output).toMatch(/env\.KV\s+KV Namespace/);

    const bundle = join(outdir, "index.js");
    expect(existsSync(bundle), `files: ${readdirSync(outdir).join(", ")}`).toBe(true);
    const code_ = readFileSync(bundle, "utf8");
    expect(nodeImports(code_)).toEqual([]);
    expect(code_).not.toMatch(/["']node:/);
    expect(code_).toMatch(/export\s*\{[^}]*\bEdgewaStoreObject\b[^}]*\}/);
    expect(code_).toMatch(/export\s*\{[^}]*\bdefault\b[^}]*\}/);
  }, 60_000);

  it("wrangler.toml: the example's entry, KV, the SQLite Durable Object + migration, a minute cron, no nodejs_compat", () => {
    const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
    const settings = toml.replace(/#.*$/gm, "");
    expect(settings).toMatch(/^main = "examples\/cloudflare\/src\/index\.ts"$/m);
    expect(settings).toMatch(/^compatibility_date = "\d{4}-\d{2}-\d{2}"$/m);
    expect(settings).not.toMatch(/nodejs_compat|compatibility_flags/);
    expect(settings).toMatch(/\[\[kv_namespaces\]\]\s*binding = "KV"/);
    expect(settings).toMatch(/\[\[durable_objects\.bindings\]\]\s*name = "STORE"\s*class_name = "EdgewaStoreObject"/);
    expect(settings).toMatch(/\[\[migrations\]\]\s*tag = "v1"\s*new_sqlite_classes = \["EdgewaStoreObject"\]/);
    expect(settings).toMatch(/\[triggers\]\s*crons = \["\*\/1 \* \* \* \*"\]/);
  });
});
