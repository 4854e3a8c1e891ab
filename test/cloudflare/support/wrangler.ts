import { spawn } from "node:child_process";
import { delimiter } from "node:path";
import { ROOT } from "./bundle.ts";

/**
 * `wrangler deploy --dry-run --outdir <outdir>` of the root wrangler.toml, offline:
 * no metrics, no error reports, no cf fetch, stdin from /dev/null (it never prompts),
 * killed after `timeoutMs`. Runs the wrangler of node_modules/.bin with the Node 22
 * that sits next to it (wrangler refuses Node 20).
 */
export function wranglerDryRun(outdir: string, { timeoutMs = 60_000 } = {}): Promise<{ code: number | null; output: string }> {
  const bin = `${ROOT}node_modules/.bin`;
  return new Promise((resolve, reject) => {
    const child = spawn(`${bin}/wrangler`, ["deploy", "--dry-run", "--outdir", outdir], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`,
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_SEND_ERROR_REPORTS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        CI: "true",
        NO_COLOR: "1",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
