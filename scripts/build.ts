/**
 * Builds the publishable packages (the `packages/*` workspaces) into
 * `<out>/<package-dir>/`, ready for `npm publish`: JavaScript and .d.ts from the
 * repository's tsc, a package.json whose exports point at them, the package's
 * runtime assets, README and LICENSE. `--pack` then packs each into `<out>/tarballs/`.
 *
 *   node scripts/build.ts [--out <dir>] [--pack]
 *
 * The workspace itself keeps resolving the packages to their src/*.ts (Node's type
 * stripping, vitest, esbuild, wrangler and Next all read those); only the copies in
 * <out> are JavaScript, because Node refuses to strip types under node_modules.
 */
import { execFile } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSC = join(ROOT, "node_modules", ".bin", "tsc");
/** Where the emitted files go inside each built package (src/ is not shipped). */
const LIB = "lib";
const SCOPE = "@edgewa/";

type Json = Record<string, unknown>;

interface Workspace {
  /** The directory name, also the one under <out>: core, adapter-lambda, … */
  dir: string;
  /** The absolute source directory, packages/<dir>. */
  path: string;
  manifest: Json & { name: string; version: string };
}

class BuildError extends Error {}

/** A source entry point (./src/x/y.ts) as its emitted file (./lib/x/y.js or .d.ts). */
function emitted(specifier: unknown, ext: ".js" | ".d.ts", where: string): string {
  const match = typeof specifier === "string" ? /^\.\/src\/(.+)\.ts$/.exec(specifier) : null;
  if (!match) throw new BuildError(`${where}: expected a "./src/….ts" path, got ${JSON.stringify(specifier)}`);
  return `./${LIB}/${match[1]}${ext}`;
}

/** The package's exports as subpath → source path (a bare string is the "." entry). */
function sourceExports(ws: Workspace): Record<string, unknown> {
  const { exports } = ws.manifest;
  if (typeof exports === "string") return { ".": exports };
  if (exports && typeof exports === "object") return exports as Record<string, unknown>;
  throw new BuildError(`${ws.manifest.name}: package.json has no "exports"`);
}

function internalDeps(ws: Workspace): string[] {
  const deps = { ...(ws.manifest.dependencies as Json | undefined), ...(ws.manifest.peerDependencies as Json | undefined) };
  return Object.keys(deps).filter((name) => name.startsWith(SCOPE));
}

