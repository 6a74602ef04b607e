import { createPublicClient, createWalletClient, defineChain, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { regionGovernorAbi } from "../../../sdk/src/generated/abis.ts";
import type { E2EContext, Scenario } from "../run.ts";
import { connectAsDemo, expect, newPage, SHOTS } from "./helpers.ts";

const DESCRIPTION = "Lower the sales tax to 6 %";

/** Other members cast their votes for the proposal directly with their demo keys (the quorum needs several). */
async function othersVoteFor(ctx: E2EContext, proposalId: bigint, voters: string[]): Promise<void> {
  const chain = defineChain({
    id: ctx.region.deployment.chainId,
    name: "demo",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [ctx.region.rpcUrl] } },
  });
  const reader = createPublicClient({ chain, transport: http(ctx.region.rpcUrl) });
  for (const name of voters) {
    const key = ctx.region.accounts.find((a) => a.name === name)?.privateKey as Hex;
    const wallet = createWalletClient({ chain, transport: http(ctx.region.rpcUrl), account: privateKeyToAccount(key) });
    const hash = await wallet.writeContract({
      address: ctx.region.deployment.contracts.Governor,
      abi: regionGovernorAbi,
      functionName: "castVote",
      args: [proposalId, 1],
    });
    const receipt = await reader.waitForTransactionReceipt({ hash });
    expect(receipt.status === "success", `${name}'s vote should be counted`);
  }
}

async function governorNumber(ctx: E2EContext, functionName: "votingDelay" | "votingPeriod"): Promise<number> {
  const reader = createPublicClient({ transport: http(ctx.region.rpcUrl) });
  return Number(
    await reader.readContract({
      address: ctx.region.deployment.contracts.Governor,
      abi: regionGovernorAbi,
      functionName,
    }),
  );
}

export const voteScenarios: Scenario[] = [
  {
    name: "a proposal out of bounds is refused before signing; one within passes and the parameters page shows the change",
    async run(ctx) {
      const page = await newPage(ctx, "vote");
      await connectAsDemo(page, ctx.app.url, "Ada");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vote" }).click();
      await page.getByTestId("param-SalesTaxRate").filter({ hasText: "8 %" }).waitFor({ timeout: 20_000 });
      await page.getByLabel("Parameter", { exact: true }).selectOption("SalesTaxRate");
      const bounds = (await page.getByTestId("propose-bounds").textContent()) ?? "";
      expect(bounds.includes("allowed"), `the form should show the bounds, got: ${bounds}`);

      // Out of bounds: refused in the page, nothing sent.
      const client = createPublicClient({ transport: http(ctx.region.rpcUrl) });
      const blockBefore = await client.getBlockNumber();
      await page.getByLabel("New value").fill("150");
      await page.getByLabel("Description").fill("Raise the sales tax to 150 %");
      await page.getByRole("button", { name: "Propose" }).click();
      const refusal = (await page.getByTestId("propose-refusal").textContent()) ?? "";
      expect(refusal.includes("must lie within the bounds"), `refusal should give the bounds, got: ${refusal}`);
      expect((await client.getBlockNumber()) === blockBefore, "no transaction should have reached the chain");

      // Within bounds: proposed, voted, queued, executed.
      await page.getByLabel("New value").fill("6");
      await page.getByLabel("Description").fill(DESCRIPTION);
      await page.getByRole("button", { name: "Propose" }).click();
      await page.getByTestId("propose-status").filter({ hasText: "Proposal: confirmed" }).waitFor({ timeout: 20_000 });
      const proposal = page.getByTestId("proposal").filter({ hasText: DESCRIPTION });
      await proposal.filter({ hasText: "Pending" }).waitFor({ timeout: 20_000 });
      await page.screenshot({ path: `${SHOTS}vote-proposed.png`, fullPage: true });

      await ctx.region.increaseTime((await governorNumber(ctx, "votingDelay")) + 1);
      await page
        .locator("[data-testid=proposal][data-state=Active]")
        .filter({ hasText: DESCRIPTION })
        .waitFor({ timeout: 20_000 });
      await proposal.getByRole("button", { name: "Vote for" }).click();
      await proposal.getByText("Vote for: confirmed").waitFor({ timeout: 20_000 });
      // One vote per member: the buttons give way to the marker.
      await proposal.getByTestId("proposal-voted").waitFor({ timeout: 20_000 });
      expect(
        (await proposal.getByRole("button", { name: "Vote against" }).count()) === 0,
        "no vote button after voting",
      );
      const id = (await proposal.getAttribute("data-id")) ?? "";
      await othersVoteFor(ctx, BigInt(id), ["Bo", "Cleo", "Dev", "Eli", "Fern"]);
      await proposal.getByTestId("proposal-tally").filter({ hasText: "For 6" }).waitFor({ timeout: 20_000 });
      await page.screenshot({ path: `${SHOTS}vote-voted.png`, fullPage: true });

      await ctx.region.increaseTime((await governorNumber(ctx, "votingPeriod")) + 1);
      await proposal.getByRole("button", { name: "Queue" }).click();
      await proposal.getByText("Queue: confirmed").waitFor({ timeout: 20_000 });
      // Before the timelock's delay the Execute button is shown, disabled, with the time it opens.
      await proposal.getByTestId("proposal-waiting").waitFor({ timeout: 20_000 });
      expect(
        await proposal.getByRole("button", { name: "Execute" }).isDisabled(),
        "Execute disabled before the timelock allows it",
      );
      const timelock = createPublicClient({ transport: http(ctx.region.rpcUrl) });
      const minDelay = await timelock.readContract({
        address: ctx.region.deployment.contracts.Timelock,
        abi: [
          {
            type: "function",
            name: "getMinDelay",
            inputs: [],
            outputs: [{ type: "uint256" }],
            stateMutability: "view",
          },
        ],
        functionName: "getMinDelay",
      });
      await ctx.region.increaseTime(Number(minDelay) + 1);
      await proposal.getByRole("button", { name: "Execute" }).click();
      await proposal.getByText("Execute: confirmed").waitFor({ timeout: 20_000 });
      await page.getByTestId("param-SalesTaxRate").filter({ hasText: "6 %" }).waitFor({ timeout: 20_000 });
      const row = (await page.locator("tr[data-param=SalesTaxRate]").textContent()) ?? "";
      expect(row.includes("8 % → 6 %"), `the history should show 8 % → 6 %, got: ${row}`);
      await page.screenshot({ path: `${SHOTS}vote-executed.png`, fullPage: true });

      // The public page's parameters table agrees.
      await page.goto(`${ctx.app.url}/public`);
      await page
        .getByTestId("parameters")
        .locator("tr", { hasText: "SalesTaxRate" })
        .filter({ hasText: "6 %" })
        .waitFor({
          timeout: 20_000,
        });
      await page.context().close();
    },
  },
];
