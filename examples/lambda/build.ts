/**
 * Bundles the two functions for Lambda's Node 22 runtime: dist/handler.mjs (the
 * webhook) and dist/sweep.mjs (the schedule), minified ESM. The AWS SDK is left out
 * (the runtime provides @aws-sdk/* v3); `--bundle-aws-sdk` puts it in, to pin the
 * version you tested with.
 *
 *   node examples/lambda/build.ts [--bundle-aws-sdk] [--outdir DIR]
 */
import { build, type Metafile } from "esbuild";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

export interface BuildOptions {
  /** Where the .mjs files go (default examples/lambda/dist). */
  outdir?: string;
  /** Leave @aws-sdk/* out of the bundle, as the Lambda runtime provides it (default true). */
  externalAwsSdk?: boolean;
  /** Entry points by output name (default: handler and sweep from src/). */
  entryPoints?: Record<string, string>;
}

export async function buildLambda(options: BuildOptions = {}): Promise<{ outdir: string; metafile: Metafile }> {
  const outdir = options.outdir ?? `${here}dist`;
  const result = await build({
    entryPoints: options.entryPoints ?? { handler: `${here}src/handler.ts`, sweep: `${here}src/sweep.ts` },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    // ESM builds of dependencies first (the AWS SDK ships both): smaller, and no CJS
    // require() shims in an ES module.
    mainFields: ["module", "main"],
    minify: true,
    legalComments: "none",
    external: options.externalAwsSdk === false ? [] : ["@aws-sdk/*"],
    metafile: true,
    logLevel: "warning",
  });
  return { outdir, metafile: result.metafile };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--outdir");
  const { outdir, metafile } = await buildLambda({
    externalAwsSdk: !args.includes("--bundle-aws-sdk"),
    ...(at >= 0 && args[at + 1] ? { outdir: args[at + 1] } : {}),
  });
  for (const [file, { bytes }] of Object.entries(metafile.outputs)) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KiB`);
  console.log(`built into ${outdir}`);
}
