// Hardhat 3 needs Node >= 22.13 and its native EDR binding, which npm skips when npm itself
// runs on an older Node. The `node` devDependency puts a Node 22 binary first on PATH inside
// npm scripts, so re-running a script-less install from here adds the native package.
// On a machine that already runs Node 22+ this is a no-op.
import { execSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const major = Number(process.versions.node.split(".")[0]);

function hasEdrBinding() {
  try {
    require.resolve("@nomicfoundation/edr-linux-x64-gnu");
    return true;
  } catch {
    return process.platform !== "linux" || process.arch !== "x64";
  }
}

if (process.env.CONDUCTOR_POSTINSTALL_DONE) process.exit(0);
if (major < 22) {
  console.warn(`postinstall: running on Node ${process.versions.node}; the node@22 devDependency is not on PATH yet`);
  process.exit(0);
}
if (!hasEdrBinding()) {
  console.log(`postinstall: adding Hardhat's native EDR binding under Node ${process.versions.node}`);
  execSync("npm install --ignore-scripts --no-audit --no-fund", {
    stdio: "inherit",
    env: { ...process.env, CONDUCTOR_POSTINSTALL_DONE: "1" },
  });
}
