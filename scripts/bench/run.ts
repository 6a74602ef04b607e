/**
 * `npm run bench`: runs every domain's benchmark, prints one table with ratios and targets, and
 * writes bench-results/bench.json. Gas comes from receipts; throughput from runs side by side.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AnyRow, isGasRow } from "./types.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const DOMAINS = ["core", "governance", "payroll", "marketplace", "federation", "audit", "gateway", "services"];

const only = process.argv.slice(2);
const rows: AnyRow[] = [];
let failedTargets = 0;
for (const domain of DOMAINS) {
  if (only.length > 0 && !only.includes(domain)) continue;
  const file = join(ROOT, "scripts/bench", `${domain}.ts`);
  if (!existsSync(file)) continue;
  process.stderr.write(`bench: ${domain}…\n`);
  const mod = (await import(file)) as { bench(): Promise<AnyRow[]> };
  rows.push(...(await mod.bench()));
}

const fmt = (n: bigint | number) => (typeof n === "bigint" ? n.toLocaleString("en-US") : n.toLocaleString("en-US"));
const lines: string[][] = [["group", "operation", "measured", "reference", "ratio", "target", "met"]];
for (const row of rows) {
  if (row.met === false) failedTargets++;
  const met = row.met === undefined ? "" : row.met ? "yes" : "NO";
  if (isGasRow(row)) {
    const ratio = row.referenceGas ? (Number(row.gas) / Number(row.referenceGas)).toFixed(3) : "";
    const reference = row.reference ? `${row.reference}: ${row.referenceGas ? fmt(row.referenceGas) : ""}` : "";
    lines.push([row.group, row.operation, `${fmt(row.gas)} gas`, reference, ratio, row.target ?? "", met]);
  } else {
    const ratio = row.referenceValue ? (row.value / row.referenceValue).toFixed(3) : "";
    const reference = row.reference ? `${row.reference}: ${fmt(row.referenceValue ?? 0)} ${row.unit}` : "";
    lines.push([
      row.group,
      row.operation,
      `${fmt(Number(row.value.toFixed(2)))} ${row.unit}`,
      reference,
      ratio,
      row.target ?? "",
      met,
    ]);
  }
}
const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
for (const [i, line] of lines.entries()) {
  console.log(line.map((cell, j) => cell.padEnd(widths[j])).join("  "));
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
mkdirSync(join(ROOT, "bench-results"), { recursive: true });
writeFileSync(
  join(ROOT, "bench-results/bench.json"),
  `${JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`,
);
console.log(`\n${rows.length} measurements, ${failedTargets} target(s) missed; JSON in bench-results/bench.json`);
