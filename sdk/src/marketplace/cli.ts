import type { Command } from "commander";
import { type Address, getAddress, type Hex, isAddress } from "viem";
import { defaultDeploymentFile } from "../cli/context.ts";
import { type ConductorClient, createConductorClient } from "../client.ts";
import { readDeployment } from "../deployment.ts";
import { ConductorInputError } from "../errors.ts";
import { listOccupations, occupationLabel, resolveOccupation } from "../payroll/occupations.ts";
import { acceptLoan, encodeAcceptLoan } from "./acceptLoan.ts";
import { closeJob, encodeCloseJob } from "./closeJob.ts";
import { collectProfitAtRest } from "./collectProfitAtRest.ts";
import { createListing, encodeCreateListing } from "./createListing.ts";
import { describeSafeTransaction } from "./describe.ts";
import { getJobs } from "./getJobs.ts";
import { getListings } from "./getListings.ts";
import { getLots } from "./getLots.ts";
import { encodeOfferLoan, offerLoan } from "./offerLoan.ts";
import { encodePostJob, postJob } from "./postJob.ts";
import { encodePurchase, purchase } from "./purchase.ts";
import { encodeRepayLoan, repayLoan } from "./repayLoan.ts";
import { approveSafeTransaction, executeSafeTransaction, getSafeProposalStatus } from "./safe.ts";
import { encodeSetListing, setListing } from "./setListing.ts";
import { type ContractCall, formatRsc, type WriteResult } from "./shared.ts";

interface CommonOptions {
  rpc?: string;
  deployment?: string;
  safe?: string;
}

function client(opts: CommonOptions): ConductorClient {
  const deployment = readDeployment(opts.deployment ?? process.env.CONDUCTOR_DEPLOYMENT ?? defaultDeploymentFile());
  return createConductorClient({
    rpcUrl: opts.rpc ?? process.env.CONDUCTOR_RPC_URL ?? deployment.rpcUrl ?? "http://127.0.0.1:8545",
    deployment,
    privateKey: process.env.CONDUCTOR_PRIVATE_KEY,
  });
}

function safeAddress(value: string): Address {
  if (!isAddress(value, { strict: false })) throw new ConductorInputError(`--safe: not an address: ${value}`);
  return getAddress(value);
}

