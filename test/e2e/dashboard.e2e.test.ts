import assert from 'node:assert/strict';
import { browserTest, signIn } from './browser.js';

const NAME = 'dashboard: sign in, map, live inbox, acknowledge';

browserTest(NAME, 180_000, async ({ server, page, pageErrors, shot }) => {
  // 1. Sign in as admin.
  await signIn(page, server, 'admin', () => shot('01-sign-in'));

  // 2. The overview draws Kazakhstan's 20 regions on an ECharts canvas.
  const map = page.getByTestId('kz-map');
  await map.locator('canvas').first().waitFor();
  await page.locator('[data-testid="kz-map"][data-rendered="true"]').waitFor();
  assert.equal(await map.getAttribute('data-regions'), '20');
  assert.equal(await page.getByTestId('region-table').locator('tbody tr').count(), 20);
  await shot('02-overview-map');

  // 3. The inbox, connected to the live stream.
  await page.getByTestId('nav-alerts').click();
  await page.getByTestId('alert-table').waitFor();
  await page.locator('[data-testid="live-indicator"][data-status="open"]').waitFor();
  await shot('03-inbox');

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
  await shot('04-live-alert');

  // 5. Open it: the detail panel shows the title, the explanation and the evidence.
  await row.getByTestId('alert-link').click();
  const detail = page.getByTestId('alert-detail');
  await detail.getByTestId('alert-detail-title').filter({ hasText: title }).waitFor();
  await detail.getByTestId('alert-evidence').waitFor();
  assert.equal(await detail.getByTestId('alert-status').getAttribute('data-status'), 'new');
  await shot('05-alert-detail');

  // 6. Acknowledge it: the status changes in the panel and in the list.
  await detail.getByTestId('action-acknowledge').click();
  await detail.locator('[data-testid="alert-status"][data-status="acknowledged"]').waitFor();
  await row.locator('[data-testid="alert-status"][data-status="acknowledged"]').waitFor();
  await detail.locator('[data-testid="alert-history"] [data-to-status="acknowledged"]').waitFor();
  await shot('06-acknowledged');

  // 7. The language switch applies at once and is remembered across a reload.
  await page.getByTestId('lang-kk').click();
  await page.locator('html[lang="kk"]').waitFor({ state: 'attached' });
  await page.reload();
  await page.getByTestId('alert-detail').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'kk');
  assert.equal(await page.getByTestId('nav-alerts').textContent(), 'Сигналдар');
  await shot('07-kazakh');

  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