/** The files entries other than src/: what the package reads at run time (the playground's public/). */
function assetsOf(ws: Workspace): string[] {
  const files = (ws.manifest.files as string[] | undefined) ?? [];
  return files.map((f) => f.replace(/^\.\//, "").replace(/\/$/, "")).filter((f) => f !== "src");
}

/** The published package.json: same fields in the same order, entry points on lib/, workspace ranges pinned. */
function publishedManifest(ws: Workspace, versions: ReadonlyMap<string, string>): Json {
  const name = ws.manifest.name;
  const pin = (deps: Json, field: string): Json =>
    Object.fromEntries(
      Object.entries(deps).map(([dep, range]) => {
        if (!dep.startsWith(SCOPE) || (range !== "*" && !String(range).startsWith("workspace:"))) return [dep, range];
        const version = versions.get(dep);
        if (!version) throw new BuildError(`${name}: ${field} names ${dep}, which is not a publishable workspace package`);
        return [dep, version];
      }),
    );

  const out: Json = {};
  for (const [key, value] of Object.entries(ws.manifest)) {
    switch (key) {
      case "devDependencies":
      case "scripts":
        break;
      case "exports": {
        const entries = Object.entries(sourceExports(ws));
        out.exports = Object.fromEntries(
          entries.map(([subpath, source]) => [
            subpath,
            { types: emitted(source, ".d.ts", `${name} exports["${subpath}"]`), default: emitted(source, ".js", `${name} exports["${subpath}"]`) },
          ]),
        );
        // For tools that predate "exports" (TypeScript's node10 resolution, old bundlers).
        const main = entries.find(([subpath]) => subpath === ".")?.[1];
        if (main !== undefined) {
          out.main = emitted(main, ".js", `${name} exports["."]`);
          out.types = emitted(main, ".d.ts", `${name} exports["."]`);
        }
        break;
      }
      case "bin": {
        // npm wants bin paths without "./" (it rewrites them with a warning otherwise).
        const bin = (source: unknown, cmd: string) => emitted(source, ".js", `${name} bin["${cmd}"]`).slice(2);
        out.bin = typeof value === "string" ? bin(value, name) : Object.fromEntries(Object.entries(value as Json).map(([cmd, source]) => [cmd, bin(source, cmd)]));
        break;
      }
      case "files":
        out.files = [LIB, ...assetsOf(ws)];
        break;
      case "dependencies":
      case "peerDependencies":
      case "optionalDependencies":
        out[key] = pin(value as Json, key);
        break;
      default:
        out[key] = value;
    }
  }
  out.files ??= [LIB, ...assetsOf(ws)];
  // A scoped package is published restricted (a paid feature) unless told otherwise.
  out.publishConfig ??= { access: "public" };
  return out;
}

function run(file: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    execFile(file, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      if (error && code === -1) return fail(new BuildError(`could not run ${file}: ${error.message}`));
      done({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * tsc keeps a declaration file's relative imports as written ("./handler.ts"). TypeScript
 * 5+ resolves those, older ones do not: give them the .js spelling every version reads.
 */
function declarationSpecifiers(text: string): string {
  return text.replace(/((?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'])(\.\.?\/[^"'\n]*?)\.ts(["'])/g, "$1$2.js$3");
}

async function compile(ws: Workspace, outDir: string, configDir: string, paths: Record<string, string[]>): Promise<void> {
  const src = join(ws.path, "src");
  const config = {
    extends: join(ws.path, "tsconfig.json"),
    compilerOptions: {
      noEmit: false,
      noEmitOnError: true,
      declaration: true,
      rewriteRelativeImportExtensions: true,
      rootDir: src,
      outDir: join(outDir, LIB),
      // Type roots are looked up from the config's directory, which is a temporary one.
      typeRoots: [join(ROOT, "node_modules", "@types")],
      // The @edgewa/* packages this one imports, as built: its .d.ts are checked against what is published.
      paths,
    },
    include: [src],
    exclude: [join(src, "**", "*.test.ts")],
  };
  const configPath = join(configDir, `tsconfig.${ws.dir}.json`);
  await writeFile(configPath, JSON.stringify(config, null, 2));
  const { code, output } = await run(TSC, ["-p", configPath, "--pretty", "false"]);
  if (code !== 0) throw new BuildError(`tsc reported errors for ${ws.manifest.name} (exit ${code}):\n${output}`);

  for (const file of await filesUnder(join(outDir, LIB))) {
    if (!file.endsWith(".d.ts")) continue;
    const text = await readFile(file, "utf8");
    const fixed = declarationSpecifiers(text);
    if (fixed !== text) await writeFile(file, fixed);
  }
}

/** Each bin's emitted file starts with a node shebang and is executable. */
async function finishBins(ws: Workspace, outDir: string, manifest: Json): Promise<void> {
  const bin = manifest.bin;
  const targets = typeof bin === "string" ? [bin] : bin ? Object.values(bin as Record<string, string>) : [];
  for (const target of targets) {
    const file = join(outDir, target);
    const text = await readFile(file, "utf8").catch(() => {
      throw new BuildError(`${ws.manifest.name}: bin ${target} was not emitted`);
    });
    if (!text.startsWith("#!")) await writeFile(file, `#!/usr/bin/env node\n${text}`);
    await chmod(file, 0o755);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function buildOne(ws: Workspace, out: string, configDir: string, built: ReadonlyMap<string, Workspace>, versions: ReadonlyMap<string, string>): Promise<number> {
  const outDir = join(out, ws.dir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const paths: Record<string, string[]> = {};
  for (const depName of internalDeps(ws)) {
    const dep = built.get(depName)!;
    for (const [subpath, source] of Object.entries(sourceExports(dep))) {
      paths[subpath === "." ? depName : depName + subpath.slice(1)] = [join(out, dep.dir, emitted(source, ".d.ts", depName))];
    }
  }
  await compile(ws, outDir, configDir, paths);

  const manifest = publishedManifest(ws, versions);
  await writeFile(join(outDir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  await finishBins(ws, outDir, manifest);

  for (const asset of assetsOf(ws)) {
    const from = join(ws.path, asset);
    if (!(await exists(from))) throw new BuildError(`${ws.manifest.name}: "files" lists ${asset}, which does not exist`);
    await cp(from, join(outDir, asset), { recursive: true });
  }
  // The core has no README of its own: the repository's README is its documentation.
  const readme = (await exists(join(ws.path, "README.md"))) ? join(ws.path, "README.md") : join(ROOT, "README.md");
  await cp(readme, join(outDir, "README.md"));
  await cp(join(ROOT, "LICENSE"), join(outDir, "LICENSE"));

  for (const [subpath, entry] of Object.entries(manifest.exports as Record<string, Record<string, string>>)) {
    for (const file of Object.values(entry)) {
      if (!(await exists(join(outDir, file)))) throw new BuildError(`${ws.manifest.name}: exports["${subpath}"] names ${file}, which was not emitted`);
    }
  }
  return (await filesUnder(outDir)).length;
}

async function workspaces(): Promise<Workspace[]> {
  const root = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] };
  const list: Workspace[] = [];
  for (const entry of root.workspaces.filter((w) => w.startsWith("packages/"))) {
    const path = join(ROOT, entry);
    const manifest = JSON.parse(await readFile(join(path, "package.json"), "utf8")) as Workspace["manifest"];
    if (manifest.private === true) continue;
    list.push({ dir: basename(path), path, manifest });
  }
  return list;
}

/** Deleting <out>/<package-dir> must never reach into the sources. */
function checkOut(out: string): void {
  const within = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  if (within(ROOT.replace(/[\\/]$/, ""), out) || within(out, join(ROOT, "packages")) || within(out, join(ROOT, "node_modules"))) {
    throw new BuildError(`--out ${out}: choose a directory of its own (the default is dist/), not the repository, packages/ or node_modules/`);
  }
}

async function pack(list: Workspace[], out: string): Promise<void> {
  const destination = join(out, "tarballs");
  await mkdir(destination, { recursive: true });
  // Under `npm run`, the npm that runs us; else the one on PATH.
  const npmCli = process.env.npm_execpath;
  for (const ws of list) {
    const args = ["pack", join(out, ws.dir), "--pack-destination", destination, "--json", "--offline"];
    const { code, output } = npmCli && /\.c?js$/.test(npmCli) ? await run(process.execPath, [npmCli, ...args]) : await run("npm", args);
    if (code !== 0) throw new BuildError(`npm pack failed for ${ws.manifest.name} (exit ${code}):\n${output}`);
    const [info] = JSON.parse(output.slice(output.indexOf("["))) as { filename: string }[];
    console.log(`  packed ${relative(process.cwd(), join(destination, info!.filename))}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" }, pack: { type: "boolean" } }, strict: true });
  const out = resolve(values.out ?? join(ROOT, "dist"));
  checkOut(out);
  const started = performance.now();
  const list = await workspaces();
  const versions = new Map(list.map((ws) => [ws.manifest.name, ws.manifest.version]));
  const byName = new Map(list.map((ws) => [ws.manifest.name, ws]));
  for (const ws of list) {
    for (const dep of internalDeps(ws)) {
      if (!byName.has(dep)) throw new BuildError(`${ws.manifest.name} depends on ${dep}, which is not a publishable workspace package`);
    }
  }

  const configDir = await mkdtemp(join(tmpdir(), "edgewa-build-"));
  try {
    // In waves: a package is compiled once the @edgewa/* packages it imports are built.
    const built = new Map<string, Workspace>();
    let pending = list;
    while (pending.length > 0) {
      const ready = pending.filter((ws) => internalDeps(ws).every((dep) => built.has(dep)));
      if (ready.length === 0) throw new BuildError(`dependency cycle among ${pending.map((ws) => ws.manifest.name).join(", ")}`);
      const counts = await Promise.all(ready.map((ws) => buildOne(ws, out, configDir, built, versions)));
      ready.forEach((ws, i) => {
        built.set(ws.manifest.name, ws);
        console.log(`  ${ws.manifest.name}@${ws.manifest.version} → ${relative(process.cwd(), join(out, ws.dir)) || "."} (${counts[i]} files)`);
      });
      pending = pending.filter((ws) => !ready.includes(ws));
    }
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
  if (values.pack) await pack(list, out);
  console.log(`built ${list.length} packages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await main();
} catch (error) {
  console.error(`build failed: ${error instanceof BuildError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
