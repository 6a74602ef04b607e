/**
 * The dashboard's end-to-end run: a demo region in-process, the production build of web/, and
 * Debian's Chromium driving it. Prints "N passed, N failed" and exits non-zero on any failure.
 * E2E_SKIP_BUILD=1 reuses an existing web/.next build; E2E_ONLY=word runs the scenarios whose name has it.
 */
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { buildApp, type RunningApp, startApp } from "./app.ts";
import { ConsoleWatch, launchChromium } from "./browser.ts";
import { type DemoRegion, startDemoRegion } from "./region.ts";
import { auditScenarios, phoneScenarios } from "./scenarios/audit.ts";
import { companyScenarios } from "./scenarios/company.ts";
import { demoGateScenarios } from "./scenarios/demoGate.ts";
import { memberScenarios } from "./scenarios/member.ts";
import { memberServiceScenarios } from "./scenarios/memberServices.ts";
import { performanceScenarios } from "./scenarios/performance.ts";
import { publicScenarios } from "./scenarios/public.ts";
import { voteScenarios } from "./scenarios/vote.ts";
import { workerScenarios } from "./scenarios/worker.ts";

export const SHOTS = new URL("../../test-results/e2e/", import.meta.url).pathname;

export interface E2EContext {
  region: DemoRegion;
  app: RunningApp;
  browser: Browser;
  watch: ConsoleWatch;
  /** Measured figures to print at the end. */
  figures: string[];
}

export interface Scenario {
  name: string;
  run(ctx: E2EContext): Promise<void>;
}

const port = () => 20_000 + Math.floor(Math.random() * 20_000);
const results: { name: string; error?: string }[] = [];

async function main(): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const started = Date.now();
  const region = await startDemoRegion(port());
  console.log(`region: ${region.rpcUrl} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  let app: RunningApp | undefined;
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    if (!process.env.E2E_SKIP_BUILD) {
      const t = Date.now();
      await buildApp();
      console.log(`next build web: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    app = await startApp(port(), { CONDUCTOR_DEMO: "1", CONDUCTOR_DEMO_FILE: region.demoFile });
    chromium = await launchChromium();
    const ctx: E2EContext = { region, app, browser: chromium.browser, watch: new ConsoleWatch(), figures: [] };
    // The vote scenario moves the chain's clock forward by days (voting delay, period, timelock): it
    // runs after the scenarios that depend on today's date; the audit then checks everything done.
    const scenarios = [
      ...memberScenarios,
      ...memberServiceScenarios,
      ...workerScenarios,
      ...publicScenarios,
      ...demoGateScenarios,
      ...companyScenarios,
      ...voteScenarios,
      ...auditScenarios,
      ...phoneScenarios,
      ...performanceScenarios,
    ];
    // E2E_ONLY=word runs only the scenarios whose name contains it (while working on one).
    const only = process.env.E2E_ONLY?.toLowerCase();
    for (const scenario of scenarios.filter((s) => !only || s.name.toLowerCase().includes(only))) {
      try {
        await scenario.run(ctx);
        results.push({ name: scenario.name });
        console.log(`  ✓ ${scenario.name}`);
      } catch (error) {
        results.push({ name: scenario.name, error: (error as Error).message });
        console.log(`  ✗ ${scenario.name}\n      ${(error as Error).message.split("\n").join("\n      ")}`);
      }
    }
    const problems = ctx.watch.problems;
    results.push(
      problems.length
        ? { name: "no console errors or hydration warnings", error: problems.join("\n") }
        : { name: "no console errors or hydration warnings" },
    );
    console.log(
      `  ${problems.length ? "✗" : "✓"} no console errors or hydration warnings${problems.length ? `\n      ${problems.join("\n      ")}` : ""}`,
    );
    for (const figure of ctx.figures) console.log(`  ${figure}`);
  } finally {
    await chromium?.close();
    await app?.stop();
    await region.stop();
  }
}

try {
  await main();
} catch (error) {
  results.push({ name: "setup", error: (error as Error).stack ?? String(error) });
  console.error(`setup failed: ${(error as Error).stack ?? error}`);
}
const failed = results.filter((r) => r.error).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
