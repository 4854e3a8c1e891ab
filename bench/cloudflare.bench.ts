/**
 * The size of what `wrangler deploy` uploads for the Cloudflare example bot
 * (examples/cloudflare via the root wrangler.toml), raw and gzipped, next to peers
 * bundled by the same wrangler with the same settings:
 *
 * - hello: `export default { fetch: () => new Response("hello") }`, the floor;
 * - whatsapp-api-js: the same echo bot (verify the signature, parse, send the text
 *   back) on whatsapp-api-js's web-standard middleware, without dedupe, listeners,
 *   flows or stores.
 *
 * Offline (no metrics, no error reports, no cf fetch, stdin closed).
 *
 *   node bench/cloudflare.bench.ts
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "node_modules/.bin");
const COMPATIBILITY_DATE = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "wrangler.toml"), "utf8"))?.[1];
// Peers' entries live under .wrangler/ (git-ignored) so that they resolve the repository's node_modules.
const PEERS = join(ROOT, ".wrangler/bench-peers");
const OUT = mkdtempSync(join(tmpdir(), "edgewa-cf-bench-"));

const PEER_SOURCES: Record<string, string> = {
  hello: `export default { fetch: () => new Response("hello") };\n`,
  "whatsapp-api-js": `import { WhatsAppAPI } from "whatsapp-api-js/middleware/web-standard";
import { Text } from "whatsapp-api-js/messages";

export default {
  async fetch(request, env, ctx) {
    const api = new WhatsAppAPI({ token: env.WHATSAPP_TOKEN, appSecret: env.WHATSAPP_APP_SECRET, webhookVerifyToken: env.WHATSAPP_VERIFY_TOKEN });
    api.on.message = ({ phoneID, from, message }) => {
      if (message.type === "text") ctx.waitUntil(api.sendMessage(phoneID, from, new Text(message.text.body), message.id));
    };
    if (request.method === "GET") {
      try { return new Response(api.handle_get(request)); } catch (status) { return new Response(null, { status: Number(status) || 500 }); }
    }
    return new Response(null, { status: await api.handle_post(request) });
  },
};
`,
};

/** `wrangler deploy --dry-run --outdir` of `config` (default: the root wrangler.toml); the bundle's bytes. */
function dryRun(name: string, args: string[] = []): Uint8Array {
  const outdir = join(OUT, name);
  const result = spawnSync(join(BIN, "wrangler"), ["deploy", "--dry-run", "--outdir", outdir, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env,
      PATH: `${BIN}${delimiter}${process.env.PATH ?? ""}`,
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_SEND_ERROR_REPORTS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      CI: "true",
      NO_COLOR: "1",
    },
  });
  if (result.status !== 0) throw new Error(`wrangler dry run of ${name} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return readFileSync(join(outdir, "index.js"));
}

function peer(name: string, minify: boolean): Uint8Array {
  const dir = join(PEERS, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.js"), PEER_SOURCES[name]!);
  writeFileSync(join(dir, "wrangler.toml"), `name = "${name}"\nmain = "index.js"\ncompatibility_date = "${COMPATIBILITY_DATE}"\n`);
  return dryRun(`${name}${minify ? "-min" : ""}`, ["--config", join(dir, "wrangler.toml"), ...(minify ? ["--minify"] : [])]);
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const rows: { name: string; raw: number; gzip: number }[] = [];
const measure = (name: string, bytes: Uint8Array) => rows.push({ name, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength });

try {
  for (const minify of [false, true]) {
    const suffix = minify ? " (--minify)" : "";
    measure(`edgewa example bot${suffix}`, dryRun(`example${minify ? "-min" : ""}`, minify ? ["--minify"] : []));
    measure(`whatsapp-api-js echo bot${suffix}`, peer("whatsapp-api-js", minify));
    measure(`hello worker${suffix}`, peer("hello", minify));
  }
} finally {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(PEERS, { recursive: true, force: true });
}

console.log(`Cloudflare Worker bundles (wrangler deploy --dry-run, compatibility_date ${COMPATIBILITY_DATE}, no nodejs_compat)\n`);
console.log(`${"bundle".padEnd(40)}${"raw".padStart(12)}${"gzip".padStart(12)}${"gzip vs hello".padStart(16)}${"gzip vs whatsapp-api-js".padStart(26)}`);
for (let i = 0; i < rows.length; i += 3) {
  const [example, peerBot, hello] = [rows[i]!, rows[i + 1]!, rows[i + 2]!];
  for (const row of [example, peerBot, hello]) {
    console.log(
      `${row.name.padEnd(40)}${kib(row.raw).padStart(12)}${kib(row.gzip).padStart(12)}` +
        `${`${(row.gzip / hello.gzip).toFixed(0)}×`.padStart(16)}${`${(row.gzip / peerBot.gzip).toFixed(2)}×`.padStart(26)}`,
    );
  }
}
console.log("\nWorkers' limit: 3 MiB gzip (Free), 10 MiB (Paid).");
