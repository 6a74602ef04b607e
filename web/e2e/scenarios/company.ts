import type { Page } from "playwright-core";
import type { Scenario } from "../run.ts";
import { connectAsDemo, demoAddress, expect, newPage, rscNumber, SHOTS } from "./helpers.ts";

/** Connects as a demo signer and opens the company page by the navigation (the session stays). */
async function openCompany(page: Page, url: string, name: string, company: string): Promise<void> {
  await connectAsDemo(page, url, name);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Company" }).click();
  await page.getByRole("heading", { name: company }).waitFor({ timeout: 20_000 });
  await page.getByTestId("treasury-balance").filter({ hasText: "RSC" }).waitFor();
}

export const companyScenarios: Scenario[] = [
  {
    name: "the demo leaves a purchase waiting: a Riverside Clinic signer sees it in words, 1 of 2",
    async run(ctx) {
      const page = await newPage(ctx, "company pending", 390, 844);
      await openCompany(page, ctx.app.url, "Eli", "Riverside Clinic");
      const item = page.getByTestId("proposal").filter({ hasText: "buy 10 × Steel beam from Acme Steel" });
      await item.waitFor({ timeout: 20_000 });
      const text = (await item.textContent()) ?? "";
      expect(text.includes("1 of 2 approvals"), `the proposal should show 1 of 2 approvals, got: ${text}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `the company page scrolls sideways by ${overflow}px at 390px width`);
      await page.screenshot({ path: `${SHOTS}company-pending-phone.png`, fullPage: true });
      await page.context().close();
    },
  },
  {
    name: "a company purchase: proposed by one signer, approved by a second (2 of 3), executed; balance and list update",
    async run(ctx) {
      const first = await newPage(ctx, "company proposer");
      await openCompany(first, ctx.app.url, "Nia", "Maple Credit Union");
      const before = rscNumber(await first.getByTestId("treasury-balance").textContent());
      const listing = first.getByLabel("Listing", { exact: true });
      await listing.locator("option", { hasText: "Steel beam" }).waitFor({ state: "attached" });
      const value = await listing.locator("option", { hasText: "Steel beam" }).getAttribute("value");
      await listing.selectOption(value ?? "");
      await first.getByLabel("Quantity", { exact: true }).fill("2");
      await first.getByRole("button", { name: "Propose purchase" }).click();
      await first.getByText("Purchase proposal: confirmed").waitFor({ timeout: 30_000 });
      const proposal = first.getByTestId("proposal").filter({ hasText: "buy 2 × Steel beam from Acme Steel" });
      await proposal.filter({ hasText: "1 of 2 approvals" }).waitFor({ timeout: 20_000 });
      await first.context().close();

      const second = await newPage(ctx, "company approver");
      await openCompany(second, ctx.app.url, "Omar", "Maple Credit Union");
      const waiting = second.getByTestId("proposal").filter({ hasText: "buy 2 × Steel beam from Acme Steel" });
      await waiting.waitFor({ timeout: 20_000 });
      await waiting.getByRole("button", { name: "Approve" }).click();
      await second.getByText("Approval: confirmed").waitFor({ timeout: 30_000 });
      await waiting.filter({ hasText: "2 of 2 approvals" }).getByRole("button", { name: "Execute" }).click();
      await second.getByText("Execution: confirmed").waitFor({ timeout: 30_000 });
      await second.getByTestId("no-proposals").waitFor({ timeout: 20_000 });
      await second.waitForFunction(
        ([was]) =>
          Number(document.querySelector("[data-testid=treasury-balance]")?.textContent?.replace(/[^0-9.]/g, "")) <
          was - 240,
        [before],
        { timeout: 20_000 },
      );
      await second.screenshot({ path: `${SHOTS}company-executed.png`, fullPage: true });
      await second.context().close();
    },
  },
  {
    name: "a hire proposed from the company page reads in words to the signers; a productivity past 1 is refused",
    async run(ctx) {
      const page = await newPage(ctx, "company hire");
      await openCompany(page, ctx.app.url, "Nia", "Maple Credit Union");
      const worker = demoAddress(ctx, "Yara");
      await page.getByLabel("Worker (a member's address)").fill(worker);
      // the hire form's occupation select (the job posting form has one too): offered by name
      const occupation = page.getByLabel("Occupation", { exact: true }).last();
      await occupation.selectOption("1");
      const chosen = (await occupation.locator("option:checked").textContent()) ?? "";
      expect(
        /^Maintenance technician \(#1\) — [\d,.]+ RSC\/h at productivity 0\.5$/.test(chosen),
        `the option should name the occupation and its wage: ${chosen}`,
      );
      await page.getByLabel(/^Productivity/).fill("2");
      await page.getByRole("button", { name: "Propose hiring" }).click();
      await page.getByTestId("hire-status").filter({ hasText: "Hiring proposal: failed" }).waitFor({ timeout: 20_000 });
      const refusal = (await page.getByTestId("hire-status").textContent()) ?? "";
      expect(refusal.includes("fraction"), `the refusal should say why: ${refusal}`);

      await page.getByLabel(/^Productivity/).fill("0.5");
      await page.getByRole("button", { name: "Propose hiring" }).click();
      await page.getByText("Hiring proposal: confirmed").waitFor({ timeout: 30_000 });
      const proposal = page
        .getByTestId("proposal")
        .filter({ hasText: `hire ${worker} as Maintenance technician (#1)` });
      await proposal.filter({ hasText: "productivity 0.5 (Shift pay)" }).waitFor({ timeout: 20_000 });
      await proposal.filter({ hasText: "1 of 2 approvals" }).waitFor();
      await page.screenshot({ path: `${SHOTS}company-hire-proposed.png`, fullPage: true });
      await page.context().close();
    },
  },
];
