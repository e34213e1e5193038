import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, TEST_PASSWORD, type TestPlatform } from '../testing/test-platform.js';

const ABSENT_ID = '00000000-0000-4000-8000-000000000000';

describe('user administration', () => {
  let qg: TestPlatform;
  const id = (username: string) => qg.userIds[username]!;
  const countUsers = async () =>
    (await qg.db.query<{ count: number }>('select count(*)::int as count from users'))[0]!.count;
  const signIn = (username: string, password: string) =>
    qg.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const create = (body: Record<string, unknown>) =>
    qg.request('admin', { method: 'POST', url: '/api/users', payload: body });
  const newUser = (username: string, extra: Record<string, unknown> = {}) => ({
    username,
    displayName: `Test ${username}`,
    role: 'analyst',
    regions: ['KZ-71'],
    ...extra,
  });

  before(async () => {
    qg = await startTestPlatform({ config: { loginRateLimitPerMinute: 1000 } });
  });
  after(() => qg.stop());

  test('every user route is 401 for anonymous callers', async () => {
    const routes = [
      { method: 'GET', url: '/api/users' },
      { method: 'GET', url: '/api/users/assignable' },
      { method: 'POST', url: '/api/users', payload: newUser('anon.made') },
      { method: 'PATCH', url: `/api/users/${id('analyst.almaty')}`, payload: { disabled: true } },
      { method: 'POST', url: `/api/users/${id('analyst.almaty')}/reset-password` },
    ] as const;
    for (const route of routes) {
      const response = await qg.request(null, route);
      assert.equal(response.statusCode, 401, `${route.method} ${route.url}`);
      assert.equal(response.json().type, '/api/problems/unauthenticated');
    }
  });

  test('an analyst is refused user management with 403, changes nothing, and the denial is audited', async () => {
    const users = await countUsers();
    const list = await qg.request('analyst.almaty', { method: 'GET', url: '/api/users' });
    const made = await qg.request('analyst.almaty', {
      method: 'POST',
      url: '/api/users',
      payload: newUser('sneaky.admin', { role: 'admin', regions: ['*'] }),
    });
    const disable = await qg.request('analyst.almaty', {
      method: 'PATCH',
      url: `/api/users/${id('admin')}`,
      payload: { disabled: true },
    });
    const reset = await qg.request('analyst.almaty', {
      method: 'POST',
      url: `/api/users/${id('admin')}/reset-password`,
    });
    for (const response of [list, made, disable, reset]) {
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().type, '/api/problems/forbidden');
    }
    assert.equal(await countUsers(), users);
    const denied = (await qg.auditActions()).filter(
      (row) => row.action === 'access.denied' && row.actor_name === 'analyst.almaty',
    );
    assert.deepEqual(
      denied.map((row) => [row.outcome, row.subject_id]),
      [
        ['denied', 'GET /api/users'],
        ['denied', 'POST /api/users'],
        ['denied', 'PATCH /api/users/:id'],
        ['denied', 'POST /api/users/:id/reset-password'],
      ],
    );
    assert.equal(
      (await signIn('admin', TEST_PASSWORD)).statusCode,
      200,
      'the admin was not disabled and keeps the password',
    );
  });

  test('invalid input is 400 with the field named, and creates no user', async () => {
    const users = await countUsers();
    const cases: [Record<string, unknown>, string][] = [
      [newUser('Bad Name'), 'body/username'],
      [newUser('ok.role', { role: 'superuser' }), 'body/role'],
      [newUser('ok.region', { regions: ['KZ-99'] }), 'body/regions/0'],
      [newUser('ok.agency', { role: 'agency_liaison', agencyId: 'no-such-agency' }), 'body/agencyId'],
      [newUser('ok.extra', { isAdmin: true }), 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await create(body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.equal(response.json().type, '/api/problems/validation');
      assert.ok(
        response.json().errors.some((error: { field: string }) => error.field.startsWith(field)),
        `${field} named in ${response.body}`,
      );
    }
    assert.equal(await countUsers(), users);
    assert.equal((await qg.auditActions()).filter((row) => row.action === 'users.created').length, 0);
  });

  test('creating a user returns a generated password once; the user signs in with it; the creation is audited', async () => {
    const response = await create(newUser('new.analyst', { locale: 'kk' }));
    assert.equal(response.statusCode, 201);
    const { user, password } = response.json<{
      user: { id: string; role: string; regions: string[]; disabled: boolean };
      password: string;
    }>();
    assert.equal(user.role, 'analyst');
    assert.deepEqual(user.regions, ['KZ-71']);
    assert.match(password, /^\w{4}-\w{4}-\w{4}-\w{4}$/);

    const list = await qg.request('admin', { method: 'GET', url: '/api/users' });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().users.some((listed: { id: string }) => listed.id === user.id));
    assert.ok(!list.body.includes(password), 'the password is never listed');
    assert.doesNotMatch(list.body, /password_?hash|scrypt\$/i);

    const signedIn = await signIn('new.analyst', password);
    assert.equal(signedIn.statusCode, 200);
    assert.equal(signedIn.json().user.id, user.id);

    const created = (await qg.auditActions()).filter((row) => row.action === 'users.created');
    assert.deepEqual(
      created.map((row) => [row.actor_name, row.subject_id, row.outcome]),
      [['admin', user.id, 'success']],
    );
    const [details] = await qg.db.query<{ text: string }>(
      `select details::text as text from audit_log where action = 'users.created'`,
    );
    assert.ok(!details!.text.includes(password), 'the password is not in the audit log');
  });

  test('a taken username is 409 and creates nobody', async () => {
    const users = await countUsers();
    const response = await create(newUser('analyst.almaty'));
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().type, '/api/problems/conflict');
    assert.equal(await countUsers(), users);
  });

  test('disabling a user ends their sessions at once and stops them signing in', async () => {
    const { password, user } = (await create(newUser('leaving.analyst'))).json<{
      password: string;
      user: { id: string };
    }>();
    const session = (await signIn('leaving.analyst', password)).cookies.find(
      (cookie) => cookie.name === 'qg_session',
    )!;
    const me = () =>
      qg.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `qg_session=${session.value}` },
      });
    assert.equal((await me()).statusCode, 200);

    const response = await qg.request('admin', {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { disabled: true },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().user.disabled, true);
    assert.equal((await me()).statusCode, 401);
    const [sessions] = await qg.db.query<{ count: number }>(
      'select count(*)::int as count from sessions where user_id = $1',
      [user.id],
    );
    assert.equal(sessions!.count, 0);
    assert.equal((await signIn('leaving.analyst', password)).statusCode, 401);
    const updated = (await qg.auditActions()).filter(
      (row) => row.action === 'users.updated' && row.subject_id === user.id,
    );
    assert.equal(updated.length, 1);
  });

  test('an administrator cannot disable or demote themselves (409), and stays an enabled admin', async () => {
    for (const payload of [{ disabled: true }, { role: 'analyst' }]) {
      const response = await qg.request('admin', {
        method: 'PATCH',
        url: `/api/users/${id('admin')}`,
        payload,
      });
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().type, '/api/problems/conflict');
    }
    const [row] = await qg.db.query<{ role: string; disabled: boolean }>(
      'select role, disabled from users where id = $1',
      [id('admin')],
    );
    assert.deepEqual(row, { role: 'admin', disabled: false });
  });

  test('PATCH of an unknown user is 404, and a bad body is 400', async () => {
    assert.equal(
      (
        await qg.request('admin', {
          method: 'PATCH',
          url: `/api/users/${ABSENT_ID}`,
          payload: { disabled: true },
        })
      ).statusCode,
      404,
    );
    const bad = await qg.request('admin', {
      method: 'PATCH',
      url: `/api/users/${id('analyst.astana')}`,
      payload: { regions: ['nowhere'] },
    });
    assert.equal(bad.statusCode, 400);
    const [row] = await qg.db.query<{ regions: string[] }>('select regions from users where id = $1', [
      id('analyst.astana'),
    ]);
    assert.deepEqual(row!.regions, ['KZ-71']);
  });

  test('a password reset gives a new working password, the old one stops working, and old sessions end', async () => {
    const { password: first, user } = (await create(newUser('forgetful.analyst'))).json<{
      password: string;
      user: { id: string };
    }>();
    const session = (await signIn('forgetful.analyst', first)).cookies.find(
      (cookie) => cookie.name === 'qg_session',
    )!;
    const response = await qg.request('admin', {
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
    });
    assert.equal(response.statusCode, 200);
    const second = response.json<{ password: string }>().password;
    assert.notEqual(second, first);
    assert.equal((await signIn('forgetful.analyst', first)).statusCode, 401);
    assert.equal((await signIn('forgetful.analyst', second)).statusCode, 200);
    const me = await qg.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `qg_session=${session.value}` },
    });
    assert.equal(me.statusCode, 401);
    const reset = (await qg.auditActions()).filter((row) => row.action === 'users.passwordReset');
    assert.deepEqual(
      reset.map((row) => [row.actor_name, row.subject_id]),
      [['admin', user.id]],
    );
    assert.equal(
      (await qg.request('admin', { method: 'POST', url: `/api/users/${ABSENT_ID}/reset-password` }))
        .statusCode,
      404,
    );
  });

  test('assignable people for KZ-71 are active workers there or national, and a KZ-75 analyst may not ask for KZ-71', async () => {
    const response = await qg.request('analyst.astana', {
      method: 'GET',
      url: '/api/users/assignable?region=KZ-71',
    });
    assert.equal(response.statusCode, 200);
    const ids = new Set(response.json<{ users: { id: string }[] }>().users.map((user) => user.id));
    assert.ok(ids.has(id('analyst.astana')));
    assert.ok(ids.has(id('prosecutor')));
    for (const outsider of ['analyst.almaty', 'duty.almaty', 'admin', 'auditor', 'liaison.shymkent'])
      assert.ok(!ids.has(id(outsider)), outsider);
    const disabled = await qg.db.query<{ id: string }>('select id from users where disabled');
    for (const row of disabled) assert.ok(!ids.has(row.id), 'disabled users are not offered');

    const outside = await qg.request('analyst.almaty', {
      method: 'GET',
      url: '/api/users/assignable?region=KZ-71',
    });
    assert.equal(outside.statusCode, 403);
    assert.equal(outside.json().type, '/api/problems/region-forbidden');
    const unknown = await qg.request('analyst.almaty', {
      method: 'GET',
      url: '/api/users/assignable?region=KZ-00',
    });
    assert.equal(unknown.statusCode, 400);
  });
});
