import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { SAMPLE_HANDLER, sampleModule } from './fixtures/sample-module.js';
import { ConfigError, describeSettings, loadConfig } from '../config/config.js';

interface ModuleView {
  id: string;
  name: { en: string };
  nav: { path: string; permission: string }[];
}

describe('a module mounted from its manifest', () => {
  let qg: TestPlatform;

  before(async () => {
    qg = await startTestPlatform({ modules: [sampleModule] });
  });
  after(() => qg.stop());

  test('its migration ran after the core’s and is recorded under the module id', async () => {
    const migrations = (
      await qg.db.query<{ id: string }>('select id from schema_migrations order by applied_at, id')
    ).map((row) => row.id);
    assert.ok(migrations.includes('sample/0001_sample.sql'));
    assert.ok(migrations.indexOf('core/0001_core.sql') < migrations.indexOf('sample/0001_sample.sql'));
    const table = await qg.db.query(
      `select 1 from information_schema.tables where table_name = 'sample_pings'`,
    );
    assert.equal(table.length, 1);
  });

  test('its permission is registered and granted to the roles it names, and to admins', async () => {
    const response = await qg.request('auditor', { method: 'GET', url: '/api/auth/permissions' });
    const sample = response
      .json<{ permissions: { id: string; roles: string[]; grantableToApiKeys: boolean }[] }>()
      .permissions.find((item) => item.id === 'sample.use');
    assert.deepEqual(sample?.roles, ['analyst', 'sample_inspector']);
    assert.equal(sample?.grantableToApiKeys, false);
    assert.ok(
      (await qg.request('analyst.almaty', { method: 'GET', url: '/api/auth/me' }))
        .json()
        .permissions.includes('sample.use'),
    );
    assert.ok(
      (await qg.request('admin', { method: 'GET', url: '/api/auth/me' }))
        .json()
        .permissions.includes('sample.use'),
    );
    assert.ok(
      !(await qg.request('auditor', { method: 'GET', url: '/api/auth/me' }))
        .json()
        .permissions.includes('sample.use'),
    );
  });

  test('an analyst can call its route; an auditor gets 403 (audited) and writes nothing; anonymous gets 401', async () => {
    const allowed = await qg.request('analyst.almaty', {
      method: 'POST',
      url: '/api/sample/pings',
      payload: {},
    });
    assert.equal(allowed.statusCode, 201);
    const refused = await qg.request('auditor', { method: 'POST', url: '/api/sample/pings', payload: {} });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().type, '/api/problems/forbidden');
    assert.equal(
      (await qg.request(null, { method: 'POST', url: '/api/sample/pings', payload: {} })).statusCode,
      401,
    );
    const rows = await qg.db.query<{ created_by: string }>('select created_by from sample_pings');
    assert.deepEqual(
      rows.map((row) => row.created_by),
      ['analyst.almaty'],
    );
    const denied = (await qg.auditActions()).filter((row) => row.action === 'access.denied');
    assert.deepEqual(
      denied.map((row) => [row.actor_name, row.subject_id]),
      [['auditor', 'POST /api/sample/pings']],
    );
  });

  test('its event handler receives the event its route emits, once', async () => {
    const { id } = (
      await qg.request('analyst.astana', { method: 'POST', url: '/api/sample/pings', payload: {} })
    ).json<{ id: string }>();
    const deadline = Date.now() + 5000;
    let handled: { handled_at: Date | null } | undefined;
    while (Date.now() < deadline) {
      [handled] = await qg.db.query<{ handled_at: Date | null }>(
        'select handled_at from sample_pings where id = $1',
        [id],
      );
      if (handled?.handled_at) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(handled?.handled_at, 'the handler marked the ping handled');
    const claims = await qg.db.query(
      `select 1 from processed_events p join outbox o on o.id = p.event_id where p.consumer = $1 and o.payload->>'id' = $2`,
      [SAMPLE_HANDLER, id],
    );
    assert.equal(claims.length, 1);
  });

  test('GET /api/modules lists the module with only the nav items the caller may use', async () => {
    const navFor = async (username: string) => {
      const response = await qg.request(username, { method: 'GET', url: '/api/modules' });
      assert.equal(response.statusCode, 200);
      const sample = response
        .json<{ modules: ModuleView[] }>()
        .modules.find((module) => module.id === 'sample');
      assert.ok(sample, 'the module is listed');
      assert.equal(sample.name.en, 'Sample');
      return sample.nav.map((item) => item.path);
    };
    assert.deepEqual(await navFor('analyst.almaty'), ['/sample']);
    assert.deepEqual(await navFor('auditor'), ['/sample/log']);
    assert.deepEqual(await navFor('admin'), ['/sample', '/sample/log']);
    assert.deepEqual(await navFor('liaison.shymkent'), []);
    assert.equal((await qg.request(null, { method: 'GET', url: '/api/modules' })).statusCode, 401);
  });

  test('a role it adds can be given to people, holds its permissions, and takes alerts; an unknown role is refused', async () => {
    const listed = (await qg.request('admin', { method: 'GET', url: '/api/auth/permissions' })).json<{
      roles: { id: string; name: { en: string }; assignable: boolean }[];
    }>().roles;
    assert.deepEqual(
      listed.find((role) => role.id === 'sample_inspector'),
      {
        id: 'sample_inspector',
        name: { kk: 'Үлгі инспекторы', ru: 'Инспектор образца', en: 'Sample inspector' },
        assignable: true,
      },
    );
    const created = await qg.request('admin', {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'inspector.almaty',
        displayName: 'Sample Inspector',
        role: 'sample_inspector',
        regions: ['KZ-75'],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { user, password } = created.json<{ user: { id: string }; password: string }>();
    const login = await qg.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'inspector.almaty', password },
    });
    const cookie = login.cookies.find((item) => item.name === 'qg_session')!;
    const me = await qg.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `qg_session=${cookie.value}` },
    });
    assert.deepEqual(me.json<{ permissions: string[] }>().permissions, ['sample.use']);
    const assignable = (
      await qg.request('prosecutor', { method: 'GET', url: '/api/users/assignable?region=KZ-75' })
    ).json<{ users: { id: string }[] }>().users;
    assert.ok(
      assignable.some((item) => item.id === user.id),
      'an assignable module role takes alerts',
    );
    const refused = await qg.request('admin', {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'nobody.x', displayName: 'Nobody', role: 'wizard', regions: ['KZ-75'] },
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().detail, /unknown role wizard/);
  });
});

