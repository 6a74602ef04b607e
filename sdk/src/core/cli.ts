import type { Command } from "commander";
import { clientFor } from "../cli/context.ts";
import { action, fields } from "../cli/output.ts";
import { ConductorInputError } from "../errors.ts";
import { Param, type Unit } from "../generated/enums.ts";
import { formatRsc } from "./amount.ts";
import { approve } from "./approve.ts";
import { claimUbi } from "./claimUbi.ts";
import { type GetAccountReturnType, getAccount } from "./getAccount.ts";
import { getBalance } from "./getBalance.ts";
import { getStatus } from "./getStatus.ts";
import { transfer } from "./transfer.ts";

/** A parameter value in its unit's words. */
export function formatParameter(value: bigint, unit: Unit): string {
  if (unit === "Fraction") return `${formatRsc(value * 100n).replace(/\.?0+$/, "")} %`;
  if (unit === "Seconds") return value % 86_400n === 0n ? `${value / 86_400n} days` : `${value} s`;
  if (unit === "RscWei") return `${formatRsc(value)} RSC`;
  return value.toString();
}

const time = (s: number) => (s === 0 ? "never" : new Date(s * 1000).toISOString());

/** Human lines describing an account. */
export function accountLines(a: GetAccountReturnType): string[] {
  return fields([
    ["address", a.address],
    ["kind", a.kind === "None" ? "None (not registered)" : a.kind],
    ["suspended", a.suspended ? "yes" : "no"],
    ["balance", `${formatRsc(a.balance)} RSC`],
    ...(a.memberId !== null ? ([["member id", a.memberId]] as const) : []),
    ...(a.kind === "Person" ? ([["votes", a.votes]] as const) : []),
    ...(a.kind === "Person" ? ([["voting since", a.votingSince === null ? "—" : time(a.votingSince)]] as const) : []),
    ...(a.company
      ? ([
          ["industry", a.company.industryId],
          ["registered", time(a.company.registeredAt)],
        ] as const)
      : []),
  ]);
}

/** `status`, `balance`, `account`, `transfer`, `approve`, `ubi claim`. */
export function registerCoreCommands(program: Command): void {
  program
    .command("status")
    .description("the region at a glance: supply, reserves, pool, members, parameters")
    .action(
      action(async (command) => {
        const s = await getStatus(await clientFor(command));
        return {
          data: s,
          text: [
            ...fields([
              ["region", s.regionName],
              ["chain id", s.chainId],
              ["block", s.blockNumber],
              ["total supply", `${formatRsc(s.totalSupply)} RSC`],
              ["attested reserves", `${formatRsc(s.attestedReserves.usd)} USD as of ${time(s.attestedReserves.asOf)}`],
              ["mintable", `${formatRsc(s.mintable)} RSC`],
              ...(s.shortfall > 0n
                ? [["UNDER-BACKED", `${formatRsc(s.shortfall)} RSC of supply not covered; deposits refused`] as const]
                : []),
              ["capital pool", `${formatRsc(s.poolBalance)} RSC`],
              ["members", s.memberCount],
              ["redemptions", s.redemptionCount],
            ]),
            "parameters",
            ...fields(Param.map((p) => [p, formatParameter(s.parameters[p], s.units[p])])).map((l) => `  ${l}`),
          ],
        };
      }),
    );

  program
    .command("balance [address]")
    .description("RSC balance of an address (default: the key's own)")
    .action(
      action(async (command, address?: string) => {
        const client = await clientFor(command);
        if (address === undefined && !client.account) {
          throw new ConductorInputError("give an address, or set CONDUCTOR_PRIVATE_KEY to see your own balance");
        }
        const wei = await getBalance(client, { address });
        const who = address ?? client.account?.address;
        return { data: { address: who, balance: wei, formatted: formatRsc(wei) }, text: `${formatRsc(wei)} RSC` };
      }),
    );

  program
    .command("account <address>")
    .description("kind, suspension, member id, votes and balance of an address")
    .action(
      action(async (command, address: string) => {
        const a = await getAccount(await clientFor(command), { address });
        return { data: a, text: accountLines(a) };
      }),
    );

  program
    .command("transfer <to> <amount>")
    .description("pay another member directly, e.g. `transfer 0x… 12.50` (Person → Person only)")
    .action(
      action(async (command, to: string, amount: string) => {
        const r = await transfer(await clientFor(command), { to, amount });
        return { data: r, text: `sent ${formatRsc(r.amount)} RSC to ${r.to} (tx ${r.hash})` };
      }),
    );

  program
    .command("approve <spender> <amount>")
    .description("let <spender> move up to <amount> RSC of yours with transferFrom (0 revokes)")
    .action(
      action(async (command, spender: string, amount: string) => {
        const r = await approve(await clientFor(command), { spender, amount });
        return { data: r, text: `${r.spender} may now spend ${formatRsc(r.amount)} RSC of yours (tx ${r.hash})` };
      }),
    );

  const ubi = program.command("ubi").description("universal basic income");
  ubi
    .command("claim")
    .description("claim this period's UBI from the capital pool")
    .action(
      action(async (command) => {
        const r = await claimUbi(await clientFor(command));
        return {
          data: r,
          text: `claimed ${formatRsc(r.amount)} RSC of UBI for member #${r.memberId}; next claim from ${time(r.nextClaimAt)} (tx ${r.hash})`,
        };
      }),
    );
}
