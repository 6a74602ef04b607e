import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

/** The exact solc we compile with: the `solc` npm package, so no compiler download is needed. */
const SOLC_VERSION = "0.8.30";
const solcPath = require.resolve("solc/soljson.js");

const optimized = {
  version: SOLC_VERSION,
  path: solcPath,
  settings: {
    evmVersion: "prague",
    optimizer: { enabled: true, runs: 10_000 },
  },
};

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    profiles: {
      default: optimized,
      production: optimized,
    },
    npmFilesToBuild: [
      "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol",
      "@openzeppelin/contracts/governance/TimelockController.sol",
      "@safe-global/safe-contracts/contracts/Safe.sol",
      "@safe-global/safe-contracts/contracts/proxies/SafeProxyFactory.sol",
      "@safe-global/safe-contracts/contracts/handler/CompatibilityFallbackHandler.sol",
    ],
  },
  paths: {
    tests: { mocha: "test", solidity: "test" },
  },
  test: {
    mocha: { timeout: 120_000 },
  },
  networks: {
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.CONDUCTOR_RPC_URL ?? "http://127.0.0.1:8545",
    },
    /** A region's own chain (Besu QBFT, see `conductor network init`): endpoint and deployer key from the environment. */
    region: {
      type: "http",
      chainType: "l1",
      url: configVariable("CONDUCTOR_RPC_URL"),
      accounts: [configVariable("CONDUCTOR_DEPLOYER_KEY")],
    },
  },
});
