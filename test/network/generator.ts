import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { Command } from "commander";
import { fromRlp, getAddress, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { registerNetworkCommands } from "../../sdk/src/network/cli.ts";
import { decodeQbftExtraData, encodeQbftExtraData, QbftExtraDataError } from "../../sdk/src/network/extraData.ts";
import { BFT_MIX_HASH } from "../../sdk/src/network/genesis.ts";
import { initNetwork, NetworkDirectoryNotEmptyError, type NetworkInitResult } from "../../sdk/src/network/init.ts";
import { decryptNodeKey, KeystoreDecryptError } from "../../sdk/src/network/keys.ts";
import { NetworkOptionsError } from "../../sdk/src/network/options.ts";

const PASSPHRASE = "correct horse battery staple";

/**
 * The example genesis extraData of Besu's QBFT documentation ("Configure QBFT consensus", block
 * header validator selection) and the four validators it carries: an independent vector.
 */
const BESU_DOCS_EXTRA_DATA =
  "0xf87aa00000000000000000000000000000000000000000000000000000000000000000f8549464a702e6263b7297a96638cac6ae65e6541f4169943923390ad55e90c237593b3b0e401f3b08a0318594aefdb9a738c9f433e5b6b212a6d62f6370c2f69294c7eeb9a4e00ce683cf93039b212648e01c6c6b78c080c0";
const BESU_DOCS_VALIDATORS = [
  "0x64a702e6263b7297a96638cac6ae65e6541f4169",
  "0x3923390ad55e90c237593b3b0e401f3b08a03185",
  "0xaefdb9a738c9f433e5b6b212a6d62f6370c2f692",
  "0xc7eeb9a4e00ce683cf93039b212648e01c6c6b78",
];

describe("network init (Besu QBFT generator)", () => {
  let dir: string;
  let result: NetworkInitResult;
  const read = (rel: string) => readFileSync(join(dir, rel), "utf8");

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "conductor-net-"));
    result = await initNetwork({
      validators: 4,
      chainId: 4242,
      out: dir,
      blockPeriod: 3,
      passphrase: PASSPHRASE,
      scryptLogN: 14,
      force: true,
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe("extraData", () => {
    it("reproduces the example of Besu's QBFT documentation byte for byte", () => {
      expect(encodeQbftExtraData(BESU_DOCS_VALIDATORS)).to.equal(BESU_DOCS_EXTRA_DATA);
    });

    it("decodes (viem's RLP, independently) to [vanity, validators, no vote, round 0, no seals]", () => {
      const genesis = JSON.parse(read("genesis.json"));
      const [vanity, validators, vote, round, seals] = fromRlp(genesis.extraData as Hex, "hex") as [
        Hex,
        Hex[],
        Hex[],
        Hex,
        Hex[],
      ];
      expect(vanity).to.equal(`0x${"00".repeat(32)}`);
      expect(validators.map((a) => getAddress(a))).to.deep.equal(result.validators.map((v) => v.address));
      expect(vote).to.deep.equal([]);
      expect(round).to.equal("0x");
      expect(seals).to.deep.equal([]);
    });

    it("round-trips through decodeQbftExtraData and refuses what is not a genesis extraData", () => {
      const decoded = decodeQbftExtraData(encodeQbftExtraData(BESU_DOCS_VALIDATORS));
      expect(decoded.validators).to.deep.equal(BESU_DOCS_VALIDATORS.map((a) => getAddress(a)));
      expect(() => decodeQbftExtraData("0xc0")).to.throw(QbftExtraDataError, "5 items");
      const withRound1 = BESU_DOCS_EXTRA_DATA.replace(/c080c0$/, "c001c0");
      expect(() => decodeQbftExtraData(withRound1)).to.throw(QbftExtraDataError, "round");
    });
  });

  describe("genesis.json", () => {
    it("is a QBFT genesis with free gas, the chain id, the block period and the deployer's balance", () => {
      const g = JSON.parse(read("genesis.json"));
      expect(g.config.chainId).to.equal(4242);
      expect(g.config.qbft).to.deep.equal({ blockperiodseconds: 3, epochlength: 30000, requesttimeoutseconds: 10 });
      expect(g.config.zeroBaseFee).to.equal(true);
      expect(g.config.londonBlock).to.equal(0);
      expect(g.baseFeePerGas).to.equal("0x0");
      expect(g.difficulty).to.equal("0x1");
      expect(g.mixHash).to.equal(BFT_MIX_HASH);
      expect(BigInt(g.gasLimit)).to.be.greaterThan(30_000_000n);
      expect(Object.keys(g.alloc)).to.deep.equal([result.deployer.slice(2).toLowerCase()]);
      expect(BigInt(g.alloc[result.deployer.slice(2).toLowerCase()].balance)).to.be.greaterThan(0n);
    });
  });

  describe("keys", () => {
    it("every keystore decrypts with the passphrase to the validator's address and enode id", async () => {
      for (const v of result.validators) {
        const key = await decryptNodeKey(read(`${v.name}/keystore.json`), PASSPHRASE);
        const account = privateKeyToAccount(key.privateKey);
        expect(account.address).to.equal(v.address);
        expect(account.publicKey.slice(4)).to.equal(v.enodeId);
        expect(read(`${v.name}/address`).trim()).to.equal(v.address);
        expect(read(`${v.name}/key.pub`).trim()).to.equal(`0x${v.enodeId}`);
        expect(statSync(join(dir, v.name, "keystore.json")).mode & 0o777).to.equal(0o600);
        expect(read(`${v.name}/keystore.json`)).to.not.include(key.privateKey.slice(2));
      }
      const deployer = await decryptNodeKey(read("deployer/keystore.json"), PASSPHRASE);
      expect(deployer.address).to.equal(result.deployer);
    });

    it("refuses a wrong passphrase", async () => {
      const file = `${result.validators[0].name}/keystore.json`;
      let error: unknown;
      try {
        await decryptNodeKey(read(file), "not the passphrase", file);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(KeystoreDecryptError);
      expect((error as KeystoreDecryptError).file).to.equal(file);
    });

    it("generates distinct keys", () => {
      expect(new Set([...result.validators.map((v) => v.address), result.deployer]).size).to.equal(5);
    });
  });

  describe("node configuration", () => {
    it("static-nodes.json lists every validator's enode URL", () => {
      const enodes = JSON.parse(read("static-nodes.json")) as string[];
      expect(enodes).to.deep.equal(result.validators.map((v, i) => `enode://${v.enodeId}@127.0.0.1:${30303 + i}`));
      for (const e of enodes) expect(e).to.match(/^enode:\/\/[0-9a-f]{128}@127\.0\.0\.1:\d+$/);
    });

    it("permissions_config.toml allows exactly the validators", () => {
      const toml = read("permissions_config.toml");
      const list = toml.match(/nodes-allowlist=\[([\s\S]*?)\]/);
      expect(list).to.not.equal(null);
      const entries = [...list![1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      expect(entries).to.deep.equal(result.validators.map((v) => v.enode));
    });

    it("each config.toml points Besu at the genesis, its key, the allowlist and its own ports", () => {
      result.validators.forEach((v, i) => {
        const toml = read(`${v.name}/config.toml`);
        expect(toml).to.include('genesis-file="../genesis.json"');
        expect(toml).to.include('node-private-key-file="key"');
        expect(toml).to.include("permissions-nodes-config-file-enabled=true");
        expect(toml).to.include(`p2p-port=${30303 + i}`);
        expect(toml).to.include(`rpc-http-port=${8545 + i}`);
        expect(toml).to.include("min-gas-price=0");
      });
    });

    it("ignition-parameters.json seeds the Permissioning node allowlist with every enode id", () => {
      const params = JSON.parse(read("ignition-parameters.json"));
      expect(params.Permissioning.enodeIds).to.deep.equal(result.validators.map((v) => v.enodeId));
    });

    it("README.md is the operator's guide and says what was not run", () => {
      const guide = read("README.md");
      for (const s of ["qbft_proposeValidatorVote", "Not run", "--network region", "besu --config-file=config.toml"]) {
        expect(guide).to.include(s);
      }
      for (const v of result.validators) expect(guide).to.include(v.address);
    });
  });

  describe("validation", () => {
    it("lists every invalid option in one NetworkOptionsError", async () => {
      let error: unknown;
      try {
        await initNetwork({ validators: 3, chainId: 31337, out: "x", blockPeriod: 0, passphrase: "short" });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(NetworkOptionsError);
      const issues = (error as NetworkOptionsError).issues;
      expect(issues).to.include("--validators must be at least 4 (QBFT tolerates f faults with 3f+1 validators)");
      expect(issues).to.include("--chain-id must not be Ethereum mainnet (1) or the dev chain (31337)");
      expect(issues).to.include("--block-period must be at least 1 second");
      expect(issues).to.include("the passphrase must be at least 12 characters");
    });

    it("refuses a non-empty directory without --force, and writes nothing", async () => {
      const before = read("genesis.json");
      let error: unknown;
      try {
        await initNetwork({ validators: 4, chainId: 7, out: dir, passphrase: PASSPHRASE, scryptLogN: 14 });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(NetworkDirectoryNotEmptyError);
      expect(read("genesis.json")).to.equal(before);
    });
  });

  describe("CLI (registerNetworkCommands)", () => {
    const run = async (args: string[]) => {
      const program = new Command("conductor").exitOverride();
      registerNetworkCommands(program);
      await program.parseAsync(args, { from: "user" });
    };

    it("init reads the passphrase from --passphrase-env, export-key writes the key Besu reads", async () => {
      const out = mkdtempSync(join(tmpdir(), "conductor-cli-"));
      process.env.TEST_NET_PASS = PASSPHRASE;
      const log = console.log;
      console.log = () => {};
      try {
        await run([
          "network",
          "init",
          "--validators",
          "4",
          "--chain-id",
          "777",
          "--out",
          join(out, "net"),
          "--passphrase-env",
          "TEST_NET_PASS",
          "--scrypt-log-n",
          "14",
        ]);
        const keyFile = join(out, "key");
        await run([
          "network",
          "export-key",
          "--keystore",
          join(out, "net/validator-2/keystore.json"),
          "--out",
          keyFile,
          "--passphrase-env",
          "TEST_NET_PASS",
        ]);
        const key = readFileSync(keyFile, "utf8").trim() as Hex;
        expect(privateKeyToAccount(key).address).to.equal(
          readFileSync(join(out, "net/validator-2/address"), "utf8").trim(),
        );
        expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
        expect(JSON.parse(readFileSync(join(out, "net/genesis.json"), "utf8")).config.chainId).to.equal(777);
      } finally {
        console.log = log;
        delete process.env.TEST_NET_PASS;
        rmSync(out, { recursive: true, force: true });
      }
    });

    it("says which variable is missing when the passphrase is not set", async () => {
      delete process.env.NO_SUCH_PASS;
      let error: unknown;
      try {
        await run([
          "network",
          "init",
          "--validators",
          "4",
          "--chain-id",
          "5",
          "--out",
          "unused",
          "--passphrase-env",
          "NO_SUCH_PASS",
        ]);
      } catch (e) {
        error = e;
      }
      expect((error as Error).name).to.equal("PassphraseMissingError");
      expect((error as Error).message).to.include("NO_SUCH_PASS");
    });

    it("export-key refuses --out together with --stdout", async () => {
      const file = join(dir, "validator-1/keystore.json");
      let error: unknown;
      try {
        await run(["network", "export-key", "--keystore", file, "--out", join(dir, "k"), "--stdout"]);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(NetworkOptionsError);
      expect((error as NetworkOptionsError).issues).to.deep.equal(["give exactly one of --out FILE and --stdout"]);
    });
  });
});
