/**
 * The TypeScript in README.md, made into files `tsc` can check: every ```ts block
 * (a module of its own) and every inline example that is a statement (`await wa.…`,
 * `const x = await …`, `for await …`), each in its own async function. Names a
 * snippet uses without declaring (`wa`, `msg`, `to`, `bytes`…) are declared ambient
 * with the types the README means; a line followed by a `// ~~~~ …` comment is the
 * README showing a compile error, and is checked to be one.
 */

/** Where a snippet came from, to point a failure at the README. */
export interface Snippet {
  /** 1-based line of README.md where the snippet starts. */
  line: number;
  code: string;
}

/** A README part that shows a signature or pseudo-code, not a program: `<!-- readme-check: skip -->` before it. */
const SKIP_MARKER = "<!-- readme-check: skip -->";

export function codeBlocks(readme: string): Snippet[] {
  const out: Snippet[] = [];
  const lines = readme.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== "```") end++;
    const skipped = lines.slice(Math.max(0, i - 2), i).some((l) => l.includes(SKIP_MARKER));
    if (!skipped) out.push({ line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return out;
}

/** Inline code spans that are statements: what the method tables show. */
export function inlineStatements(readme: string): Snippet[] {
  const out: Snippet[] = [];
  readme.split("\n").forEach((text, index) => {
    if (text.startsWith("```") || text.startsWith("    ")) return;
    for (const match of text.matchAll(/`((?:await |const |for await )[^`]*\([^`]*)`/g)) {
      const code = match[1]!;
      // Signatures such as `{ flowId, name?, categories? }` describe options; they are not code.
      if (/\w\?\s*[,})]/.test(code) || code.includes("…)")) continue;
      out.push({ line: index + 1, code });
    }
  });
  return out;
}

/**
 * The names the README's examples use without declaring them, and what they stand
 * for. A snippet that declares one itself keeps its own.
 */
export const AMBIENT: Record<string, string> = {
  wa: "WhatsApp",
  msg: "Message",
  message: "Message",
  click: "CallbackButton",
  btn: "CallbackButton",
  sent: "SentMessage",
  permission: "CallPermissionUpdate",
  call: "CallConnect",
  update: "AnyUpdate",
  env: "Record<string, string>",
  request: "Request",
  waitUntil: "(promise: Promise<unknown>) => void",
  to: "string",
  user: "string",
  id: "string",
  url: "string",
  path: "string",
  code: "string",
  pem: "string",
  sdp: "string",
  answer: "string",
  offer: "string",
  callId: "string",
  groupId: "string",
  mediaId: "string",
  flowId: "string",
  signupId: "string",
  templateId: "string",
  phoneId: "string",
  wabaId: "string",
  appId: "string",
  appSecret: "string",
  token: "string",
  verifyToken: "string",
  callbackUrl: "string",
  appAccessToken: "string",
  rawBody: "string",
  signatureHeader: "string",
  bytes: "Uint8Array",
  videoBytes: "Uint8Array",
  oggBytes: "Uint8Array",
  jpegBytes: "Uint8Array",
  blob: "Blob",
  oggBlob: "Blob",
  pdfBlob: "Blob",
  sink: "WritableStream<Uint8Array>",
  cards: "CarouselCard[]",
  fs: 'typeof import("node:fs")',
  Writable: 'typeof import("node:stream").Writable',
  createWriteStream: 'typeof import("node:fs").createWriteStream',
  markReady: "(id: string) => Promise<void>",
  handler: "(wa: WhatsApp, update: any) => Promise<void>",
  isVip: "(waId: string | undefined) => Promise<boolean>",
  isValid: "(data: unknown) => boolean",
  notifySales: "(...args: unknown[]) => Promise<void>",
  myMediaServer: "{ answer(sdp: string | undefined): Promise<string> }",
  page: "Page<unknown>",
  r: "{ id: string }",
  digits: "Filter<Message>",
  businessPortfolioId: "string",
  businessPrivateKeyPassword: "string",
  sourceWabaId: "string",
  flowJson: "string",
  createBot: "() => WhatsApp",
  createFlowClient: "() => WhatsApp",
  toFlowRoute: 'typeof import("@edgewa/vercel").toFlowRoute',
};

/** The core's names the ambient types above refer to. */
const AMBIENT_TYPES = [
  "WhatsApp", "Message", "CallbackButton", "SentMessage", "CallPermissionUpdate", "CallConnect", "AnyUpdate", "CarouselCard", "Page", "Filter",
];
// `any` in AMBIENT is for placeholders whose shape the example does not care about.

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `code` without comments and string contents, where identifiers are looked for. */
function codeOnly(code: string): string {
  // Strings first: a URL in a string holds "//".
  return code
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')
    .replace(/\/\/.*$/gm, "");
}

/** Whether `code` uses the identifier `name` (not as a property, not in a comment or string). */
function uses(code: string, name: string): boolean {
  return new RegExp(`(?<![.\\w$])${escapeRegExp(name)}(?![\\w$])`).test(codeOnly(code));
}

