import { createPublicClient, http } from "viem";
import type { Scenario } from "../run.ts";
import { connectAsDemo, demoAddress, expect, newPage, rscNumber, SHOTS } from "./helpers.ts";

export const memberScenarios: Scenario[] = [
  {
    name: "a member pays a member: the balance changes on screen",
    async run(ctx) {
      const page = await newPage(ctx, "member pays member");
      await connectAsDemo(page, ctx.app.url, "Ada");
      const before = rscNumber(await page.getByTestId("balance").textContent());
      await page.getByLabel("Recipient address").fill(demoAddress(ctx, "Bo"));
      await page.getByLabel("Amount (RSC)").fill("12.5");
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByTestId("send-status").filter({ hasText: "confirmed" }).waitFor({ timeout: 20_000 });
      const expected = Math.round((before - 12.5) * 100) / 100;
      await page.waitForFunction(
        ([want]) =>
          Number(document.querySelector("[data-testid=balance]")?.textContent?.replace(/[^0-9.]/g, "")) === want,
        [expected],
        { timeout: 10_000 },
      );
      await page.screenshot({ path: `${SHOTS}member-paid.png`, fullPage: true });
      await page.context().close();
    },
  },
  {
    name: "a member's payment to a company is refused before signing, with the reason",
    async run(ctx) {
      const page = await newPage(ctx, "member pays company");
      await connectAsDemo(page, ctx.app.url, "Cleo");
      const client = createPublicClient({ transport: http(ctx.region.rpcUrl) });
      const blockBefore = await client.getBlockNumber();
      await page.getByLabel("Recipient address").fill(demoAddress(ctx, "Acme Steel"));
      await page.getByLabel("Amount (RSC)").fill("5");
      await page.getByRole("button", { name: "Send" }).click();
      const refusal = page.getByTestId("send-refusal");
      await refusal.waitFor();
      const text = (await refusal.textContent()) ?? "";
      expect(
        text.includes(
          "Acme Steel is a company: RSC moves directly only between persons; buy from a company through a purchase",
        ),
        `refusal should name the company and the rule, got: ${text}`,
      );
      expect((await page.getByTestId("send-status").textContent()) === "", "no transaction should have been started");
      expect((await client.getBlockNumber()) === blockBefore, "no transaction should have reached the chain");
      await page.screenshot({ path: `${SHOTS}member-refused-company.png`, fullPage: true });
      await page.context().close();
    },
  },
  {
    name: "the member page works at phone width",
    async run(ctx) {
      const page = await newPage(ctx, "member phone", 390, 844);
      await connectAsDemo(page, ctx.app.url, "Dev");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `the page scrolls sideways by ${overflow}px at 390px width`);
      await page.screenshot({ path: `${SHOTS}member-phone.png`, fullPage: true });
      await page.context().close();
    },
  },

  {
    name: "a member claims UBI: confirmed, balance up by the UBI amount, next claim date shown",
    async run(ctx) {
      const page = await newPage(ctx, "ubi");
      await connectAsDemo(page, ctx.app.url, "Milo");
      await page.getByTestId("ubi-next").filter({ hasText: "You can claim now" }).waitFor();
      const before = rscNumber(await page.getByTestId("balance").textContent());
      await page.getByRole("button", { name: "Claim UBI" }).click();
      await page.getByText("UBI claim: confirmed").waitFor({ timeout: 20_000 });
      await page.getByTestId("ubi-next").filter({ hasText: "Next claim:" }).waitFor();
      await page.waitForFunction(
        ([want]) =>
          Number(document.querySelector("[data-testid=balance]")?.textContent?.replace(/[^0-9.]/g, "")) === want,
        [before + 200],
        { timeout: 10_000 },
      );
      await page.context().close();
    },
  },
  {
    name: "a redemption is requested and listed; one past the balance fails with the reason in plain words",
    async run(ctx) {
      const page = await newPage(ctx, "redemption");
      await connectAsDemo(page, ctx.app.url, "Eli");
      await page.getByLabel("Redeem (RSC)").fill("100");
      await page.getByRole("button", { name: "Request redemption" }).click();
      await page.getByText("Redemption request: confirmed").waitFor({ timeout: 20_000 });
      const row = page.locator("table tr", { hasText: "100.00 RSC" }).filter({ hasText: "Pending" });
      await row.waitFor();
      await page.getByLabel("Redeem (RSC)").fill("1000000");
      await page.getByRole("button", { name: "Request redemption" }).click();
      const failed = page.getByText("Redemption request: failed");
      await failed.waitFor({ timeout: 20_000 });
      const text = (await failed.textContent()) ?? "";
      expect(text.includes("insufficient balance"), `the failure should be decoded, got: ${text}`);
      await page.screenshot({ path: `${SHOTS}member-redemption.png`, fullPage: true });
      await page.context().close();
    },
  },

  {
    name: "keyboard only: skip link first, every field labelled, connect and reach the send form",
    async run(ctx) {
      const page = await newPage(ctx, "keyboard");
      await page.goto(`${ctx.app.url}/member`);
      await page.getByLabel("Act as").locator("option", { hasText: "Fern" }).waitFor({ state: "attached" });
      await page.screenshot({ path: `${SHOTS}member-connect.png`, fullPage: true });
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => document.activeElement?.textContent);
      expect(first === "Skip to content", `the first Tab should reach the skip link, reached "${first}"`);
      await page.getByLabel("Act as").focus();
      await page.keyboard.type("Fern");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.getByTestId("connected-as").filter({ hasText: "Fern" }).waitFor();
      const unlabelled = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll("input, select")).filter(
            (e) => (e as HTMLInputElement).labels?.length === 0,
          ).length,
      );
      expect(unlabelled === 0, `${unlabelled} form fields have no label`);
      await page.getByLabel("Recipient address").focus();
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute("name") === "to"),
        "the recipient field should take focus",
      );
      await page.context().close();
    },
  },
];
