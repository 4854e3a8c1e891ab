import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The adapter runs on Vercel's Edge runtime as well as Node.js: its sources must not
 * reach for Node. Its tsconfig checks them with only ES + WebWorker types (no Node,
 * no DOM), so a `node:*` import, `Buffer` or `process` fails to compile.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = `${ROOT}packages/adapter-vercel/src/`;

describe("@edgewa/vercel is portable", () => {
  it("type-checks without Node or DOM types (packages/adapter-vercel/tsconfig.json)", async () => {
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(`${ROOT}node_modules/.bin/tsc`, ["-p", "packages/adapter-vercel/tsconfig.json"], { cwd: ROOT }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("imports nothing from node:*", () => {
    for (const file of readdirSync(SRC).filter((f) => f.endsWith(".ts"))) {
      expect(readFileSync(SRC + file, "utf8"), file).not.toMatch(/from\s+["']node:|require\(["']node:/);
    }
  });
});
