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
