import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { browserTest, signIn } from './browser.js';

const NAME = 'appeals: queue with figures, a critical appeal with highlighted evidence, confirm';

/** One attribute of every element the locator matches, in document order. */
async function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  return Promise.all((await locator.all()).map((item) => item.getAttribute(name)));
}

browserTest(NAME, 240_000, async ({ server, page, pageErrors, shot }) => {
  // 1. Sign in as the administrator, who holds every appeals permission and a national scope.
  await signIn(page, server, 'admin');

  // 2. The queue, from the navigation entry the server declares, with its figures on top.
  await page.getByTestId('nav-module-appeals').click();
  await page.getByTestId('appeal-table').waitFor();
  await page.locator('[data-testid="appeals-map"][data-rendered="true"]').waitFor();
  assert.ok(Number(await page.getByTestId('appeals-total').textContent()) > 0, 'appeals were screened');
  await page.getByTestId('appeals-by-label').waitFor();
  await shot('appeals-01-queue');

  // 3. Only new critical appeals: the filters go into the URL and the server filters the list.
  await page.getByTestId('filter-risk-critical').click();
  await page.getByTestId('filter-status').selectOption('new');
  await page.waitForURL(/risk=critical.*status=new|status=new.*risk=critical/);
  const rows = page.getByTestId('appeal-row');
  // The filtered page replaces the unfiltered one asynchronously: wait until the last non-critical row is gone.
  await page
    .locator('[data-testid="appeal-row"] [data-severity]:not([data-severity="critical"])')
    .first()
    .waitFor({ state: 'detached' });
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
  assert.match((await evidence.first().getAttribute('title')) ?? '', /\d/, 'the weight is in the tooltip');
  assert.equal(await detail.getByTestId('appeal-status').getAttribute('data-status'), 'new');
  await shot('appeals-02-detail');

  // 5. Confirm the labels: the status changes in the panel and the decision appears in the history.
  await detail.getByTestId('appeal-action-confirm').click();
  await detail.locator('[data-testid="appeal-status"][data-status="confirmed"]').waitFor();
  await detail.locator('[data-testid="appeal-history"] [data-action="confirm"]').waitFor();
  assert.equal(
    await detail.getByTestId('appeal-action-confirm').count(),
    0,
    'confirmed once, not offered again',
  );
  await shot('appeals-03-confirmed');

  // 6. The model versions, compared with the active one.
  await page.getByTestId('appeals-tab-models').click();
  await page.getByTestId('model-comparison').waitFor();
  assert.equal(await page.getByTestId('model-active').count(), 1, 'exactly one active model');
  await shot('appeals-04-models');

  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
