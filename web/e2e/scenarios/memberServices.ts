import type { Scenario } from "../run.ts";
import { connectAsDemo, expect, newPage, rscNumber, SHOTS } from "./helpers.ts";

export const memberServiceScenarios: Scenario[] = [
  {
    name: "a member buys from a company (sales tax shown), joins a housing wait-list behind those already on it, and leaves it",
    async run(ctx) {
      const page = await newPage(ctx, "member services");
      await connectAsDemo(page, ctx.app.url, "Uma");
      const before = rscNumber(await page.getByTestId("balance").textContent());
      await page.getByTestId("listings").locator("li").first().waitFor({ timeout: 20_000 });
      await page.getByTestId("listings").getByRole("button").first().click();
      await page.getByTestId("purchase-status").filter({ hasText: "confirmed" }).waitFor({ timeout: 20_000 });
      const row = page.locator("[data-testid=purchases] tbody tr").first();
      await row.waitFor({ timeout: 15_000 });
      const cells = await row.locator("td").allTextContents();
      const [price, tax] = [rscNumber(cells[2]), rscNumber(cells[3])];
      expect(price > 0 && tax > 0, `the purchase should list a price and its sales tax: ${cells.join(" | ")}`);
      await page.waitForFunction(
        ([want]) =>
          Math.abs(
            Number(document.querySelector("[data-testid=balance]")?.textContent?.replace(/[^0-9.]/g, "")) - want,
          ) < 0.011,
        [before - price - tax],
        { timeout: 10_000 },
      );

      await page.getByRole("button", { name: "Join wait-list" }).click();
      await page.getByTestId("waitlist-status").filter({ hasText: "confirmed" }).waitFor({ timeout: 20_000 });
      const places = page.getByTestId("waitlist-places");
      await places.filter({ hasText: "place" }).waitFor({ timeout: 15_000 });
      const text = (await places.textContent()) ?? "";
      const [, place, of] = text.match(/place (\d+) of (\d+)/) ?? [];
      expect(place !== undefined && place === of, `the member should be last on the wait-list: ${text}`);
      await page.screenshot({ path: `${SHOTS}member-services.png`, fullPage: true });

      // And leaves it again: the place goes, the list is back to those who were on it.
      await places.getByRole("button", { name: /^Leave the / }).click();
      await page
        .getByTestId("waitlist-status")
        .filter({ hasText: /Leaving .* confirmed/ })
        .waitFor({ timeout: 20_000 });
      await page
        .getByTestId("waitlist-places")
        .filter({ hasText: "You are on no wait-list." })
        .waitFor({ timeout: 15_000 });
      await page.context().close();
    },
  },
];
