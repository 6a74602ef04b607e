import type { Command } from "commander";
import { z } from "zod";
import { clientFor, cosignersFromEnv } from "../cli/context.ts";
import { action, fields } from "../cli/output.ts";
import { RedemptionStatus } from "../generated/enums.ts";
import type { SendSafeTransactionReturnType } from "../safe/sendSafeTransaction.ts";
import { formatRsc } from "./amount.ts";
import { attestDeposit } from "./attestDeposit.ts";
import { attestReserves } from "./attestReserves.ts";
import { getRedemptions } from "./getRedemptions.ts";
import { getStatus } from "./getStatus.ts";
import { markRedemptionPaid } from "./markRedemptionPaid.ts";
import { refundRedemption } from "./refundRedemption.ts";
import { requestRedemption } from "./requestRedemption.ts";
import { validate } from "./schemas.ts";

/** What a custodian sees after a Safe action: done, or how many approvals are still missing. */
function safeText(r: SendSafeTransactionReturnType, done: string): string {
  if (r.status === "executed") return `${done} (tx ${r.hash})`;
  const already = r.hash === null ? "you had already approved" : `approved by you (tx ${r.hash})`;
  return `${already}: ${r.approvals} of ${r.threshold} custodians for Safe transaction ${r.safeTxHash} (nonce ${r.nonce}); another custodian runs the same command to complete it`;
}

const time = (s: number) => new Date(s * 1000).toISOString();

/** `reserve status|attest-reserves|deposit|redeem|pay|refund|redemptions`. */
export function registerReserveCommands(program: Command): void {
  const reserve = program
    .command("reserve")
    .description("the USD reserve: deposits, redemptions, attestations (custodian commands go through their Safe)");

  reserve
    .command("status")
    .description("attested reserves, supply, mintable, exchange rate, pending redemptions")
    .action(
      action(async (command) => {
        const client = await clientFor(command);
        const [s, pending] = await Promise.all([getStatus(client), getRedemptions(client, { status: "Pending" })]);
        const data = {
          attestedReserves: s.attestedReserves,
          totalSupply: s.totalSupply,
          mintable: s.mintable,
          exchangeRate: s.parameters.ExchangeRate,
          redemptionCount: s.redemptionCount,
          pendingRedemptions: pending.length,
          pendingAmount: pending.reduce((sum, r) => sum + r.amount, 0n),
        };
        return {
          data,
          text: fields([
            ["attested reserves", `${formatRsc(s.attestedReserves.usd)} USD`],
            ["as of", time(s.attestedReserves.asOf)],
            ["report hash", s.attestedReserves.reportHash],
            ["exchange rate", `${formatRsc(data.exchangeRate)} RSC per USD`],
            ["total supply", `${formatRsc(s.totalSupply)} RSC`],
            ["mintable", `${formatRsc(s.mintable)} RSC`],
            ["pending redemptions", `${pending.length} (${formatRsc(data.pendingAmount)} RSC in escrow)`],
          ]),
        };
      }),
    );

  reserve
    .command("attest-reserves <usd>")
    .description("custodians: publish the USD held in reserve")
    .requiredOption("--as-of <date>", "date of the bank statement (ISO date or unix seconds)")
    .requiredOption("--report <text>", "the report (text is hashed; or a 0x 32-byte hash)")
    .option("--accept-shortfall", "record reserves that do not back the supply (marks the region under-backed)")
    .action(
      action(async (command, usd: string, opts: { asOf: string; report: string; acceptShortfall?: boolean }) => {
        const r = await attestReserves(await clientFor(command), {
          usdReserves: usd,
          asOf: opts.asOf,
          report: opts.report,
          acceptShortfall: opts.acceptShortfall === true,
          cosigners: cosignersFromEnv(),
        });
        return {
          data: r,
          text: safeText(r, `attested ${formatRsc(r.usdReserves)} USD in reserve as of ${time(r.asOf)}`),
        };
      }),
    );

  reserve
    .command("deposit <depositor> <usd>")
    .description("custodians: attest a USD deposit, minting RSC to the depositor")
    .requiredOption("--ref <text>", "the bank transfer's reference (text is hashed; or a 0x 32-byte hash)")
    .action(
      action(async (command, depositor: string, usd: string, opts: { ref: string }) => {
        const r = await attestDeposit(await clientFor(command), {
          depositor,
          usdAmount: usd,
          depositRef: opts.ref,
          cosigners: cosignersFromEnv(),
        });
        const minted = r.rscAmount === null ? "" : `minted ${formatRsc(r.rscAmount)} RSC to ${r.depositor}`;
        return { data: r, text: safeText(r, minted) };
      }),
    );

  reserve
    .command("redeem <amount>")
    .description("ask for USD for your RSC (the RSC waits in escrow until paid or refunded)")
    .action(
      action(async (command, amount: string) => {
        const r = await requestRedemption(await clientFor(command), { amount });
        return {
          data: r,
          text: `redemption #${r.redemptionId}: ${formatRsc(r.amount)} RSC in escrow for ${formatRsc(r.usdAmount)} USD (tx ${r.hash})`,
        };
      }),
    );

  reserve
    .command("pay <redemptionId>")
    .description("custodians: the USD of a redemption was paid; burn the escrowed RSC")
    .requiredOption("--payout-ref <text>", "the payout's reference (text is hashed; or a 0x 32-byte hash)")
    .action(
      action(async (command, redemptionId: string, opts: { payoutRef: string }) => {
        const r = await markRedemptionPaid(await clientFor(command), {
          redemptionId,
          payoutRef: opts.payoutRef,
          cosigners: cosignersFromEnv(),
        });
        return { data: r, text: safeText(r, `redemption #${r.redemptionId} marked paid`) };
      }),
    );

  reserve
    .command("refund <redemptionId>")
    .description("custodians: a redemption cannot be paid; return the RSC to its holder")
    .requiredOption("--reason <text>", "why")
    .action(
      action(async (command, redemptionId: string, opts: { reason: string }) => {
        const r = await refundRedemption(await clientFor(command), {
          redemptionId,
          reason: opts.reason,
          cosigners: cosignersFromEnv(),
        });
        return { data: r, text: safeText(r, `redemption #${r.redemptionId} refunded`) };
      }),
    );

  reserve
    .command("redemptions")
    .description("list redemption requests")
    .option("--holder <address>", "only this holder's")
    .option("--status <status>", `only in this status (${RedemptionStatus.join(", ")})`)
    .action(
      action(async (command, opts: { holder?: string; status?: string }) => {
        const status = validate(z.enum(RedemptionStatus).optional(), opts.status, "--status");
        const list = await getRedemptions(await clientFor(command), { holder: opts.holder, status });
        return {
          data: list,
          text:
            list.length === 0
              ? "no redemptions"
              : list.map(
                  (r) =>
                    `#${r.redemptionId}  ${r.status.padEnd(8)}  ${r.holder}  ${formatRsc(r.amount)} RSC → ${formatRsc(r.usdAmount)} USD  ${time(r.requestedAt)}`,
                ),
        };
      }),
    );
}
