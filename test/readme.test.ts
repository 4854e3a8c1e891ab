import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import * as core from "@edgewa/core";
import { blockFile, codeBlocks, inlineFile, inlineStatements } from "./support/readme-snippets.ts";

/**
 * The README's TypeScript compiles: every ```ts block and every inline example that
 * is a statement (the method tables), type-checked against the packages as they are.
 * A renamed method or option that the README still shows fails here.
 */
const root = join(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
// Inside the repository, so that @edgewa/* resolve through the workspace's node_modules.
const dir = join(root, "test-output", `readme-check-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(): { blocks: number; inline: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names = Object.keys(core);
  const blocks = codeBlocks(readme);
  blocks.forEach((b, i) => writeFileSync(join(dir, `block${String(i).padStart(2, "0")}.ts`), blockFile(b, names)));
  const inline = inlineStatements(readme);
  writeFileSync(join(dir, "inline.ts"), inlineFile(inline, names));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../../tsconfig.json", compilerOptions: { noEmit: true, types: ["node"] }, include: ["*.ts"] }));
  return { blocks: blocks.length, inline: inline.length };
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
      const marker = source.slice(0, Number(at[2])).reverse().find((l) => l.startsWith("// README.md line"));
      return `${marker ?? "?"}: ${line.slice(line.indexOf("error TS"))}`;
    });
}

describe("README.md", () => {
  it("every TypeScript example type-checks against the packages", async () => {
    const found = write();
    // The extraction itself must keep finding the examples.
    expect(found.blocks).toBeGreaterThanOrEqual(15);
    expect(found.inline).toBeGreaterThanOrEqual(100);
    const tsc = join(root, "node_modules", ".bin", "tsc");
    const result = await promisify(execFile)(tsc, ["-p", dir], { cwd: root }).then(
      () => ({ code: 0, output: "" }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, output: error.stdout ?? "" }),
    );
    expect(located(result.output)).toEqual([]);
    expect(result.code).toBe(0);
  }, 60_000);
});