describe('a module’s settings and setup', () => {
  test('its settings are read with the core’s, by name, and a bad value stops start-up naming the variable', () => {
    const config = loadConfig({ SAMPLE_GREETING: 'salem', SAMPLE_DEMO_ALERTS: '3' }, {}, [sampleModule]);
    assert.deepEqual(config.modules['sample'], { greeting: 'salem', demoAlerts: 3 });
    assert.throws(
      () => loadConfig({ SAMPLE_DEMO_ALERTS: 'many' }, {}, [sampleModule]),
      (error: unknown) => error instanceof ConfigError && error.variable === 'SAMPLE_DEMO_ALERTS',
    );
    const described = describeSettings([sampleModule]).filter((setting) => setting.owner === 'sample');
    assert.deepEqual(
      described.map((setting) => [setting.variable, setting.default]),
      [
        ['SAMPLE_GREETING', 'ping'],
        ['SAMPLE_DEMO_ALERTS', '40'],
      ],
    );
  });

  test('setup runs once per platform instance, with the module’s settings; two platforms share nothing', async () => {
    const first = await startTestPlatform({
      modules: [sampleModule],
      settings: { sample: { greeting: 'salem' } },
    });
    const second = await startTestPlatform({ modules: [sampleModule] });
    try {
      type SampleApi = { greeting: () => string; instance: string };
      const a = first.instanceOf<SampleApi>('sample').api!;
      const b = second.instanceOf<SampleApi>('sample').api!;
      assert.notEqual(a.instance, b.instance);
      assert.equal(a.greeting(), 'salem');
      assert.equal(b.greeting(), 'ping');
      const pinged = await first.request('analyst.almaty', {
        method: 'POST',
        url: '/api/sample/pings',
        payload: {},
      });
      const [row] = await first.db.query<{ note: string }>('select note from sample_pings where id = $1', [
        pinged.json<{ id: string }>().id,
      ]);
      assert.equal(row?.note, 'salem from analyst.almaty');
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
