import { type Browser, chromium, type Page } from "playwright-core";

/**
 * Debian's Chromium, headless, with a fresh profile: Playwright gives every launch its own new
 * temporary --user-data-dir (it refuses the flag in `args`), and each test page gets a new context.
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** Every console error, page error and hydration warning a page produces, tagged with where. */
export class ConsoleWatch {
  readonly problems: string[] = [];

  watch(page: Page, where: string): Page {
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" || /hydrat/i.test(text))
        this.problems.push(`${where}: console.${message.type()}: ${text}`);
    });
    page.on("pageerror", (error) => this.problems.push(`${where}: uncaught: ${error.message}`));
    return page;
  }
}
