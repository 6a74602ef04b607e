import { type Address, decodeFunctionData, type Hex } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorEncodingError } from "../errors.ts";
import {
  jobBoardAbi,
  loansAbi,
  marketplaceAbi,
  profitAtRestAbi,
  registryAbi,
  wageScheduleAbi,
} from "../generated/abis.ts";
import { describePayrollCall, occupationOfPayrollCall, occupationPhrase } from "../payroll/describe.ts";
import { UNLIMITED } from "./createListing.ts";
import { decodePackedPurchase, isPackedPurchase, type PurchaseArguments } from "./packedPurchase.ts";
import { addressOf, type ContractCall, formatRsc } from "./shared.ts";

type Reader = Pick<ConductorClient, "deployment" | "publicClient">;

/** The registered name of a company treasury (from its registration event), or its address. */
export async function companyName(client: Reader, treasury: Address): Promise<string> {
  const logs = await client.publicClient.getContractEvents({
    address: addressOf(client, "Registry"),
    abi: registryAbi,
    eventName: "CompanyRegistered",
    args: { treasury },
    fromBlock: BigInt(client.deployment.startBlock),
  });
  const args = logs[0]?.args as { name?: string } | undefined;
  return args?.name ?? treasury;
}

/** The on-chain name of `occupationId` ("" when unnamed, unknown, or the deployment has no WageSchedule). */
export async function occupationNameOf(client: Reader, occupationId: number): Promise<string> {
  const address = client.deployment.contracts.WageSchedule;
  if (address === undefined) return "";
  try {
    return await client.publicClient.readContract({
      address,
      abi: wageScheduleAbi,
      functionName: "occupationName",
      args: [occupationId],
    });
  } catch {
    return "";
  }
}

/**
 * The arguments of a purchase call in either form — the 32-byte `purchasePacked()` or the ABI
 * `purchase(listingId, quantity, maxTotal)` — or undefined when `data` is neither. Throws a
 * {@link ConductorEncodingError} for a `purchasePacked()` selector with a length other than 32 bytes
 * (the marketplace refuses it).
 */
export function purchaseArguments(data: Hex): PurchaseArguments | undefined {
  if (isPackedPurchase(data)) return decodePackedPurchase(data);
  try {
    const decoded = decodeFunctionData({ abi: marketplaceAbi, data });
    if (decoded.functionName !== "purchase") return undefined;
    const [listingId, quantity, maxTotal] = decoded.args;
    return { listingId, quantity: BigInt(quantity), maxTotal };
  } catch {
    return undefined;
  }
}

const days = (seconds: number) =>
  seconds % 86_400 === 0 ? `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}` : `${seconds} s`;

/**
 * A company transaction (a Safe proposal) in human terms, e.g.
 * "buy 10 × Steel beam from Acme Steel for 1,200.00 RSC (+96.00 RSC sales tax; at most 1,296.00 RSC)".
 * @example
 * const text = await describeSafeTransaction(client, { to, data, value: 0n });
 */
export async function describeSafeTransaction(
  client: Reader,
  call: Pick<ContractCall, "to" | "data">,
): Promise<string> {
  const to = call.to.toLowerCase();
  const is = (name: Parameters<typeof addressOf>[1] | "Payroll") => {
    const address = client.deployment.contracts[name];
    return address !== undefined && address.toLowerCase() === to;
  };
  const read = client.publicClient.readContract;
  try {
    if (is("Marketplace")) {
      const address = addressOf(client, "Marketplace");
      const bought = purchaseArguments(call.data as Hex);
      if (bought !== undefined) {
        const { listingId, quantity, maxTotal } = bought;
        const listing = await read({ address, abi: marketplaceAbi, functionName: "listingOf", args: [listingId] });
        const [net, tax] = await read({
          address,
          abi: marketplaceAbi,
          functionName: "quote",
          args: [listingId, quantity],
        });
        const seller = await companyName(client, listing.seller);
        return `buy ${quantity} × ${listing.name} from ${seller} for ${formatRsc(net)} RSC (+${formatRsc(tax)} RSC sales tax; at most ${formatRsc(maxTotal)} RSC)`;
      }
      const { functionName, args } = decodeFunctionData({ abi: marketplaceAbi, data: call.data as Hex });
      if (functionName === "createListing") {
        const [kind, name, unitPrice, available] = args;
        const units = available === UNLIMITED ? "unlimited" : `${available} units`;
        return `list ${kind === 0 ? "product" : "service"} "${name}" at ${formatRsc(unitPrice)} RSC each (${units})`;
      }
      if (functionName === "setListing") {
        const [listingId, unitPrice, available, active] = args;
        const listing = await read({ address, abi: marketplaceAbi, functionName: "listingOf", args: [listingId] });
        const units = available === UNLIMITED ? "unlimited" : `${available} units`;
        return `change listing #${listingId} (${listing.name}) to ${formatRsc(unitPrice)} RSC each, ${units}, ${active ? "active" : "inactive"}`;
      }
    }
    if (is("JobBoard")) {
      const { functionName, args } = decodeFunctionData({ abi: jobBoardAbi, data: call.data as Hex });
      if (functionName === "postJob") {
        const [occupationId, hours, location] = args;
        const name = await occupationNameOf(client, occupationId);
        return `post a job opening: ${occupationPhrase(occupationId, name)}, ${hours} h/week, at ${location}`;
      }
      if (functionName === "closeJob") return `close job opening #${args[0]}`;
    }
    if (is("Loans")) {
      const { functionName, args } = decodeFunctionData({ abi: loansAbi, data: call.data as Hex });
      const address = addressOf(client, "Loans");
      if (functionName === "offerLoan") {
        const [borrower, principal, interest, instalments, period] = args;
        return `offer a loan of ${formatRsc(principal)} RSC to ${await companyName(client, borrower)} for ${formatRsc(interest)} RSC interest, in ${instalments} instalments every ${days(Number(period))}`;
      }
      if (
        functionName === "repayLoan" ||
        functionName === "acceptLoan" ||
        functionName === "cancelOffer" ||
        functionName === "declareDefault"
      ) {
        const loan = await read({ address, abi: loansAbi, functionName: "loanOf", args: [args[0]] });
        const bank = await companyName(client, loan.bank);
        if (functionName === "repayLoan")
          return `repay ${formatRsc(args[1] as bigint)} RSC of loan #${args[0]} to ${bank}`;
        if (functionName === "acceptLoan")
          return `accept loan #${args[0]} of ${formatRsc(loan.principal)} RSC from ${bank}`;
        if (functionName === "cancelOffer") return `withdraw the offer of loan #${args[0]}`;
        return `record the default of loan #${args[0]} (the region gets first refusal over the borrower's assets)`;
      }
    }
    if (is("Payroll")) {
      const occupationId = occupationOfPayrollCall(call.data as Hex);
      const name = occupationId === undefined ? "" : await occupationNameOf(client, occupationId);
      const text = describePayrollCall(call.data as Hex, name);
      if (text !== undefined) return text;
    }
    if (is("ProfitAtRest")) {
      const { functionName, args } = decodeFunctionData({ abi: profitAtRestAbi, data: call.data as Hex });
      if (functionName === "collect") {
        return `collect the profit-at-rest tax of ${await companyName(client, args[0])} (up to ${args[1]} lots)`;
      }
    }
  } catch {
    // Not decodable with the expected ABI: fall through to the raw description.
  }
  return `call ${call.to} with data ${call.data.slice(0, 10)}… (not a marketplace or payroll action)`;
}
