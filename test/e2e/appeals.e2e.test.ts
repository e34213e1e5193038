import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
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
const NAME = 'appeals: queue with figures, a critical appeal with highlighted evidence, confirm';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: false });
}

/** One attribute of every element the locator matches, in document order. */
async function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  return Promise.all((await locator.all()).map((item) => item.getAttribute(name)));
}

if (!existsSync(CHROMIUM)) {
  test(NAME, { skip: `${CHROMIUM} not found (apt-get install chromium)` }, () => {});
} else {
  test(NAME, { timeout: 240_000 }, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    let server: TestServer | undefined;
    let browser: Browser | undefined;
    try {
      // Needs the appeals module mounted and its demo appeals seeded (installedModules and module.seedDemo).
      server = await startTestServer();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));

      // 1. Sign in as the administrator, who holds every appeals permission and a national scope.
      await page.goto(server.url);
      await page.getByTestId('sign-in-username').fill('admin');
      await page.getByTestId('sign-in-password').fill(server.adminPassword);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('current-user').waitFor();

      // 2. The queue, from the navigation entry the server declares, with its figures on top.
      await page.getByTestId('nav-module-appeals').click();
      await page.getByTestId('appeal-table').waitFor();
      await page.locator('[data-testid="appeals-map"][data-rendered="true"]').waitFor();
      assert.ok(Number(await page.getByTestId('appeals-total').textContent()) > 0, 'appeals were screened');
      await page.getByTestId('appeals-by-label').waitFor();
      await shot(page, 'appeals-01-queue');

      // 3. Only new critical appeals: the filters go into the URL and the server filters the list.
      await page.getByTestId('filter-risk-critical').click();
      await page.getByTestId('filter-status').selectOption('new');
      await page.waitForURL(/risk=critical/);
      const rows = page.getByTestId('appeal-row');
      await page.locator('[data-testid="appeal-row"] [data-severity="critical"]').first().waitFor();
      const severities = await attributes(rows.locator('[data-severity]'), 'data-severity');
      assert.ok(severities.length > 0, 'the demo world has critical appeals');
      assert.deepEqual([...new Set(severities)], ['critical']);

      // 4. Open the first: its text shows the model's evidence, marked in the colour of each label.
      const row = rows.first();
      const id = await row.getAttribute('data-key');
      await row.getByTestId('appeal-link').click();
      await page.waitForURL(new RegExp(`/appeals/${id ?? ''}`));
      const detail = page.getByTestId('appeal-detail');
      await detail.getByTestId('appeal-detail-title').waitFor();
      await detail.getByTestId('appeal-audit-note').waitFor();
      const evidence = detail.getByTestId('evidence');
      await evidence.first().waitFor();
      const labels = await attributes(
        detail.getByTestId('appeal-detail-labels').getByTestId('appeal-label'),
        'data-label',
      );
      assert.ok(labels.length > 0, 'a critical appeal carries at least one label');
      const marked = await attributes(evidence, 'data-label');
      assert.ok(
        marked.some((label) => labels.includes(label)),
        `evidence for ${labels.join(', ')} is highlighted (found ${marked.join(', ')})`,
      );
      assert.match(
        (await evidence.first().getAttribute('title')) ?? '',
        /\d/,
        'the weight is in the tooltip',
      );
      assert.equal(await detail.getByTestId('appeal-status').getAttribute('data-status'), 'new');
      await shot(page, 'appeals-02-detail');

      // 5. Confirm the labels: the status changes in the panel and the decision appears in the history.
      await detail.getByTestId('appeal-action-confirm').click();
      await detail.locator('[data-testid="appeal-status"][data-status="confirmed"]').waitFor();
      await detail.locator('[data-testid="appeal-history"] [data-action="confirm"]').waitFor();
      assert.equal(
        await detail.getByTestId('appeal-action-confirm').count(),
        0,
        'confirmed once, not offered again',
      );
      await shot(page, 'appeals-03-confirmed');

      // 6. The model versions, compared with the active one.
      await page.getByTestId('appeals-tab-models').click();
      await page.getByTestId('model-comparison').waitFor();
      assert.equal(await page.getByTestId('model-active').count(), 1, 'exactly one active model');
      await shot(page, 'appeals-04-models');

      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await browser?.close();
      await server?.stop();
    }
  });
}
