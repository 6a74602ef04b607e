import type { Command } from "commander";
import { clientFor } from "../cli/context.ts";
import { action } from "../cli/output.ts";
import { ConductorInputError } from "../errors.ts";
import { encodePurchase } from "../marketplace/purchase.ts";
import { approveProposal } from "./approveProposal.ts";
import { executeProposal } from "./executeProposal.ts";
import { listPendingProposals } from "./listPendingProposals.ts";
import { proposeCompanyTransaction } from "./proposeCompanyTransaction.ts";

interface ProposeOptions {
  buy?: string;
  quantity?: string;
  to?: string;
  data?: string;
  value?: string;
  nonce?: string;
  sign: boolean;
}

/** `company propose|proposals|approve|execute`: a company's Safe transactions through the board. */
export function registerCompanyCommands(program: Command): void {
  const company = program
    .command("company")
    .description("a company's treasury (Safe): propose, list, approve and execute its transactions");

  company
    .command("propose <safe>")
    .description("signer: propose a transaction of the company's Safe (--buy/--quantity, or --to/--data)")
    .option("--buy <listingId>", "propose buying from this listing")
    .option("--quantity <n>", "units to buy (with --buy)")
    .option("--to <address>", "a raw call: the address the Safe calls")
    .option("--data <hex>", "a raw call: its call data")
    .option("--value <wei>", "native value sent with a raw call", "0")
    .option("--nonce <n>", "the Safe nonce (default: the Safe's next)")
    .option("--no-sign", "do not post your own signature with it")
    .action(
      action(async (command, safe: string, o: ProposeOptions) => {
        const client = await clientFor(command);
        if (o.buy === undefined && (o.to === undefined || o.data === undefined)) {
          throw new ConductorInputError("give --buy <listingId> --quantity <n>, or --to <address> --data <hex>");
        }
        const call =
          o.buy !== undefined
            ? await encodePurchase(client, { listingId: o.buy, quantity: o.quantity ?? "" })
            : { to: o.to as string, data: o.data as string, value: o.value ?? "0" };
        const r = await proposeCompanyTransaction(client, { safe, call, nonce: o.nonce, sign: o.sign } as never);
        const verb = r.status === "exists" ? "already proposed" : "proposed";
        return { data: r, text: [`${verb}: ${r.description}`, `  nonce ${r.nonce}, safeTxHash ${r.safeTxHash}`] };
      }),
    );

  company
    .command("proposals <safe>")
    .description("what waits for the company's signers: pending proposals in words, approvals / threshold")
    .action(
      action(async (command, safe: string) => {
        const list = await listPendingProposals(await clientFor(command), { safe });
        const text = list.length
          ? list.flatMap((p) => [
              `#${p.nonce} ${p.description} — ${p.approvals.length} of ${p.threshold} approvals${p.executable ? " (ready to execute)" : ""}`,
              `  safeTxHash ${p.safeTxHash}, proposed by ${p.proposer}`,
            ])
          : ["no pending proposals"];
        return { data: list, text };
      }),
    );

  company
    .command("approve <safeTxHash>")
    .description("signer: approve a pending proposal (on-chain approveHash, or --signature to post a signature)")
    .option("--signature", "post an EIP-712 signature to the board instead of approving on-chain")
    .action(
      action(async (command, safeTxHash: string, o: { signature?: boolean }) => {
        const method = o.signature ? "signature" : "onchain";
        const r = await approveProposal(await clientFor(command), { safeTxHash, method });
        return { data: r, text: `approved (${r.approvals} of ${r.threshold}) in tx ${r.hash}` };
      }),
    );

  company
    .command("execute <safeTxHash>")
    .description("execute a pending proposal once enough signers approved it")
    .action(
      action(async (command, safeTxHash: string) => {
        const r = await executeProposal(await clientFor(command), { safeTxHash });
        return {
          data: { hash: r.hash, description: r.description },
          text: `executed: ${r.description} (tx ${r.hash})`,
        };
      }),
    );
}
