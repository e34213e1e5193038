import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { raiseAlert } from './alerts.service.js';
import { systemActor } from '../auth/actor.js';
import type { RaiseAlertInput } from './alerts.types.js';

const alert = (region: string, title: string): RaiseAlertInput => ({
  module: 'forecasting',
  kind: 'offences.anomaly',
  severity: 'high',
  region,
  subject: { type: 'series', id: `${region}:fraud`, label: `${region} fraud` },
  title,
  summary: 'Observed 180 against an expected 95-130.',
  evidence: { observed: 180 },
});

/** Opens the event stream as a signed-in user and collects the alert titles it carries. */
function listen(
  url: string,
  cookie: string,
): Promise<{ titles: string[]; response: IncomingMessage; close: () => void }> {
  return new Promise((resolve, reject) => {
    const titles: string[] = [];
    const request = httpRequest(
      `${url}/api/alerts/stream`,
      { headers: { cookie, accept: 'text/event-stream' } },
      (response) => {
        let buffer = '';
        response.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const frames = buffer.split('\n\n');
          buffer = frames.pop() ?? '';
          for (const frame of frames) {
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (data) titles.push((JSON.parse(data.slice(6)) as { title: string }).title);
          }
        });
        resolve({ titles, response, close: () => request.destroy() });
      },
    );
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    request.end();
  });
}

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('live alert stream', () => {
  let qg: TestPlatform;
  let url: string;

  before(async () => {
    qg = await startTestPlatform();
    await qg.app.listen({ host: '127.0.0.1', port: 0 });
    const address = qg.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => qg.stop());

  test('anonymous clients cannot open the stream', async () => {
    const response = await fetch(`${url}/api/alerts/stream`);
    assert.equal(response.status, 401);
  });

  test('each dashboard hears new alerts of its own regions only, within a second', async () => {
    const almaty = await listen(url, (await qg.login('analyst.almaty')).cookie);
    const astana = await listen(url, (await qg.login('analyst.astana')).cookie);
    const national = await listen(url, (await qg.login('prosecutor')).cookie);
    try {
      assert.match(String(almaty.response.headers['content-type']), /text\/event-stream/);
      const started = Date.now();
      await qg.bus.tx((sql) => raiseAlert(sql, systemActor, alert('KZ-75', 'Almaty fraud spike')));
      await waitFor(
        () => almaty.titles.includes('Almaty fraud spike') && national.titles.includes('Almaty fraud spike'),
        1000,
      );
      assert.ok(Date.now() - started < 1000);
      await qg.bus.tx((sql) => raiseAlert(sql, systemActor, alert('KZ-71', 'Astana fraud spike')));
      await waitFor(() => astana.titles.includes('Astana fraud spike'));
      assert.deepEqual(almaty.titles, ['Almaty fraud spike']);
      assert.deepEqual(astana.titles, ['Astana fraud spike']);
    } finally {
      for (const client of [almaty, astana, national]) client.close();
    }
  });
});
