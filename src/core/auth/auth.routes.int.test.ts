import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, TEST_PASSWORD, type TestPlatform } from '../testing/test-platform.js';

const login = (qg: TestPlatform, payload: unknown, headers: Record<string, string> = {}) =>
  qg.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object, headers });

describe('sign-in, session and sign-out', () => {
  let qg: TestPlatform;

  // The limit is lifted here so the many sign-ins below do not trip it; its own test runs on a second platform.
  before(async () => {
    qg = await startTestPlatform({ config: { loginRateLimitPerMinute: 1000 } });
  });
  after(() => qg.stop());

  test('a correct password sets an httpOnly SameSite=Strict session cookie and returns a CSRF token', async () => {
    const response = await login(qg, { username: 'analyst.almaty', password: TEST_PASSWORD });
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((item) => item.name === 'qg_session');
    assert.ok(cookie?.value, 'session cookie set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    const body = response.json<{ user: { username: string }; csrfToken: string }>();
    assert.equal(body.user.username, 'analyst.almaty');
    assert.ok(body.csrfToken.length >= 32);
    assert.doesNotMatch(response.body, /password/i);
    const audited = (await qg.auditActions()).filter(
      (row) => row.action === 'auth.login' && row.outcome === 'success',
    );
    assert.ok(audited.some((row) => row.subject_id === qg.userIds['analyst.almaty']));
  });

  test('a wrong password and an unknown user get the same 401, both audited as denied without the password', async () => {
    const secretGuess = 'Tr0ub4dor&3-guess';
    const wrong = await login(qg, { username: 'prosecutor', password: secretGuess });
    const unknown = await login(qg, { username: 'nobody.here', password: secretGuess });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().type, '/api/problems/invalid-credentials');
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(wrong.cookies.length, 0);

    const denied = await qg.db.query<{ subject_id: string | null; row: string }>(
      `select subject_id, row_to_json(a)::text as row from audit_log a where action = 'auth.login' and outcome = 'denied' order by seq`,
    );
    assert.deepEqual(
      denied.map((entry) => entry.subject_id),
      [qg.userIds['prosecutor'], null],
    );
    for (const entry of denied)
      assert.ok(!entry.row.includes(secretGuess), 'the password never reaches the audit log');
  });

  test('a disabled user cannot sign in even with the right password', async () => {
    await qg.db.query(`update users set disabled = true where username = 'liaison.shymkent'`);
    const response = await login(qg, { username: 'liaison.shymkent', password: TEST_PASSWORD });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().type, '/api/problems/invalid-credentials');
    const [sessions] = await qg.db.query<{ count: number }>(
      'select count(*)::int as count from sessions where user_id = $1',
      [qg.userIds['liaison.shymkent']],
    );
    assert.equal(sessions?.count, 0);
  });

  test('a body without a password, or with an extra field, is refused as invalid and signs nobody in', async () => {
    const before = (await qg.auditActions()).length;
    const missing = await login(qg, { username: 'prosecutor' });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().type, '/api/problems/validation');
    assert.ok(missing.json().errors.some((error: { field: string }) => error.field === 'body/password'));
    const extra = await login(qg, { username: 'prosecutor', password: TEST_PASSWORD, remember: true });
    assert.equal(extra.statusCode, 400);
    assert.equal(extra.json().type, '/api/problems/validation');
    assert.equal(extra.cookies.length, 0);
    assert.equal((await qg.auditActions()).length, before);
  });

  test('/api/auth/me is 401 for anonymous callers and names the user with their permissions when signed in', async () => {
    const anonymous = await qg.request(null, { method: 'GET', url: '/api/auth/me' });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().type, '/api/problems/unauthenticated');
    const me = await qg.request('analyst.almaty', { method: 'GET', url: '/api/auth/me' });
    assert.equal(me.statusCode, 200);
    const body = me.json<{
      user: { username: string; regions: string[] };
      permissions: string[];
      csrfToken: string;
    }>();
    assert.equal(body.user.username, 'analyst.almaty');
    assert.deepEqual(body.user.regions, ['KZ-75']);
    assert.ok(body.permissions.includes('alerts.read'));
    assert.ok(!body.permissions.includes('users.manage'));
    assert.ok(body.csrfToken);
  });

  test('sign-out ends the session at once, so the cookie no longer works, and is audited', async () => {
    const session = await qg.login('duty.almaty');
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    assert.equal((await qg.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode, 200);
    const out = await qg.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    assert.equal(out.statusCode, 204);
    const cleared = out.cookies.find((item) => item.name === 'qg_session');
    assert.equal(cleared?.value, '');
    const afterwards = await qg.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    assert.equal(afterwards.statusCode, 401);
    const logout = (await qg.auditActions()).filter((row) => row.action === 'auth.logout');
    assert.deepEqual(
      logout.map((row) => [row.actor_name, row.subject_id, row.outcome]),
      [['duty.almaty', session.userId, 'success']],
    );
  });

  test('sign-out without the CSRF token is refused and the session survives', async () => {
    const session = await qg.login('analyst.astana');
    const refused = await qg.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().type, '/api/problems/csrf');
    assert.equal(
      (await qg.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } }))
        .statusCode,
      200,
    );
  });

  test('error titles follow Accept-Language in kk, ru and en, with Russian as the default', async () => {
    const title = async (language?: string) => {
      const response = await qg.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: language ? { 'accept-language': language } : {},
      });
      assert.equal(response.json().type, '/api/problems/unauthenticated');
      return response.json<{ title: string }>().title;
    };
    assert.equal(await title('kk-KZ,kk;q=0.9'), 'Жүйеге кіру қажет');
    assert.equal(await title('ru'), 'Требуется вход в систему');
    assert.equal(await title('en-GB,en;q=0.8'), 'Sign-in required');
    assert.equal(await title('de;q=1.0, en;q=0.5'), 'Sign-in required');
    assert.equal(await title(), 'Требуется вход в систему');
    const credentials = await login(
      qg,
      { username: 'nobody.here', password: 'x' },
      { 'accept-language': 'kk' },
    );
    assert.equal(credentials.json().title, 'Пайдаланушы аты немесе құпиясөз қате');
  });
});

describe('sign-in rate limit', () => {
  let qg: TestPlatform;

  before(async () => {
    qg = await startTestPlatform({ config: { loginRateLimitPerMinute: 3 } });
  });
  after(() => qg.stop());

  // A client that is not a proxy: its X-Forwarded-For is its own claim and must not pick its rate-limit bucket.
  const attempt = (password: string, forwardedFor?: string) =>
    qg.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.7',
      payload: { username: 'prosecutor', password },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  test('after the configured attempts a minute, the next is 429 rate-limited, even with the right password', async () => {
    for (let i = 0; i < 3; i += 1) assert.equal((await attempt(`guess-${i}`)).statusCode, 401);
    const limited = await attempt(TEST_PASSWORD);
    assert.equal(limited.statusCode, 429);
    assert.match(limited.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(limited.json().type, '/api/problems/rate-limited');
    assert.ok(limited.headers['x-request-id']);
    assert.equal(limited.cookies.length, 0);
  });

  test('a client cannot escape the limit by sending a different X-Forwarded-For each time', async () => {
    const spoofed = await attempt(TEST_PASSWORD, '198.51.100.23');
    assert.equal(
      spoofed.statusCode,
      429,
      'X-Forwarded-For from an untrusted client must not reset the sign-in limit',
    );
  });
});
