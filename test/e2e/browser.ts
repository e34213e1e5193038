import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from './server.js';

// The system's Chromium (Debian package), never a downloaded browser: this runs with no network.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export interface BrowserSession {
  server: TestServer;
  page: Page;
  /** Uncaught errors thrown in the page so far. */
  pageErrors: string[];
  shot: (name: string) => Promise<void>;
}

/**
 * A browser test against the real server with its demo world: skipped with the reason where Chromium is missing,
 * and the server and browser closed whatever happens.
 */
export function browserTest(
  name: string,
  timeout: number,
  body: (session: BrowserSession) => Promise<void>,
): void {
  if (!existsSync(CHROMIUM)) {
    test(name, { skip: `${CHROMIUM} not found (apt-get install chromium)` }, () => {});
    return;
  }
  test(name, { timeout }, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    let server: TestServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startTestServer();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const shot = async (file: string) => {
        await page.screenshot({ path: `${SCREENSHOTS}${file}.png`, fullPage: false });
      };
      await body({ server, page, pageErrors, shot });
    } finally {
      await browser?.close();
      await server?.stop();
    }
  });
}

/** Signs in through the form; `beforeSubmit` runs with the form filled (e.g. for a screenshot). */
export async function signIn(
  page: Page,
  server: TestServer,
  username: string,
  beforeSubmit?: () => Promise<void>,
): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(server.adminPassword);
  await beforeSubmit?.();
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('current-user').waitFor();
}
