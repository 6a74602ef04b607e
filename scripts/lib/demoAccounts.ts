import { HDNodeWallet, Mnemonic } from "ethers";

/**
 * The local demo region's people. Keys derive from Hardhat's well-known test mnemonic: they
 * exist only on the embedded local chain and must never hold anything of value.
 */
export const DEMO_MNEMONIC = "test test test test test test test test test test test junk";

export const MEMBER_NAMES = [
  "Ada",
  "Bo",
  "Cleo",
  "Dev",
  "Eli",
  "Fern",
  "Gus",
  "Hana",
  "Ivo",
  "Jun",
  "Kai",
  "Lea",
  "Milo",
  "Nia",
  "Omar",
  "Pia",
  "Quinn",
  "Rosa",
  "Sami",
  "Tove",
  "Uma",
  "Vic",
  "Wren",
  "Yara",
] as const;

export interface DemoAccount {
  name: string;
  role: "registrar" | "custodian" | "member" | "external";
  index: number;
  address: string;
  privateKey: string;
}

/** The HD wallet at index `i` of the demo mnemonic. */
export function demoWallet(index: number): HDNodeWallet {
  return HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(DEMO_MNEMONIC), `m/44'/60'/0'/0/${index}`);
}

function account(name: string, role: DemoAccount["role"], index: number): DemoAccount {
  const w = demoWallet(index);
  return { name, role, index, address: w.address, privateKey: w.privateKey };
}

/** Registrar (0), three reserve custodians (1–3), 24 members (4–27), one external trader (28). */
export function demoAccounts(): DemoAccount[] {
  return [
    account("Registrar", "registrar", 0),
    account("Custodian A", "custodian", 1),
    account("Custodian B", "custodian", 2),
    account("Custodian C", "custodian", 3),
    ...MEMBER_NAMES.map((name, i) => account(name, "member", 4 + i)),
    account("Global Imports (external)", "external", 28),
  ];
}