const print = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Runs a company action: sent directly from the key's account, or — with `--safe` — approved by
 * the key (a signer of the company's Safe) and executed once the threshold is reached.
 */
async function run(
  opts: CommonOptions,
  direct: (c: ConductorClient) => Promise<WriteResult>,
  encode: (c: ConductorClient) => Promise<ContractCall> | ContractCall,
) {
  const c = client(opts);
  if (!opts.safe) {
    const result = await direct(c);
    print(`done in block ${result.blockNumber}: ${result.hash}`);
    return;
  }
  const safe = safeAddress(opts.safe);
  const call = await encode(c);
  print(`company transaction: ${await describeSafeTransaction(c, call)}`);
  const before = await getSafeProposalStatus(c, { safe, call });
  const status = await approveSafeTransaction(c, { safe, call, nonce: before.nonce });
  print(
    `approved (${status.approvedBy.length} of ${status.threshold}), Safe nonce ${status.nonce}, hash ${status.safeTxHash}`,
  );
  if (BigInt(status.approvedBy.length) >= status.threshold) {
    const executed = await executeSafeTransaction(c, { safe, call, nonce: status.nonce });
    print(`executed in block ${executed.blockNumber}: ${executed.hash}`);
  } else {
    print("waiting for the other signers: each runs the same command (same arguments) with their key");
  }
}

/** Adds the `market` commands (listings, purchases, jobs, lots, loans, Safe proposals) to the CLI. */
export function registerMarketplaceCommands(program: Command): Command {
  const market = program
    .command("market")
    .description("marketplace, job board, profit at rest and loans")
    .option("--rpc <url>", "JSON-RPC endpoint of the region (env CONDUCTOR_RPC_URL)")
    .option("--deployment <file>", "deployment record (env CONDUCTOR_DEPLOYMENT)")
    .option("--safe <address>", "act as this company: approve (and execute at threshold) through its Safe");
  const opts = (cmd: Command) => cmd.optsWithGlobals() as CommonOptions;

  market
    .command("listings")
    .description("list the region's active listings")
    .option("--seller <address>")
    .option("--all", "include inactive listings")
    .action(async (o, cmd) => {
      for (const l of await getListings(client(opts(cmd)), { seller: o.seller, includeInactive: Boolean(o.all) })) {
        const units = l.available === undefined ? "unlimited" : `${l.available} left`;
        print(
          `#${l.listingId} ${l.kind} "${l.name}" ${formatRsc(l.unitPrice)} RSC (${units}) by ${l.seller}${l.active ? "" : " [inactive]"}`,
        );
      }
    });

  market
    .command("list-item")
    .description("list a product or service (as a company)")
    .requiredOption("--name <name>")
    .requiredOption("--price <rsc>", "unit price in RSC, e.g. 120.50")
    .option("--service", "a service rather than a product")
    .option("--quantity <n>", "units on offer, or 'unlimited'", "unlimited")
    .action(async (o, cmd) => {
      const params = {
        kind: o.service ? "Service" : "Product",
        name: o.name,
        unitPrice: o.price,
        quantity: o.quantity,
      } as const;
      await run(
        opts(cmd),
        (c) => createListing(c, params),
        (c) => encodeCreateListing(c, params),
      );
    });

  market
    .command("set-listing <listingId>")
    .description("change a listing's price, quantity and active flag")
    .requiredOption("--price <rsc>")
    .option("--quantity <n>", "units left, or 'unlimited'", "unlimited")
    .option("--inactive", "stop selling it")
    .action(async (listingId, o, cmd) => {
      const params = { listingId, unitPrice: o.price, quantity: o.quantity, active: !o.inactive };
      await run(
        opts(cmd),
        (c) => setListing(c, params),
        (c) => encodeSetListing(c, params),
      );
    });

  market
    .command("buy <listingId> <quantity>")
    .description("buy from a listing (net to the seller, sales tax to the capital pool)")
    .option("--max-total <rsc>", "the most to pay including tax (default: today's quote)")
    .action(async (listingId, quantity, o, cmd) => {
      const params = { listingId, quantity, maxTotal: o.maxTotal };
      await run(
        opts(cmd),
        (c) => purchase(c, params),
        (c) => encodePurchase(c, params),
      );
    });

  market
    .command("jobs")
    .description("list open job openings")
    .option("--company <address>")
    .action(async (o, cmd) => {
      const c = client(opts(cmd));
      const [jobs, occupations] = await Promise.all([getJobs(c, { company: o.company }), listOccupations(c)]);
      for (const j of jobs) {
        const name = occupations.find((x) => x.occupationId === j.occupationId)?.name ?? "";
        const occupation = occupationLabel({ occupationId: j.occupationId, name });
        print(`#${j.jobId} ${occupation}, ${j.hoursPerWeek} h/week at ${j.location} (${j.company})`);
      }
    });

  market
    .command("post-job")
    .description("post a job opening (as a company)")
    .requiredOption("--occupation <id|name>", "occupation id or exact name in the wage schedule")
    .requiredOption("--hours <perWeek>")
    .requiredOption("--location <text>")
    .action(async (o, cmd) => {
      const occupation = resolveOccupation(await listOccupations(client(opts(cmd))), o.occupation);
      const params = { occupationId: occupation.occupationId, hoursPerWeek: o.hours, location: o.location };
      await run(
        opts(cmd),
        (c) => postJob(c, params),
        (c) => encodePostJob(c, params),
      );
    });

  market.command("close-job <jobId>").action(async (jobId, _o, cmd) => {
    await run(
      opts(cmd),
      (c) => closeJob(c, { jobId }),
      (c) => encodeCloseJob(c, { jobId }),
    );
  });

  market
    .command("lots <company>")
    .description("which of a company's money will be taxed, and when")
    .option("--all", "include collected lots")
    .action(async (company, o, cmd) => {
      const { lots, olderOpen, totalOpen } = await getLots(client(opts(cmd)), {
        company,
        includeCollected: Boolean(o.all),
      });
      for (const l of lots) {
        const exempt = l.exemptAmount > 0n ? `, ${formatRsc(l.exemptAmount)} exempt` : "";
        const tag = l.collected
          ? "collected"
          : l.taxableOpen === 0n
            ? "nothing taxable"
            : `due ${l.dueAt.toISOString()}, tax ${formatRsc(l.projectedTax)} RSC`;
        print(
          `lot ${l.index}: ${formatRsc(l.open)} of ${formatRsc(l.amount)} RSC open${exempt}, dated ${l.datedAt.toISOString()} — ${tag}`,
        );
      }
      if (o.all && olderOpen > 0n) print(`older lots (collected, never taxed again): ${formatRsc(olderOpen)} RSC open`);
      print(`total open: ${formatRsc(totalOpen)} RSC`);
    });

  market
    .command("collect <company>")
    .description("collect the profit-at-rest tax of a company's due lots (anyone)")
    .option("--max-lots <n>", "at most this many lots", "64")
    .action(async (company, o, cmd) => {
      const result = await collectProfitAtRest(client(opts(cmd)), { company, maxLots: o.maxLots });
      print(`collected in block ${result.blockNumber}: ${result.hash}`);
    });

  market
    .command("offer-loan <borrower>")
    .description("offer a loan (as a bank)")
    .requiredOption("--principal <rsc>")
    .requiredOption("--interest <rsc>")
    .requiredOption("--instalments <n>")
    .requiredOption("--period-days <days>")
    .action(async (borrower, o, cmd) => {
      const params = {
        borrower,
        principal: o.principal,
        interest: o.interest,
        instalments: o.instalments,
        periodSeconds: Number(o.periodDays) * 86_400,
      };
      await run(
        opts(cmd),
        (c) => offerLoan(c, params),
        (c) => encodeOfferLoan(c, params),
      );
    });

  market.command("accept-loan <loanId>").action(async (loanId, _o, cmd) => {
    await run(
      opts(cmd),
      (c) => acceptLoan(c, { loanId }),
      (c) => encodeAcceptLoan(c, { loanId }),
    );
  });

  market.command("repay-loan <loanId> <amount>").action(async (loanId, amount, _o, cmd) => {
    await run(
      opts(cmd),
      (c) => repayLoan(c, { loanId, amount }),
      (c) => encodeRepayLoan(c, { loanId, amount }),
    );
  });

  market
    .command("describe <to> <data>")
    .description("a company transaction (Safe proposal) in human terms")
    .action(async (to, data, _o, cmd) => {
      print(await describeSafeTransaction(client(opts(cmd)), { to: to as Address, data: data as Hex }));
    });

  return market;
}
