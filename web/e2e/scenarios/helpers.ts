import type { Page } from "playwright-core";
import type { E2EContext } from "../run.ts";

export const SHOTS = new URL("../../../test-results/e2e/", import.meta.url).pathname;

/** Asserts `condition`, with a message saying what was expected. */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** A fresh page (own context: no shared storage) whose console is watched. */
export async function newPage(ctx: E2EContext, where: string, width = 1280, height = 900): Promise<Page> {
  const context = await ctx.browser.newContext({ viewport: { width, height } });
  return ctx.watch.watch(await context.newPage(), where);
}

/** The demo person's address, by name. */
export function demoAddress(ctx: E2EContext, name: string): string {
  const found = ctx.region.accounts.find((a) => a.name === name) ?? ctx.region.companies.find((c) => c.name === name);
  if (!found) throw new Error(`no demo account or company named ${name}`);
  return found.address;
}

/** "1,234.50 RSC" → 1234.5 */
export function rscNumber(text: string | null): number {
  return Number((text ?? "").replace(/[^0-9.]/g, ""));
}

/** Connects as a demo person through the local demo picker on the member page. */
export async function connectAsDemo(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/member`);
  await page.getByLabel("Act as").selectOption({ label: `${name} (member)` });
  await page.getByRole("button", { name: "Use demo account" }).click();
  await page.getByTestId("connected-as").filter({ hasText: name }).waitFor();
  await page.getByTestId("balance").filter({ hasText: "RSC" }).waitFor();
}
