import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import * as core from "@edgewa/core";
import { blockFile, codeBlocks, inlineFile, inlineStatements } from "./support/readme-snippets.ts";

/**
 * The READMEs' TypeScript compiles: every ```ts block and every inline example that
 * is a statement (the method tables), type-checked against the packages as they are.
 * A renamed method or option that a README still shows fails here.
 */
const root = join(import.meta.dirname, "..");
/** The READMEs whose examples are checked, each under a short name. */
const READMES: Record<string, string> = {
  root: "README.md",
  cloudflare: "packages/adapter-cloudflare/README.md",
  lambda: "packages/adapter-lambda/README.md",
  vercel: "packages/adapter-vercel/README.md",
  playground: "packages/playground/README.md",
};
// Inside the repository, so that @edgewa/* resolve through the workspace's node_modules.
const dir = join(root, "test-output", `readme-check-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(): Record<string, { blocks: number; inline: number }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names = Object.keys(core);
  const found: Record<string, { blocks: number; inline: number }> = {};
  for (const [short, file] of Object.entries(READMES)) {
    const readme = readFileSync(join(root, file), "utf8");
    const blocks = codeBlocks(readme);
    blocks.forEach((b, i) => writeFileSync(join(dir, `${short}-block${String(i).padStart(2, "0")}.ts`), blockFile(b, names).replace("// README.md", `// ${file}`)));
    const inline = inlineStatements(readme);
    writeFileSync(join(dir, `${short}-inline.ts`), inlineFile(inline, names).replaceAll("// README.md", `// ${file}`));
    found[short] = { blocks: blocks.length, inline: inline.length };
  }
  const compilerOptions = { noEmit: true, types: ["node", "@cloudflare/workers-types"] };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../../tsconfig.json", compilerOptions, include: ["*.ts"] }));
  return found;
}

/** tsc's errors, each with the README line its snippet starts at. */
function located(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => line.includes("error TS"))
    .map((line) => {
      const at = /^(.*?\.ts)\((\d+),\d+\)/.exec(line);
      if (!at) return line;
      const source = readFileSync(at[1]!.startsWith("/") ? at[1]! : join(dir, at[1]!.split("/").pop()!), "utf8").split("\n");
      const marker = source.slice(0, Number(at[2])).reverse().find((l) => /^\/\/ \S*README\.md line/.test(l));
      return `${marker ?? "?"}: ${line.slice(line.indexOf("error TS"))}`;
    });
}

describe("README.md", () => {
  it("every TypeScript example (root and package READMEs) type-checks against the packages", async () => {
    const found = write();
    // The extraction itself must keep finding the examples.
    expect(found.root!.blocks).toBeGreaterThanOrEqual(15);
    expect(found.root!.inline).toBeGreaterThanOrEqual(100);
    expect(found.vercel!.blocks).toBeGreaterThanOrEqual(3);
    const tsc = join(root, "node_modules", ".bin", "tsc");
    const result = await promisify(execFile)(tsc, ["-p", dir], { cwd: root }).then(
      () => ({ code: 0, output: "" }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, output: error.stdout ?? "" }),
    );
    expect(located(result.output)).toEqual([]);
    expect(result.code).toBe(0);
  }, 60_000);
});
