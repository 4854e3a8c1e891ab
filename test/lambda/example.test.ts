import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLambda } from "../../examples/lambda/build.ts";
import { startGraphServer, type GraphServer } from "../support/graph-server.ts";
import { PHONE_ID, text } from "../support/payloads.ts";
import { LOCAL_AWS, startDynalite, type LocalDynamo } from "./support/dynalite.ts";
import { challenge, signedPost } from "./support/events.ts";

/**
 * examples/lambda as it would be deployed: bundled by its build script (minified ESM,
 * @aws-sdk/* external), loaded by a fresh Node process per "container" with the
 * function's environment, and invoked the way the Lambda runtime invokes it.
 */
const SECRET = "lambda-example-secret";
const TOKEN = "lambda-example-token";
const VERIFY = "lambda-example-verify";
const run = promisify(execFile);

let server: GraphServer;
let dynamo: LocalDynamo;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  // Inside the repository (test-output/ is git-ignored), so that the bundle's external
  // @aws-sdk/* imports resolve from node_modules as they do from the Lambda runtime's.
  const outputs = fileURLToPath(new URL("../../test-output/", import.meta.url));
  await mkdir(outputs, { recursive: true });
  dir = await mkdtemp(join(outputs, "lambda-example-"));
  [server, dynamo] = await Promise.all([startGraphServer({ token: TOKEN }), startDynalite(), buildLambda({ outdir: join(dir, "dist") })]);
  env = {
    PATH: process.env["PATH"],
    TABLE_NAME: await dynamo.table("example"),
    WHATSAPP_PHONE_ID: PHONE_ID,
    WHATSAPP_TOKEN: TOKEN,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY,
    WHATSAPP_GRAPH_URL: server.url,
    // What the Lambda environment provides, pointed at dynalite.
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  };
});
afterAll(async () => {
  await Promise.all([server?.close(), dynamo?.close(), dir && rm(dir, { recursive: true, force: true })]);
});

/** What the Lambda runtime does in a new container: import the module once, then invoke `handler` per event. */
const CONTAINER = `
const { readFileSync } = await import("node:fs");
const { pathToFileURL } = await import("node:url");
const [bundle, eventsFile] = process.argv.slice(1);
const { handler } = await import(pathToFileURL(bundle).href);
if (typeof handler !== "function" || handler.length > 2) throw new Error("not a two-argument handler");
const results = [];
for (const event of JSON.parse(readFileSync(eventsFile, "utf8"))) {
  const context = { awsRequestId: crypto.randomUUID(), functionName: "edgewa-example", getRemainingTimeInMillis: () => 25000 };
  results.push(await handler(event, context));
}
process.stdout.write(JSON.stringify(results));
`;

let containers = 0;
async function container(bundle: "handler" | "sweep", events: unknown[]): Promise<{ statusCode?: number; body?: string; resumed?: number }[]> {
  const eventsFile = join(dir, `events-${++containers}.json`);
  await writeFile(eventsFile, JSON.stringify(events));
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", CONTAINER, join(dir, "dist", `${bundle}.mjs`), eventsFile], { env });
  return JSON.parse(stdout) as { statusCode?: number; body?: string; resumed?: number }[];
}

const said = () =>
  server.requests
    .filter((r) => r.path.endsWith("/messages"))
    .map((r) => r.body as { text?: { body: string }; status?: string })
    .map((b) => b.text?.body ?? (b.status === "read" ? "(read)" : "?"));

describe("examples/lambda, bundled", () => {
  it("a cold container answers Meta's challenge and a signed webhook; a second container resumes the conversation", async () => {
    const first = await container("handler", [
      challenge("apiGatewayV2", VERIFY, "31337"),
      signedPost("apiGatewayV2", SECRET, text("echo me")),
      signedPost("apiGatewayV2", SECRET, text("/signup")),
    ]);
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(first[0]!.body).toBe("31337");
    expect(said()).toEqual(["(read)", "echo me", "What's your name?"]);

    // Another container (another process): the conversation's state was in DynamoDB.
    const second = await container("handler", [signedPost("apiGatewayV2", SECRET, text("Dana"), { base64: true })]);
    expect(second.map((r) => r.statusCode)).toEqual([200]);
    expect(said().at(-1)).toBe("How old are you? (digits please)");

    const forged = await container("handler", [signedPost("apiGatewayV2", "wrong-secret", text("x"))]);
    expect(forged.map((r) => r.statusCode)).toEqual([403]);
  });

  it("the sweep bundle loads and runs wa.sweep() on a scheduled event", async () => {
    const scheduled = { version: "0", id: "1", "detail-type": "Scheduled Event", source: "aws.events", account: "123456789012", time: new Date().toISOString(), region: "us-east-1", resources: [], detail: {} };
    expect(await container("sweep", [scheduled])).toEqual([{ resumed: 0 }]);
  });

  it("template.yaml's handlers are the files the build writes, on nodejs22.x, with the table's TTL on expiresAt", async () => {
    const template = await readFile(fileURLToPath(new URL("../../examples/lambda/template.yaml", import.meta.url)), "utf8");
    const built = await readdir(join(dir, "dist"));
    const handlers = [...template.matchAll(/^\s+Handler: (\w+)\.handler$/gm)].map((m) => `${m[1]}.mjs`);
    expect(handlers.sort()).toEqual(built.filter((f) => f.endsWith(".mjs")).sort());
    expect(template).toMatch(/CodeUri: dist\//);
    expect(template).toMatch(/Runtime: nodejs22\.x/);
    expect(template).toMatch(/TimeToLiveSpecification:\s+AttributeName: expiresAt\s+Enabled: true/);
    expect(template).toMatch(/ScheduleExpression: rate\(1 minute\)/);
    for (const secret of ["WhatsAppToken", "WhatsAppAppSecret", "WhatsAppVerifyToken"]) {
      expect(template).toMatch(new RegExp(`${secret}:\\s+Type: String\\s+NoEcho: true`));
    }
  });

  it("template.yaml routes GET and POST on the webhook path (the one WebhookUrl names) to the webhook function, over an HTTP API", async () => {
    const template = await readFile(fileURLToPath(new URL("../../examples/lambda/template.yaml", import.meta.url)), "utf8");
    // Each resource's block: from its two-space-indented name to the next one.
    const resources = new Map([...template.matchAll(/^ {2}(\w+):\n((?: {4,}.*\n|\s*\n)*)/gm)].map((m) => [m[1]!, m[2]!]));
    const httpEvents = (block: string) =>
      [...block.matchAll(/^ {8}(\w+):\n {10}Type: HttpApi\n {10}Properties:\n {12}Path: (\S+)\n {12}Method: (\w+)\n/gm)].map((m) => `${m[3]} ${m[2]}`);
    const webhook = resources.get("WebhookFunction");
    expect(webhook).toMatch(/Handler: handler\.handler/);
    expect(httpEvents(webhook!).sort()).toEqual(["GET /webhook", "POST /webhook"]);
    // No other function is reachable over HTTP.
    expect(httpEvents(template).sort()).toEqual(["GET /webhook", "POST /webhook"]);
    expect(template.match(/Type: HttpApi/g)).toHaveLength(2);
    // The URL given to Meta is the default HTTP API's, on that path.
    expect(template).toMatch(/WebhookUrl:[\s\S]*?Value: !Sub "https:\/\/\$\{ServerlessHttpApi\}\.execute-api\.\$\{AWS::Region\}\.\$\{AWS::URLSuffix\}\/webhook"/);
  });
});
