import assert from 'node:assert/strict';
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
const NAME = 'dashboard: sign in, map, live inbox, acknowledge';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: false });
}

if (!existsSync(CHROMIUM)) {
  test(NAME, { skip: `${CHROMIUM} not found (apt-get install chromium)` }, () => {});
} else {
  test(NAME, { timeout: 180_000 }, async () => {
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

      // 1. Sign in as admin.
      await page.goto(server.url);
      await page.getByTestId('sign-in-username').fill('admin');
      await page.getByTestId('sign-in-password').fill(server.adminPassword);
      await shot(page, '01-sign-in');
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('current-user').waitFor();

      // 2. The overview draws Kazakhstan's 20 regions on an ECharts canvas.
      const map = page.getByTestId('kz-map');
      await map.locator('canvas').first().waitFor();
      await page.locator('[data-testid="kz-map"][data-rendered="true"]').waitFor();
      assert.equal(await map.getAttribute('data-regions'), '20');
      assert.equal(await page.getByTestId('region-table').locator('tbody tr').count(), 20);
      await shot(page, '02-overview-map');

      // 3. The inbox, connected to the live stream.
      await page.getByTestId('nav-alerts').click();
      await page.getByTestId('alert-table').waitFor();
      await page.locator('[data-testid="live-indicator"][data-status="open"]').waitFor();
      await shot(page, '03-inbox');

      // 4. An alert raised on the server appears without a reload, highlighted as new.
      const title = `E2E ${Date.now()}: угроза убийством в обращении`;
      const created = await server.createAlert({ title });
      const row = page.locator(`[data-testid="alert-row"][data-key="${created.id}"]`);
      await row.waitFor();
      assert.match((await row.getAttribute('class')) ?? '', /is-highlighted/);
      assert.equal(
        await page.getByTestId('alert-row').first().getAttribute('data-key'),
        created.id,
        'newest on top',
      );
      await shot(page, '04-live-alert');

      // 5. Open it: the detail panel shows the title, the explanation and the evidence.
      await row.getByTestId('alert-link').click();
      const detail = page.getByTestId('alert-detail');
      await detail.getByTestId('alert-detail-title').filter({ hasText: title }).waitFor();
      await detail.getByTestId('alert-evidence').waitFor();
      assert.equal(await detail.getByTestId('alert-status').getAttribute('data-status'), 'new');
      await shot(page, '05-alert-detail');

      // 6. Acknowledge it: the status changes in the panel and in the list.
      await detail.getByTestId('action-acknowledge').click();
      await detail.locator('[data-testid="alert-status"][data-status="acknowledged"]').waitFor();
      await row.locator('[data-testid="alert-status"][data-status="acknowledged"]').waitFor();
      await detail.locator('[data-testid="alert-history"] [data-to-status="acknowledged"]').waitFor();
      await shot(page, '06-acknowledged');

      // 7. The language switch applies at once and is remembered across a reload.
      await page.getByTestId('lang-kk').click();
      await page.locator('html[lang="kk"]').waitFor({ state: 'attached' });
      await page.reload();
      await page.getByTestId('alert-detail').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'kk');
      assert.equal(await page.getByTestId('nav-alerts').textContent(), 'Сигналдар');
      await shot(page, '07-kazakh');

      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await browser?.close();
      await server?.stop();
    }
  });
}