/**
 * A block's imports of its project's own files (`../lib/bot.ts`), which do not
 * exist here: each imported name becomes an ambient one (from AMBIENT when known).
 */
export function withoutRelativeImports(code: string): string {
  return code.replace(/^import\s*\{([^}]*)\}\s*from\s*["']\.{1,2}\/[^"']*["'];?$/gm, (_, names: string) =>
    names
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => `declare const ${n}: ${AMBIENT[n] ?? "any"};`)
      .join("\n"),
  );
}

/** Whether `code` declares `name` itself (a binding, a parameter, an import). */
function declares(code: string, name: string): boolean {
  const n = escapeRegExp(name);
  return (
    new RegExp(`\\b(?:const|let|var|function|class)\\s+${n}\\b`).test(code) ||
    new RegExp(`\\b(?:const|let|var)\\s*[{[][^=]*\\b${n}\\b[^=]*[}\\]]\\s*=`).test(code) ||
    new RegExp(`import\\s*(?:type\\s*)?\\{[^}]*\\b${n}\\b[^}]*\\}`).test(code) ||
    new RegExp(`import\\s+\\*\\s+as\\s+${n}\\b`).test(code)
  );
}

/**
 * What `code` uses from `@edgewa/core` without importing it: a README example often
 * leaves its imports out. `coreNames` are the package's runtime exports.
 */
export function coreImports(code: string, coreNames: readonly string[]): string {
  const used = coreNames.filter((name) => uses(code, name) && !declares(code, name) && !(name in AMBIENT));
  return used.length ? `import { ${used.join(", ")} } from "@edgewa/core";\n` : "";
}

/** Types a README example names as the reader's own (a Worker's `Env`). */
const AMBIENT_TYPE_ALIASES: Record<string, string> = {
  Env: "Record<string, any>",
};

/** The ambient declarations `code` needs. */
export function prelude(code: string, imported: readonly string[] = []): string {
  const needed = Object.entries(AMBIENT).filter(([name]) => uses(code, name) && !declares(code, name));
  const types = AMBIENT_TYPES.filter(
    (t) => needed.some(([, type]) => new RegExp(`\\b${t}\\b`).test(type)) && !declares(code, t) && !imported.includes(t),
  );
  const imports = types.length ? `import type { ${types.join(", ")} } from "@edgewa/core";\n` : "";
  const aliases = Object.entries(AMBIENT_TYPE_ALIASES)
    .filter(([name]) => uses(code, name) && !new RegExp(`\\b(?:type|interface)\\s+${name}\\b`).test(code))
    .map(([name, type]) => `type ${name} = ${type};\n`)
    .join("");
  return imports + aliases + needed.map(([name, type]) => `declare const ${name}: ${type};`).join("\n") + (needed.length ? "\n" : "");
}

/** A README line that shows an error, marked as expected for tsc (`// @ts-expect-error`). */
export function markShownErrors(code: string): string {
  const lines = code.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*\/\/\s+~+/.test(lines[i + 1] ?? "")) out.push("// @ts-expect-error the README shows this error");
    out.push(lines[i]!);
  }
  return out.join("\n");
}

/** A ```ts block as a module. */
export function blockFile(snippet: Snippet, coreNames: readonly string[]): string {
  const code = withoutRelativeImports(markShownErrors(snippet.code));
  const imports = coreImports(code, coreNames);
  const imported = /\{ (.*) \}/.exec(imports)?.[1]?.split(", ") ?? [];
  return `// README.md line ${snippet.line}\n${imports}${prelude(code, imported)}${code}\nexport {};\n`;
}

/** The inline statements, each in its own async function, in one module. */
export function inlineFile(snippets: Snippet[], coreNames: readonly string[]): string {
  const bodies = snippets.map((s, i) => `// README.md line ${s.line}\nasync function example${i}() {\n${prelude(s.code)}  ${s.code};\n}\nvoid example${i};\n`);
  // `declare const` is not allowed inside a function: hoist them, one set per name.
  const declarations = new Map<string, string>();
  const imports = new Set<string>();
  const cleaned = bodies.map((body) =>
    body
      .split("\n")
      .filter((line) => {
        const declared = /^declare const (\w+): (.*);$/.exec(line);
        if (declared) declarations.set(declared[1]!, line);
        const imported = /^import type \{ (.*) \} from "@edgewa\/core";$/.exec(line);
        if (imported) imported[1]!.split(", ").forEach((t) => imports.add(t));
        return !declared && !imported;
      })
      .join("\n"),
  );
  const all = snippets.map((s) => s.code).join("\n");
  const head = (imports.size ? `import type { ${[...imports].join(", ")} } from "@edgewa/core";\n` : "") + coreImports(all, coreNames);
  return `${head}${[...declarations.values()].join("\n")}\n\n${cleaned.join("\n")}\nexport {};\n`;
}
