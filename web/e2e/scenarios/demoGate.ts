import { startApp } from "../app.ts";
import type { Scenario } from "../run.ts";
import { expect, newPage, SHOTS } from "./helpers.ts";

export const demoGateScenarios: Scenario[] = [
  {
    name: "the demo route serves the demo accounts on the local demo chain",
    async run(ctx) {
      const response = await fetch(`${ctx.app.url}/api/demo`);
      expect(response.status === 200, `GET /api/demo: ${response.status}`);
      const body = (await response.json()) as { chainId: number; accounts: { name: string }[] };
      expect(
        body.chainId === 31337 && body.accounts.some((a) => a.name === "Ada"),
        "the demo accounts should be listed",
      );
    },
  },
  {
    name: "with demo mode off, the picker is absent and the demo route refuses",
    async run(ctx) {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const app = await startApp(port, {
        CONDUCTOR_DEMO: "0",
        CONDUCTOR_RPC_URL: ctx.region.rpcUrl,
        CONDUCTOR_DEPLOYMENT: ctx.region.deploymentFile,
      });
      try {
        const response = await fetch(`${app.url}/api/demo`);
        expect(response.status === 403, `GET /api/demo with demo mode off: ${response.status}, expected 403`);
        const page = await newPage(ctx, "demo off");
        await page.goto(`${app.url}/member`);
        await page.getByRole("heading", { name: "Connect" }).waitFor();
        await page.getByRole("button", { name: "Browser wallet" }).waitFor();
        expect((await page.getByText("local demo only").count()) === 0, "no demo picker when demo mode is off");
        await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
        await page.getByRole("button", { name: "Browser wallet" }).click();
        await page.getByRole("alert").filter({ hasText: "no browser wallet found" }).waitFor();
        await page.screenshot({ path: `${SHOTS}member-no-demo.png`, fullPage: true });
        await page.context().close();
      } finally {
        await app.stop();
      }
    },
  },
];
