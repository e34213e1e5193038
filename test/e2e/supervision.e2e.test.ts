import assert from 'node:assert/strict';
import { request as playwrightRequest, type APIRequestContext, type Page } from 'playwright-core';
import { browserTest, signIn } from './browser.js';
import type { TestServer } from './server.js';

const NAME = 'supervision: live map, measures, source health, and a duty officer recording outcomes';
const RUN = Date.now().toString(36);
const ALMATY = { lat: 43.2389, lon: 76.8897 };

interface Api {
  post: (path: string, body: unknown, expect?: number) => Promise<unknown>;
  get: <T>(path: string) => Promise<T>;
  dispose: () => Promise<void>;
}

/** A signed-in API client for one demo user: the session cookie and the CSRF token, as the dashboard sends them. */
async function apiAs(server: TestServer, username: string): Promise<Api> {
  const context: APIRequestContext = await playwrightRequest.newContext({ baseURL: server.url });
  const login = await context.post('/api/auth/login', { data: { username, password: server.adminPassword } });
  assert.equal(login.status(), 200, `sign in ${username}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async post(path, body, expect = 201) {
      const res = await context.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } });
      const text = await res.text();
      assert.equal(res.status(), expect, `POST ${path}: ${text}`);
      return JSON.parse(text) as unknown;
    },
    async get<T>(path: string) {
      const res = await context.get(path);
      assert.equal(res.status(), 200, `GET ${path}`);
      return (await res.json()) as T;
    },
    dispose: () => context.dispose(),
  };
}

/** The latest 23:30 in Almaty (UTC+5) that is already past: inside the curfew and the public-order rule's hours. */
function lastLateEvening(): string {
  const at = new Date();
  at.setUTCHours(18, 30, 0, 0);
  if (at.getTime() > Date.now()) at.setUTCDate(at.getUTCDate() - 1);
  return at.toISOString();
}

/** Sources, zone, rule, watchlist and probation entries, then observations that trip every kind of rule. */
async function buildWorld(server: TestServer): Promise<void> {
  const admin = await apiAs(server, 'admin');
  const prosecutor = await apiAs(server, 'prosecutor');
  try {
    const sources = [
      {
        id: `cam-e2e-${RUN}`,
        kind: 'camera',
        name: 'Abay Ave / Dostyk camera',
        region: 'KZ-75',
        location: ALMATY,
      },
      {
        id: `cam-e2e-${RUN}-quiet`,
        kind: 'camera',
        name: 'Sayran bus station camera',
        region: 'KZ-75',
        location: { lat: 43.2285, lon: 76.8601 },
        // Silent once 10 s have passed since it was registered without a word.
        expectedEverySeconds: 10,
      },
      {
        id: `br-e2e-${RUN}`,
        kind: 'bracelet',
        name: 'Almaty probation bracelets',
        region: 'KZ-75',
        expectedEverySeconds: 3600,
      },
      {
        id: `drone-e2e-${RUN}`,
        kind: 'drone',
        name: 'Ulytau patrol drone',
        region: 'KZ-62',
        location: { lat: 48.05, lon: 67.05 },
      },
    ];
    for (const source of sources)
      await admin.post('/api/supervision/sources', { agencyId: 'police-KZ-75', ...source });
    await admin.post('/api/supervision/zones', {
      id: `Z-E2E-${RUN}`,
      name: 'Karasu gold placer',
      kind: 'illegal_mining',
      region: 'KZ-62',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [67.0, 48.0],
            [67.1, 48.0],
            [67.1, 48.1],
            [67.0, 48.1],
            [67.0, 48.0],
          ],
        ],
      },
      forbiddenActivities: ['excavation', 'heavy_machinery'],
    });
    await admin.post('/api/supervision/public-order-rules', {
      id: `R-E2E-${RUN}`,
      name: 'Arbat pedestrian street',
      region: 'KZ-75',
      ...ALMATY,
      radiusM: 300,
      activities: ['fight', 'crowd'],
      from: '20:00',
      to: '02:00',
      minCrowd: 50,
    });
    await prosecutor.post('/api/supervision/watchlist', {
      id: `W-E2E-${RUN}-P`,
      kind: 'person',
      fullName: 'Қасымов Нұрлан Серікұлы',
      birthDate: '1988-04-12',
      iin: '880412300158',
      warrantBasis: 'art. 190 part 4, arrest warrant',
      issuingAgency: 'MVD Almaty',
      dangerLevel: 'high',
      region: 'KZ-75',
    });
    await prosecutor.post('/api/supervision/watchlist', {
      id: `W-E2E-${RUN}-V`,
      kind: 'vehicle',
      plate: '777 QGE 02',
      warrantBasis: 'stolen vehicle',
      issuingAgency: 'MVD Almaty',
      dangerLevel: 'medium',
      region: 'KZ-75',
    });
    await prosecutor.post('/api/supervision/probation', {
      id: `P-E2E-${RUN}`,
      fullName: 'Омаров Ержан Болатұлы',
      region: 'KZ-75',
      braceletId: `BR-E2E-${RUN}`,
      home: { ...ALMATY, radiusM: 150 },
      curfew: { from: '22:00', to: '06:00' },
      allowedRegions: ['KZ-75'],
    });
    const { secret } = (await admin.post('/api/api-keys', {
      name: `e2e camera gateway ${RUN}`,
      client: 'camera_gateway',
      permissions: ['observations.ingest'],
      regions: ['*'],
    })) as { secret: string };

    const late = lastLateEvening();
    const now = new Date().toISOString();
    const send = async (source: string, observations: Record<string, unknown>[]) => {
      const res = await fetch(`${server.url}/api/observations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ source, observations }),
      });
      const text = await res.text();
      assert.equal(res.status, 200, text);
      const body = JSON.parse(text) as { accepted: number };
      assert.equal(body.accepted, observations.length, `${source}: ${JSON.stringify(body)}`);
    };
    await send(`cam-e2e-${RUN}`, [
      {
        externalId: 'p-1',
        observedAt: now,
        kind: 'person',
        identifiers: { name: 'Касымов Нурлан', birthDate: '1988-04-12' },
        location: ALMATY,
        confidence: 0.93,
      },
      {
        externalId: 'v-1',
        observedAt: now,
        kind: 'vehicle',
        identifiers: { plate: '777 QGE 02' },
        location: { lat: 43.2421, lon: 76.9127 },
        confidence: 0.9,
      },
      {
        externalId: 'f-1',
        observedAt: late,
        kind: 'activity',
        attributes: { activity: 'fight' },
        location: { lat: 43.2395, lon: 76.8901 },
        confidence: 0.81,
      },
    ]);
    await send(`br-e2e-${RUN}`, [
      {
        externalId: 'b-1',
        observedAt: late,
        kind: 'bracelet_ping',
        identifiers: { device: `BR-E2E-${RUN}` },
        location: { lat: 43.2569, lon: 76.9097 },
      },
    ]);
    await send(`drone-e2e-${RUN}`, [
      {
        externalId: 'd-1',
        observedAt: now,
        kind: 'activity',
        attributes: { activity: 'excavation', count: 3 },
        location: { lat: 48.05, lon: 67.05 },
        confidence: 0.88,
      },
    ]);

    // The pipeline judges asynchronously: wait until every rule has raised its alert.
    const wanted = [
      'watchlist_person',
      'watchlist_vehicle',
      'public_order',
      'probation_curfew',
      'zone_incursion',
    ];
    const deadline = Date.now() + 15_000;
    for (;;) {
      const live = await prosecutor.get<{ alerts: { kind: string }[] }>('/api/supervision/live');
      const kinds = new Set(live.alerts.map((alert) => alert.kind));
      if (wanted.every((kind) => kinds.has(kind))) break;
      assert.ok(Date.now() < deadline, `alerts raised: ${[...kinds].join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await admin.dispose();
    await prosecutor.dispose();
  }
}

const rowOf = (page: Page, kind: string) =>
  page
    .getByTestId('sv-alert-row')
    .filter({ has: page.locator(`[data-kind="${kind}"]`) })
    .first();

browserTest(NAME, 300_000, async ({ server, page, pageErrors, shot }) => {
  await buildWorld(server);

  // 1. Almaty's duty officer opens the module from the navigation, in English: the privacy rule is stated.
  await signIn(page, server, 'duty.almaty');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-module-supervision').click();
  await page.getByTestId('supervision-page').waitFor();
  assert.match((await page.getByTestId('sv-privacy').textContent()) ?? '', /deleted after 72 hours.*masked/);

  // 2. The live map draws Almaty's alerts and sources (the Ulytau drone and zone are outside the officer's region).
  const map = page.locator('[data-testid="sv-live-map"][data-rendered="true"]');
  await map.waitFor();
  assert.ok(
    Number(await map.getAttribute('data-alerts')) >= 4,
    'watchlist, curfew and public-order alerts are drawn',
  );
  assert.ok(Number(await map.getAttribute('data-silent')) >= 1, 'the quiet camera is marked silent');

  // 3. The recent alerts: the wanted person, masked, with the outcome control.
  const person = rowOf(page, 'watchlist_person');
  await person.waitFor();
  const label = (await person.getByTestId('sv-alert-label').textContent()) ?? '';
  assert.doesNotMatch(label, /Нұрлан|Nurlan/, 'the person is masked');
  for (const kind of ['watchlist_vehicle', 'probation_curfew', 'public_order'])
    await rowOf(page, kind).waitFor();

  // 4. The measures: the wanted list, probation violations by week, hits by rule.
  assert.ok(Number((await page.getByTestId('sv-wanted-active').textContent()) ?? '0') >= 1);
  await page.locator('[data-testid="sv-wanted-chart"][data-rendered="true"]').waitFor();
  await page.locator('[data-testid="sv-weekly-probation"][data-rendered="true"]').waitFor();
  await page.locator('[data-testid="sv-rule-row"][data-key="watchlist_vehicle"]').waitFor();

  // 5. Source health: the camera's messages in the last hour; the camera that never sent is silent.
  const camera = page.locator(`[data-testid="sv-source-row"][data-key="cam-e2e-${RUN}"]`);
  assert.equal(await camera.getByTestId('sv-source-last-hour').textContent(), '3');
  await page
    .locator(`[data-testid="sv-source-row"][data-key="cam-e2e-${RUN}-quiet"]`)
    .getByTestId('sv-source-silent')
    .waitFor({ timeout: 30_000 });
  await page.getByTestId('sv-privacy').scrollIntoViewIfNeeded();
  await shot('supervision-01-dashboard');
  await page.getByTestId('sv-false-matches').scrollIntoViewIfNeeded();
  await shot('supervision-02-measures');

  // 6. The plate was misread: the duty officer records a false match; the rule's and the camera's rates follow.
  const ruleFigure = (rule: string) =>
    page.locator(`[data-testid="sv-rule-row"][data-key="${rule}"] [data-testid="sv-false-rate"]`);
  const falseBefore = Number(await ruleFigure('watchlist_vehicle').getAttribute('data-false'));
  const vehicle = rowOf(page, 'watchlist_vehicle');
  await vehicle.getByTestId('sv-outcome-select').selectOption('false_match');
  await vehicle.getByTestId('sv-outcome-note').fill('Different car, same make; plate misread');
  await vehicle.getByTestId('sv-outcome-submit').click();
  await vehicle.locator('[data-testid="sv-outcome-recorded"][data-outcome="false_match"]').waitFor();
  await page
    .locator(
      `[data-testid="sv-rule-row"][data-key="watchlist_vehicle"] [data-false="${String(falseBefore + 1)}"]`,
    )
    .waitFor();
  assert.ok(Number(await ruleFigure('watchlist_vehicle').getAttribute('data-rate')) > 0);
  await camera.locator('[data-testid="sv-source-false-rate"][data-rate="1"]').waitFor();

  // 7. The person was detained: the entry closes through the system and the wanted figures say so; the camera's
  // rate is now one false match in two outcomes.
  const throughBefore = Number(await page.getByTestId('sv-wanted-through-system').getAttribute('data-count'));
  await person.getByTestId('sv-outcome-select').selectOption('detained');
  await person.getByTestId('sv-outcome-submit').click();
  await person.locator('[data-testid="sv-outcome-recorded"][data-outcome="detained"]').waitFor();
  await page
    .locator(`[data-testid="sv-wanted-through-system"][data-count="${String(throughBefore + 1)}"]`)
    .waitFor();
  await camera.locator('[data-testid="sv-source-false-rate"][data-rate="0.5"]').waitFor();
  await page.getByTestId('sv-false-matches').scrollIntoViewIfNeeded();
  await shot('supervision-03-outcomes');

  // 8. The watchlist tab lists the closed entry as closed through the system.
  await page.getByTestId('sv-tab-watchlist').click();
  await page.getByTestId('sv-watchlist-status').locator('[data-value="closed"]').click();
  await page
    .locator(`[data-testid="sv-watchlist-row"][data-key="W-E2E-${RUN}-P"]`)
    .filter({ hasText: 'through the system' })
    .waitFor();
  await page.getByTestId('sv-tab-probation').click();
  await page
    .locator(
      `[data-testid="sv-probation-row"][data-key="P-E2E-${RUN}"] [data-testid="sv-probation-violations"]`,
    )
    .filter({ hasText: '1' })
    .waitFor();
  await shot('supervision-04-probation');

  // 9. A prosecutor with national scope sees the Ulytau zone on the map and its incursion.
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/auth/logout')),
    page.getByTestId('sign-out').click(),
  ]);
  await page.getByTestId('sign-in-username').waitFor();
  await signIn(page, server, 'prosecutor');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-module-supervision').click();
  const national = page.locator('[data-testid="sv-live-map"][data-rendered="true"]');
  await national.waitFor();
  assert.ok(Number(await national.getAttribute('data-zones')) >= 1);
  await page.locator('[data-testid="sv-weekly-zones"][data-rendered="true"]').waitFor();
  await shot('supervision-05-national');
  await page.getByTestId('sv-tab-zones').click();
  await page
    .locator(`[data-testid="sv-zone-row"][data-key="Z-E2E-${RUN}"] [data-testid="sv-zone-incursions"]`)
    .filter({ hasText: '1' })
    .waitFor();
  await shot('supervision-06-zones');

  // 10. An alert opens in the core inbox (the list kept to what needs dispatching: the demo's idle devices fall silent).
  await page.getByTestId('sv-tab-dashboard').click();
  await page.getByTestId('sv-recent-show').locator('[data-value="dispatch"]').click();
  await rowOf(page, 'zone_incursion').getByTestId('sv-alert-open').click();
  await page.waitForURL(/\/alerts\/[^/]+$/);

  // 11. The administrator registers a camera and gives the quiet one a new device password: each login is shown once,
  // with its user name and topic.
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/auth/logout')),
    page.getByTestId('sign-out').click(),
  ]);
  await page.getByTestId('sign-in-username').waitFor();
  await signIn(page, server, 'admin');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-module-supervision').click();
  await page.getByTestId('sv-source-register-open').click();
  await page.getByTestId('sv-register-id').fill(`cam-e2e-${RUN}-new`);
  await page.getByTestId('sv-register-name').fill('Tole bi / Baitursynov camera');
  await page.getByTestId('sv-register-agency').selectOption('police-KZ-75');
  await page.getByTestId('sv-register-region').selectOption('KZ-75');
  await page.getByTestId('sv-register-submit').click();
  const firstLogin = page.getByTestId('sv-source-credential');
  await firstLogin.waitFor();
  assert.match((await firstLogin.textContent()) ?? '', new RegExp(`cam-e2e-${RUN}-new`));
  await page.keyboard.press('Escape');
  await page.locator(`[data-testid="sv-source-row"][data-key="cam-e2e-${RUN}-new"]`).waitFor();
  const quiet = page.locator(`[data-testid="sv-source-row"][data-key="cam-e2e-${RUN}-quiet"]`);
  await quiet.getByTestId('sv-source-new-password').click();
  await page.getByTestId('confirm-submit').click();
  const credential = page.getByTestId('sv-source-credential');
  await credential.waitFor();
  assert.ok(
    ((await credential.getByTestId('secret-value').textContent()) ?? '').length >= 40,
    'the password is shown',
  );
  assert.match((await credential.textContent()) ?? '', new RegExp(`/observations/cam-e2e-${RUN}-quiet`));
  await shot('supervision-07-device-password');
  await page.keyboard.press('Escape');
  await quiet.getByTestId('sv-source-login').waitFor();

  // 12. A drone flight is filed with its purpose, appears in flight, and is recorded as landed.
  await page.getByTestId('sv-tab-flights').click();
  await page.getByTestId('sv-flight-file-open').click();
  await page.getByTestId('sv-flight-drone').selectOption(`drone-e2e-${RUN}`);
  await page.getByTestId('sv-flight-zone').selectOption(`Z-E2E-${RUN}`);
  await page.getByTestId('sv-flight-purpose').fill('Patrol of the Karasu placer, order 14/2026');
  await page.getByTestId('sv-flight-operator').fill('UAV unit, Ulytau police department');
  await page.getByTestId('sv-flight-submit').click();
  const flight = page.getByTestId('sv-flight-row').filter({ hasText: 'Karasu placer, order 14/2026' });
  await flight.locator('[data-testid="sv-flight-status"][data-status="in_flight"]').waitFor();
  await shot('supervision-08-flights');
  await flight.getByTestId('sv-flight-end-reason').selectOption('landed');
  await flight.getByTestId('sv-flight-end-submit').click();
  await flight.locator('[data-testid="sv-flight-status"][data-status="ended"]').waitFor();

  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
