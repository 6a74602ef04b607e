import type { Scenario } from "../run.ts";
import { expect, newPage } from "./helpers.ts";

const RUNS = 5;
/** The issue's target. Asserted only when E2E_ENFORCE_LOAD_TARGET=1: on a shared, overloaded machine it is a measurement. */
const TARGET_MS = 1_000;
const ENFORCE = process.env.E2E_ENFORCE_LOAD_TARGET === "1";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const performanceScenarios: Scenario[] = [
  {
    name: `the member page's first load is measured${ENFORCE ? ` and under ${TARGET_MS} ms` : ""} (production build, localhost)`,
    async run(ctx) {
      const loads: number[] = [];
      const usable: number[] = [];
      const ttfbs: number[] = [];
      const fcps: number[] = [];
      let scriptSize = "";
      for (let i = 0; i < RUNS; i++) {
        const page = await newPage(ctx, "performance");
        const start = Date.now();
        await page.goto(`${ctx.app.url}/member`, { waitUntil: "load" });
        // Usable: hydrated and the demo accounts fetched (the picker lists them).
        await page.getByLabel("Act as").locator("option", { hasText: "Ada" }).waitFor({ state: "attached" });
        usable.push(Date.now() - start);
        const timing = await page.evaluate(() => {
          const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
          const fcp = performance.getEntriesByName("first-contentful-paint")[0];
          const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
            (r) => r.initiatorType === "script",
          );
          return {
            load: Math.round(nav.loadEventEnd - nav.startTime),
            ttfb: Math.round(nav.responseStart - nav.startTime),
            fcp: Math.round(fcp?.startTime ?? -1),
            scriptKb: Math.round(scripts.reduce((n, r) => n + r.transferSize, 0) / 1024),
            scriptRawKb: Math.round(scripts.reduce((n, r) => n + r.decodedBodySize, 0) / 1024),
          };
        });
        loads.push(timing.load);
        ttfbs.push(timing.ttfb);
        fcps.push(timing.fcp);
        scriptSize = `${timing.scriptKb} KiB transferred (${timing.scriptRawKb} KiB uncompressed)`;
        await page.context().close();
      }
      const [load1] = await import("node:os").then((os) => os.loadavg());
      ctx.figures.push(
        `member page first load, fresh browser context, ${RUNS} runs (machine load average ${load1.toFixed(1)}):`,
        `  time to first byte median ${median(ttfbs)} ms; first contentful paint median ${median(fcps)} ms [${fcps.join(", ")}]`,
        `  load event median ${median(loads)} ms [${loads.join(", ")}]; scripts ${scriptSize}`,
        `  usable (hydrated, demo accounts listed) median ${median(usable)} ms [${usable.join(", ")}]`,
      );
      ctx.figures.push(`  target: load event under ${TARGET_MS} ms — ${median(loads) < TARGET_MS ? "met" : "MISSED"}`);
      if (ENFORCE) expect(median(loads) < TARGET_MS, `median load ${median(loads)} ms is over ${TARGET_MS} ms`);
    },
  },
];
