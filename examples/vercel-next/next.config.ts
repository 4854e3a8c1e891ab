import type { NextConfig } from "next";

const config: NextConfig = {
  // The workspace packages ship TypeScript sources (with `.ts` import specifiers):
  // Next.js compiles them like the app's own files.
  transpilePackages: ["@edgewa/core", "@edgewa/vercel", "@edgewa/example-bot", "@edgewa/lambda"],
  // Loaded from node_modules at run time instead of bundled (only with TABLE_NAME).
  serverExternalPackages: ["@aws-sdk/client-dynamodb"],
  poweredByHeader: false,
};

export default config;
