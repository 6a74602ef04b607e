import type { Scenario } from "../run.ts";
import { expect, newPage, SHOTS } from "./helpers.ts";

export const publicScenarios: Scenario[] = [
  {
    name: "the public page shows the transfer explorer, filterable by action",
    async run(ctx) {
      const page = await newPage(ctx, "public");
      await page.goto(`${ctx.app.url}/public`);
      const explorer = page.getByTestId("explorer");
      await explorer.locator("tbody tr").first().waitFor();
      const all = await explorer.locator("tbody tr").count();
      expect(all > 30, `expected the seeded history (over 30 movements), saw ${all}`);
      const paid = explorer
        .locator("tbody tr", { hasText: "Ada" })
        .filter({ hasText: "Bo" })
        .filter({ hasText: "12.50 RSC" });
      // Names arrive after the first rows (they are looked up separately): wait for the row.
      await paid
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(() => undefined);
      expect((await paid.count()) >= 1, "the explorer should list Ada's payment of 12.50 RSC to Bo");

      await page.getByLabel("Action").selectOption("Ubi");
      const ubiKinds = await explorer.locator("tbody tr td:nth-child(2)").allTextContents();
      // 12 seeded claims, plus any claim an earlier scenario made.
      expect(ubiKinds.length >= 12 && ubiKinds.every((k) => k === "Ubi"), `Ubi filter: ${ubiKinds.join(",")}`);
      const counted = await page.getByTestId("explorer-count").textContent();
      expect(counted === `${ubiKinds.length} movements`, `count line "${counted}" vs ${ubiKinds.length} rows`);

      await page.getByLabel("Action").selectOption("Direct");
      const direct = await explorer.locator("tbody tr td:nth-child(2)").allTextContents();
      expect(direct.length >= 31 && direct.every((k) => k === "Direct"), `Direct filter: ${direct.length} rows`);

      const params = page.getByTestId("parameters");
      await params.locator("tr", { hasText: "SalesTaxRate" }).filter({ hasText: "8 %" }).waitFor();
      await page.getByTestId("pool-balance").waitFor();
      // What backs RSC: the demo's reserves cover its supply, so no shortfall is shown.
      const backing = page.getByTestId("backing");
      await backing.getByText("RSC in circulation").waitFor({ timeout: 20_000 });
      await backing.getByText("USD reserves attested").waitFor();
      expect((await page.getByTestId("shortfall").count()) === 0, "the demo region is fully backed");
      expect((await page.locator("svg.chart path.line").count()) === 1, "the capital pool chart should be drawn");
      await page.getByLabel("Action").selectOption("All");
      await page.screenshot({ path: `${SHOTS}public.png`, fullPage: true });
      await page.context().close();
    },
  },
  {
    name: "the public page works at phone width",
    async run(ctx) {
      const page = await newPage(ctx, "public phone", 390, 844);
      await page.goto(`${ctx.app.url}/public`);
      await page.getByTestId("explorer").locator("tbody tr").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `the page scrolls sideways by ${overflow}px at 390px width`);
      await page.screenshot({ path: `${SHOTS}public-phone.png`, fullPage: true });
      await page.context().close();
    },
  },
];
