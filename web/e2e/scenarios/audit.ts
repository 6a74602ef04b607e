import type { Scenario } from "../run.ts";
import { expect, newPage, SHOTS } from "./helpers.ts";

export const auditScenarios: Scenario[] = [
  {
    name: "the audit page runs the SDK auditor over the whole chain and the region passes",
    async run(ctx) {
      const page = await newPage(ctx, "audit");
      const started = Date.now();
      await page.goto(`${ctx.app.url}/audit`);
      const status = page.getByTestId("audit-status");
      await status.waitFor({ timeout: 60_000 });
      const text = (await status.textContent()) ?? "";
      const violations = await page.locator("[data-testid=audit-violations] tbody tr").allTextContents();
      expect(text.startsWith("Passed"), `the audit should pass, got: ${text}\n${violations.join("\n")}`);
      ctx.figures.push(`audit page: whole chain audited and shown in ${Date.now() - started} ms`);
      await page.screenshot({ path: `${SHOTS}audit-passed.png`, fullPage: true });
      await page.context().close();
    },
  },
];

/** The pages added with the worker, vote and audit views keep to the phone's width. */
export const phoneScenarios: Scenario[] = [
  {
    name: "the vote and audit pages work at phone width",
    async run(ctx) {
      const page = await newPage(ctx, "vote/audit phone", 390, 844);
      await page.goto(`${ctx.app.url}/vote`);
      await page.getByTestId("vote-parameters").waitFor({ timeout: 20_000 });
      await page.getByTestId("proposals").or(page.getByText("No proposal yet.")).first().waitFor({ timeout: 20_000 });
      let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `the vote page scrolls sideways by ${overflow}px at 390px width`);
      await page.screenshot({ path: `${SHOTS}vote-phone.png`, fullPage: true });
      await page.goto(`${ctx.app.url}/audit`);
      await page.getByTestId("audit-status").waitFor({ timeout: 60_000 });
      overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `the audit page scrolls sideways by ${overflow}px at 390px width`);
      await page.screenshot({ path: `${SHOTS}audit-phone.png`, fullPage: true });
      await page.context().close();
    },
  },
];
