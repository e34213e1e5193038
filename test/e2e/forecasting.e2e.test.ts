import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserTest, signIn } from './browser.js';

const NAME = 'forecasting: map, drill into Almaty, forecast, departures, a decision, a liaison subscription';

/** GET a path with the browser's session cookie, as the dashboard would; the context has no base URL. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(new URL(path, page.url()).href);
  assert.equal(res.status(), 200, `GET ${path}`);
  return (await res.json()) as T;
}

browserTest(NAME, 300_000, async ({ server, page, pageErrors, shot }) => {
  // 1. An analyst (national scope, may record decisions) opens the module from the navigation, in English.
  await signIn(page, server, 'analyst');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-module-forecasting').click();
  await page.getByTestId('forecasting-page').waitFor();
  assert.match((await page.getByTestId('fc-caveat').textContent()) ?? '', /Registered offences, not crime/);

  // 2. The choropleth draws the 20 regions, and the measure switch redraws it.
  await page.locator('[data-testid="fc-map"][data-rendered="true"]').waitFor();
  assert.equal(await page.getByTestId('fc-map').getAttribute('data-regions'), '20');
  await page.getByTestId('fc-measure').locator('[data-value="change"]').click();
  await page.waitForURL(/measure=change/);
  await page.locator('[data-testid="fc-map"][data-measure="change"][data-rendered="true"]').waitFor();
  await page.getByTestId('fc-measure').locator('[data-value="rate"]').click();
  await page.locator('[data-testid="fc-map"][data-measure="rate"][data-rendered="true"]').waitFor();

  // 3. Drill into Almaty from the table of regions: the URL, the breadcrumb and the next level down follow.
  await page
    .locator('[data-testid="fc-child-region"][data-key="KZ-75"]')
    .getByTestId('fc-child-link')
    .click();
  await page.waitForURL(/region=KZ-75/);
  await page.getByTestId('fc-area-trail-current').filter({ hasText: 'Almaty' }).waitFor();
  await page.getByTestId('fc-children-district').waitFor();
  assert.ok((await page.getByTestId('fc-child-district').count()) > 1, 'Almaty is broken down by district');

  // 4. The series chart shows Almaty's history with a 12-month forecast, and says which model won and why.
  await page.getByTestId('fc-series-title').filter({ hasText: 'Almaty' }).waitFor();
  const series = page.locator('[data-testid="fc-series"][data-rendered="true"]');
  await series.waitFor();
  assert.equal(await series.getAttribute('data-forecast'), '12');
  assert.ok(((await page.getByTestId('fc-model-chosen').getAttribute('data-model')) ?? 'none') !== 'none');
  assert.ok(
    (await page.getByTestId('fc-validation').locator('tbody tr').count()) >= 2,
    'models were compared',
  );
  await page.getByTestId('fc-explanation').filter({ hasText: 'MASE' }).waitFor();

  // 5. The horizon goes into the URL and the forecast follows it.
  await page.getByTestId('fc-horizon').selectOption('6');
  await page.locator('[data-testid="fc-series"][data-forecast="6"][data-rendered="true"]').waitFor();
  assert.match(page.url(), /horizon=6/);

  await page.getByTestId('fc-caveat').scrollIntoViewIfNeeded();
  await shot('forecasting-01-main');

  // 6. The CSV of the slice is the same history and forecast.
  const href = (await page.getByTestId('fc-export').getAttribute('href')) ?? '';
  assert.match(href, /region=KZ-75/);
  const csv = await page.request.get(new URL(href, page.url()).href);
  assert.equal(csv.status(), 200);
  const lines = (await csv.text()).trim().split('\n');
  assert.equal(lines[0], 'series,period,kind,count,mean,lo80,hi80,lo95,hi95,model');
  assert.equal(lines.filter((line) => line.includes(',forecast,')).length, 6);

  // 7. The biggest departures from expectation; a row opens its series.
  const departures = page.getByTestId('fc-departure-row');
  await departures.first().waitFor();
  assert.ok((await departures.count()) >= 1);
  const key = (await departures.first().getAttribute('data-key')) ?? '';
  const [region] = key.split('|');
  await departures.first().getByTestId('fc-departure-link').click();
  if (region && region !== 'KZ') await page.waitForURL(new RegExp(`region=${region}`));
  await page.locator('[data-testid="fc-series"][data-rendered="true"]').waitFor();

  // 8. The anomalies and the decision log: record a decision on the first anomaly.
  await page.getByTestId('fc-tab-anomalies').click();
  const anomaly = page.getByTestId('fc-anomaly-row').first();
  await anomaly.waitFor();
  const anomalyId = (await anomaly.getAttribute('data-key')) ?? '';
  await anomaly.getByTestId('fc-anomaly-link').click();
  const detail = page.getByTestId('fc-anomaly-detail');
  await detail.getByTestId('fc-anomaly-title').waitFor();
  const note = `E2E ${Date.now()}: patrols doubled near the markets for four weeks`;
  await detail.getByTestId('fc-decision-action').selectOption('patrols_reinforced');
  await detail.getByTestId('fc-decision-note').fill(note);
  await detail.getByTestId('fc-decision-submit').click();
  await detail.getByTestId('fc-decision-recorded').waitFor();
  await detail.locator('[data-testid="fc-anomaly-decisions"] [data-action="patrols_reinforced"]').waitFor();
  await page.getByTestId('fc-log-note').filter({ hasText: note }).waitFor();
  const log = await apiGet<{ items: { anomalyId: string; action: string; note: string }[] }>(
    page,
    '/api/forecasting/decisions',
  );
  const recorded = log.items.find((item) => item.note === note);
  assert.ok(recorded, 'the decision is in the log');
  assert.equal(recorded.anomalyId, anomalyId);
  assert.equal(recorded.action, 'patrols_reinforced');
  await shot('forecasting-02-anomaly-decided');
  await detail.getByRole('button', { name: 'Close the anomaly' }).click();
  await detail.waitFor({ state: 'detached' });
  await page.getByTestId('fc-decision-log').scrollIntoViewIfNeeded();
  await shot('forecasting-03-decision-log');

  // 9. A liaison of Almaty's police subscribes the agency to forecasting alerts about offences against property.
  // Wait for the sign-out to land before loading the app again, or the old session may still answer.
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/auth/logout')),
    page.getByTestId('sign-out').click(),
  ]);
  await page.getByTestId('sign-in-username').waitFor();
  await signIn(page, server, 'liaison.almaty');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-module-forecasting').click();
  await page.getByTestId('fc-tab-subscriptions').click();
  const form = page.getByTestId('fc-subscription-form');
  await form.waitFor();
  const url = `https://hooks.example.kz/forecasting/${Date.now()}`;
  await form.getByTestId('fc-subscription-url').fill(url);
  await form.getByTestId('fc-subscription-topic-06').check();
  await form.getByTestId('fc-subscription-severity').selectOption('medium');
  await form.getByTestId('fc-subscription-submit').click();
  const created = page.getByTestId('fc-subscription-created');
  await created.waitFor();
  assert.ok(
    ((await created.getByTestId('secret-value').textContent()) ?? '').length >= 20,
    'the secret is shown',
  );
  const row = page.getByTestId('fc-subscription-row').filter({ hasText: url });
  await row.locator('[data-topic="chapter:06"]').waitFor();
  const subs = await apiGet<{
    subscriptions: { url: string; topics: string[]; modules: string[]; regions: string[] }[];
  }>(page, '/api/subscriptions');
  const saved = subs.subscriptions.find((s) => s.url === url);
  assert.ok(saved, 'the subscription was saved');
  assert.deepEqual(saved.topics, ['chapter:06']);
  assert.deepEqual(saved.modules, ['forecasting']);
  assert.deepEqual(saved.regions, ['KZ-75']);
  await shot('forecasting-04-subscription');

  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
