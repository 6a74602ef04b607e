/**
 * Storage-layout check for the upgradeable contracts (run in CI):
 *  1. every `@custom:storage-location erc7201:<id>` struct sits at the slot ERC-7201 gives for <id>
 *     (the file's STORAGE_LOCATION constant is recomputed here);
 *  2. an upgrade may only APPEND members to a namespace struct: the members recorded in
 *     storage-layouts.json must remain, in order, with the same types, at the start of the struct.
 * `--update` records the current layouts (do it when you append members, in the same commit).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { AbiCoder, keccak256, toBeHex, toUtf8Bytes } from "ethers";

const ROOT = new URL("..", import.meta.url).pathname;
const SNAPSHOT = join(ROOT, "storage-layouts.json");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".sol") ? [path] : [];
  });
}

export function erc7201Slot(id: string): string {
  const inner = BigInt(keccak256(toUtf8Bytes(id))) - 1n;
  return toBeHex(BigInt(keccak256(AbiCoder.defaultAbiCoder().encode(["uint256"], [inner]))) & ~0xffn, 32);
}

interface Namespace {
  file: string;
  members: string[];
  location?: string;
}

function namespaces(): Map<string, Namespace> {
  const found = new Map<string, Namespace>();
  for (const file of walk(join(ROOT, "contracts"))) {
    const rel = relative(ROOT, file);
    if (rel.startsWith("contracts/test/")) continue;
    const text = readFileSync(file, "utf8");
    const re = /@custom:storage-location erc7201:([\w.]+)\s*\n\s*struct\s+\w+\s*\{([^}]*)\}/g;
    for (const match of text.matchAll(re)) {
      const members = match[2]
        .replace(/\/\/[^\n]*/g, "")
        .split(";")
        .map((m) => m.replace(/\s+/g, " ").trim())
        .filter(Boolean);
      const location = text.match(/STORAGE_LOCATION\s*=\s*(0x[0-9a-fA-F]{64})/)?.[1];
      found.set(match[1], { file: rel, members, location });
    }
  }
  return found;
}

const current = namespaces();
const errors: string[] = [];
for (const [id, ns] of current) {
  const expected = erc7201Slot(id);
  if (!ns.location) errors.push(`${ns.file}: no STORAGE_LOCATION constant for erc7201:${id}`);
  else if (ns.location.toLowerCase() !== expected) {
    errors.push(`${ns.file}: STORAGE_LOCATION ${ns.location} is not erc7201(${id}) = ${expected}`);
  }
}

if (process.argv.includes("--update")) {
  const out = Object.fromEntries([...current].sort().map(([id, ns]) => [id, ns.members]));
  writeFileSync(SNAPSHOT, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`recorded ${current.size} namespaces in storage-layouts.json`);
} else {
  const recorded: Record<string, string[]> = existsSync(SNAPSHOT) ? JSON.parse(readFileSync(SNAPSHOT, "utf8")) : {};
  for (const [id, members] of Object.entries(recorded)) {
    const ns = current.get(id);
    if (!ns) {
      errors.push(`namespace erc7201:${id} disappeared (its storage would be orphaned)`);
      continue;
    }
    members.forEach((member, i) => {
      if (ns.members[i] !== member) {
        errors.push(
          `${ns.file} erc7201:${id}: member ${i} was "${member}", is now "${ns.members[i] ?? "(removed)"}" — only appending is safe`,
        );
      }
    });
  }
  for (const id of current.keys()) {
    if (!(id in recorded))
      errors.push(`namespace erc7201:${id} is not recorded: run \`npx tsx scripts/check-storage.ts --update\``);
  }
}
if (errors.length > 0) {
  for (const e of errors) console.error(`storage: ${e}`);
  process.exit(1);
}
console.log(`storage layouts: ${current.size} namespaces checked, all at their ERC-7201 slots, append-only`);
