import type { Page } from "playwright-core";
import type { Scenario } from "../run.ts";
import { connectAsDemo, expect, newPage, rscNumber, SHOTS } from "./helpers.ts";

/** "12.3456 RSC" of the live accrual → number. */
async function owed(page: Page, id: number): Promise<number> {
  return rscNumber(await page.getByTestId(`owed-${id}`).textContent());
}

export const workerScenarios: Scenario[] = [
  {
    name: "a worker clocks in, sees pay accrue by the second, clocks out and withdraws (net and tax shown)",
    async run(ctx) {
      const shift = ctx.region.employments.find((e) => e.mode === "Shift");
      expect(shift, "the demo seed should have a worker on shift");
      const id = shift.employmentId;
      const page = await newPage(ctx, "worker");
      await connectAsDemo(page, ctx.app.url, shift.worker);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Worker" }).click();
      const card = page.getByTestId(`employment-${id}`);
      await card.waitFor({ timeout: 20_000 });
      // the card names the occupation as the wage schedule does on-chain
      await page
        .getByTestId(`occupation-${id}`)
        .filter({ hasText: new RegExp(`^${shift.occupation} \\(#\\d+\\)$`) })
        .waitFor({ timeout: 20_000 });
      const tx = page.getByTestId(`tx-${id}`);
      // The seed clocked this worker in: clock out first so the scenario starts off shift.
      if ((await page.getByTestId(`shift-${id}`).textContent())?.includes("On shift")) {
        await card.getByRole("button", { name: "Clock out" }).click();
        await tx.filter({ hasText: "Clock out: confirmed" }).waitFor({ timeout: 20_000 });
        await page.getByTestId(`shift-${id}`).filter({ hasText: "Off shift" }).waitFor();
      }
      await card.getByRole("button", { name: "Clock in" }).click();
      await tx.filter({ hasText: "Clock in: confirmed" }).waitFor({ timeout: 20_000 });
      await page.getByTestId(`shift-${id}`).filter({ hasText: "On shift" }).waitFor();
      const first = await owed(page, id);
      await page.waitForTimeout(3_000);
      const later = await owed(page, id);
      expect(later > first, `pay should accrue on shift: ${first} then ${later} RSC 3 s later`);
      await page.screenshot({ path: `${SHOTS}worker-on-shift.png`, fullPage: true });

      await card.getByRole("button", { name: "Clock out" }).click();
      await tx.filter({ hasText: "Clock out: confirmed" }).waitFor({ timeout: 20_000 });
      await page.getByTestId(`shift-${id}`).filter({ hasText: "Off shift" }).waitFor();
      const preview = (await page.getByTestId(`withdraw-preview-${id}`).textContent()) ?? "";
      expect(/net; .* income tax goes to the capital pool/.test(preview), `withdraw preview: ${preview}`);
      const stubsBefore = await page.locator("[data-testid=paystubs] tbody tr").count();
      await card.getByRole("button", { name: "Withdraw" }).click();
      await tx.filter({ hasText: "Withdraw: confirmed" }).waitFor({ timeout: 20_000 });
      await page.waitForFunction(
        ([before]) => document.querySelectorAll("[data-testid=paystubs] tbody tr").length > before,
        [stubsBefore],
        { timeout: 15_000 },
      );
      const stub = (await page.locator("[data-testid=paystubs] tbody tr").first().textContent()) ?? "";
      expect(stub.includes(shift.company), `the newest pay stub should name ${shift.company}: ${stub}`);
      await page
        .getByTestId(`owed-${id}`)
        .filter({ hasText: /^0\.0000 RSC$/ })
        .waitFor({ timeout: 15_000 });
      await page.screenshot({ path: `${SHOTS}worker-withdrawn.png`, fullPage: true });
      await page.context().close();
    },
  },
  {
    name: "the worker page works at phone width",
    async run(ctx) {
      const shift = ctx.region.employments.find((e) => e.mode === "Timesheet") ?? ctx.region.employments[0];
      const page = await newPage(ctx, "worker phone", 390, 844);
      await connectAsDemo(page, ctx.app.url, shift.worker);
      await page.goto(`${ctx.app.url}/worker`);
      await page.getByTestId(`employment-${shift.employmentId}`).waitFor({ timeout: 20_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `the worker page scrolls sideways by ${overflow}px at 390px width`);
      await page.screenshot({ path: `${SHOTS}worker-phone.png`, fullPage: true });
      await page.context().close();
    },
  },
];
