import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

/** The repository root: the app imports the SDK from ../sdk/src, outside web/. */
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Turbopack resolves and compiles only files under its root; the SDK lives beside web/.
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  experimental: { externalDir: true },
  env: { CONDUCTOR_REPO_ROOT: repoRoot },
};

export default nextConfig;
