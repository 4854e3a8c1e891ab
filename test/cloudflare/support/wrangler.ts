import { spawn, type ChildProcess } from "node:child_process";
import { delimiter } from "node:path";
import { ROOT } from "./bundle.ts";

const BIN = `${ROOT}node_modules/.bin`;

/**
 * The wrangler of node_modules/.bin, run from the repository root (the root
 * wrangler.toml) with the Node 22 that sits next to it (wrangler refuses Node 20),
 * offline: no metrics, no error reports, no cf fetch, no banner (its npm update
 * check), no skills prompts; stdin from /dev/null, so it never prompts. Collects
 * stdout and stderr together, as a terminal would show them.
 */
function spawnWrangler(args: readonly string[], { detached = false } = {}): { child: ChildProcess; output: () => string } {
  const child = spawn(`${BIN}/wrangler`, args, {
    cwd: ROOT,
    detached,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PATH: `${BIN}${delimiter}${process.env.PATH ?? ""}`,
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_SEND_ERROR_REPORTS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      WRANGLER_HIDE_BANNER: "true",
      WRANGLER_NO_SKILLS_UPDATE_PROMPTS: "true",
      CI: "true",
      NO_COLOR: "1",
    },
  });
  let output = "";
  const collect = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return { child, output: () => output };
}

/** `wrangler deploy --dry-run --outdir <outdir>` of the root wrangler.toml, killed after `timeoutMs`. */
export function wranglerDryRun(outdir: string, { timeoutMs = 60_000 } = {}): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnWrangler(["deploy", "--dry-run", "--outdir", outdir]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: output() });
    });
  });
}

export interface WranglerDev {
  /** Where the Worker answers, e.g. "http://127.0.0.1:41234" (no trailing slash). */
  url: string;
  /** All wrangler printed so far, the Worker's console.log included. */
  output(): string;
  /** Ends wrangler and its workerd processes (the whole process group). Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * `wrangler dev` of the root wrangler.toml, local and offline: on 127.0.0.1 with
 * a port of its own (and its inspector's), state in `persistTo`, configuration as
 * `--var NAME:value`. Resolves once the Worker answers HTTP; otherwise, after
 * `readyTimeoutMs` or when wrangler exits, stops it and rejects with its output.
 * Wrangler runs in a process group of its own (it starts workerd processes), so
 * `stop()` ends them all.
 */
export async function wranglerDev({ vars, persistTo, readyTimeoutMs = 60_000 }: { vars: Record<string, string>; persistTo: string; readyTimeoutMs?: number }): Promise<WranglerDev> {
  const args = ["dev", "--ip", "127.0.0.1", "--port", "0", "--inspector-port", "0", "--persist-to", persistTo, "--show-interactive-dev-session=false"];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  const { child, output } = spawnWrangler(args, { detached: true });

  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  }).then(() => void (exited = true));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the group is gone already.
    }
  };
  // Should the test process end without afterAll (a crash), the Worker still goes.
  const onExit = () => signalGroup("SIGKILL");
  process.once("exit", onExit);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.off("exit", onExit);
      signalGroup("SIGTERM");
      await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      signalGroup("SIGKILL");
    })());

  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`wrangler dev exited (code ${String(child.exitCode)}, signal ${String(child.signalCode)})`);
      if (Date.now() > deadline) throw new Error(`wrangler dev was not ready after ${readyTimeoutMs} ms`);
      const url = /Ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1];
      // Any HTTP answer means workerd serves the Worker; a refused connection means not yet.
      if (url && (await answers(url))) return { url, output, stop };
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}. Its output:\n${output()}`);
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return true;
  } catch {
    return false;
  }
}
