import { Contract, type ContractRunner, id, parseEther, type Signer } from "ethers";
import type { Deployment } from "../../sdk/src/deployment.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import { type DemoAccount, demoAccounts, demoWallet } from "./demoAccounts.ts";
import { createSafe, execSafe } from "./safe.ts";

const ONE = 10n ** 18n;

export interface DemoCompany {
  name: string;
  kind: "Company" | "RegionalCompany" | "ExternalCompany";
  industryId: number;
  address: string;
  /** Demo account names of the signers of its Safe (2 of 3). */
  signers: string[];
}

export interface SeedResult {
  accounts: DemoAccount[];
  companies: DemoCompany[];
}

const KIND = { Company: 2, RegionalCompany: 3, ExternalCompany: 4 } as const;

const COMPANIES: { name: string; kind: DemoCompany["kind"]; industryId: number; signerIdx: number[] }[] = [
  { name: "Northside Housing", kind: "RegionalCompany", industryId: 1, signerIdx: [0, 1, 2] },
  { name: "Riverside Clinic", kind: "RegionalCompany", industryId: 2, signerIdx: [3, 4, 5] },
  { name: "Acme Steel", kind: "Company", industryId: 3, signerIdx: [6, 7, 8] },
  { name: "Green Grocers", kind: "Company", industryId: 4, signerIdx: [9, 10, 11] },
  { name: "Maple Credit Union", kind: "Company", industryId: 5, signerIdx: [12, 13, 14] },
];

/**
 * Seeds a demo region: 24 members, five companies with 2-of-3 Safe treasuries (two of them
 * regionally operated, housing among them), an external trader, attested reserves, USD deposits
 * for everyone, capital in the pool, a history of person-to-person payments and UBI claims.
 */
export async function seedDemoRegion(
  provider: ContractRunner & { send(method: string, params: unknown[]): Promise<unknown> },
  deployment: Deployment,
): Promise<SeedResult> {
  const accounts = demoAccounts();
  const signers = new Map<string, Signer>();
  for (const a of accounts) {
    // Demo keys need gas on the local chain (a Besu region runs with a zero base fee instead).
    await provider.send("hardhat_setBalance", [a.address, "0x56BC75E2D63100000"]);
    signers.set(a.name, demoWallet(a.index).connect(provider as never));
  }
  const at = (name: string, abi: readonly unknown[], who: Signer) =>
    new Contract(deployment.contracts[name], abi as never, who);
  const registrar = signers.get("Registrar")!;
  const custodians = [signers.get("Custodian A")!, signers.get("Custodian B")!];
  const registry = at("Registry", abis.registryAbi, registrar);
  const reserve = at("Reserve", abis.reserveAbi, registrar);
  const safeFactory = at("SafeProxyFactory", abis.safeProxyFactoryAbi, registrar);
  const custodianSafe = at("Custodians", abis.safeAbi, custodians[0]);
  const members = accounts.filter((a) => a.role === "member");

  const asCustodians = async (fn: string, args: unknown[]) => {
    const tx = await execSafe(
      custodianSafe as never,
      deployment.contracts.Reserve,
      reserve.interface.encodeFunctionData(fn, args),
      custodians,
    );
    await tx.wait();
  };

  // Members
  for (const m of members) await (await registry.onboardMember(m.address)).wait();

  // Companies: each treasury is a 2-of-3 Safe of three members.
  const companies: DemoCompany[] = [];
  let salt = 100n;
  for (const c of COMPANIES) {
    const owners = c.signerIdx.map((i) => members[i].address);
    const address = await createSafe(
      safeFactory,
      deployment.contracts.SafeSingleton,
      deployment.contracts.FallbackHandler,
      owners,
      2,
      salt++,
      new Contract(deployment.contracts.SafeSingleton, abis.safeAbi as never).interface,
    );
    await (await registry.registerCompany(address, KIND[c.kind], c.industryId, c.name)).wait();
    companies.push({
      name: c.name,
      kind: c.kind,
      industryId: c.industryId,
      address,
      signers: c.signerIdx.map((i) => members[i].name),
    });
  }
  const external = accounts.find((a) => a.role === "external")!;
  await (await registry.registerCompany(external.address, KIND.ExternalCompany, 6, "Global Imports")).wait();
  companies.push({
    name: "Global Imports",
    kind: "ExternalCompany",
    industryId: 6,
    address: external.address,
    signers: [external.name],
  });

  // Reserves, then USD deposits: members, companies, and the co-op's capital for the pool.
  await asCustodians("attestReserves", [
    2_000_000n * ONE,
    Math.floor(Date.now() / 1000) - 60,
    id("demo reserve report"),
  ]);
  let ref = 0;
  for (const [i, m] of members.entries()) {
    await asCustodians("attestDeposit", [id(`demo deposit ${ref++}`), m.address, BigInt(1_000 + 250 * (i % 9)) * ONE]);
  }
  for (const c of companies)
    await asCustodians("attestDeposit", [id(`demo deposit ${ref++}`), c.address, 50_000n * ONE]);
  await asCustodians("attestDeposit", [id(`demo deposit ${ref++}`), deployment.contracts.CapitalPool, 250_000n * ONE]);

  // A history: person-to-person payments and UBI claims.
  const rsc = (who: Signer) => at("RSC", abis.rscAbi, who);
  for (let i = 0; i < 30; i++) {
    const from = members[(i * 7) % members.length];
    const to = members[(i * 7 + 5) % members.length];
    await (await rsc(signers.get(from.name)!).transfer(to.address, parseEther(String(5 + (i % 11) * 3)))).wait();
  }
  const pool = (who: Signer) => at("CapitalPool", abis.capitalPoolAbi, who);
  for (const m of members.slice(0, 12)) await (await pool(signers.get(m.name)!).claimUbi()).wait();

  return { accounts, companies };
}
