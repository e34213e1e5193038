import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { freePort, startTestPlatform, type TestPlatform, waitFor } from '../../../core/testing/index.js';
import { supervisionModule } from '../module.js';
import { brokerAccounts, intakeLogin } from './broker-accounts.js';

const MOSQUITTO = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((path) => existsSync(path));
const PREFIX = 'qg-accounts/observations';
const INTAKE = { username: 'qadagalau-intake', password: 'intake-password-for-the-test' };

test('the intake’s login is read from MQTT_URL, and only when it names both a user and a password', () => {
  assert.deepEqual(intakeLogin('mqtt://qadagalau-intake:p%40ss@broker:1883'), {
    username: 'qadagalau-intake',
    password: 'p@ss',
  });
  assert.equal(intakeLogin('mqtt://broker:1883'), null);
  assert.equal(intakeLogin(undefined), null);
});

describe(
  'the registry exported to a real Mosquitto lets each source write only its own feed',
  { skip: MOSQUITTO ? false : 'needs the mosquitto binary' },
  () => {
    let qg: TestPlatform;
    let broker: ChildProcess;
    let url: string;
    const passwords = new Map<string, string>();
    const clients: MqttClient[] = [];
    const login = async (username: string, password: string) => {
      const client = await mqtt.connectAsync(url, {
        username,
        password,
        reconnectPeriod: 0,
        protocolVersion: 4,
        clientId: `qg-acct-${username}-${String(clients.length)}`,
      });
      clients.push(client);
      return client;
    };

    before(async () => {
      qg = await startTestPlatform({ modules: [supervisionModule] });
      for (const id of ['cam-acct-a', 'cam-acct-b', 'cam-acct-retired']) {
        const created = await qg.request('admin', {
          method: 'POST',
          url: '/api/supervision/sources',
          payload: { id, kind: 'camera', name: id, agencyId: 'police-KZ-75', region: 'KZ-75' },
        });
        passwords.set(id, created.json<{ credential: { password: string } }>().credential.password);
      }
      await qg.request('admin', {
        method: 'PATCH',
        url: '/api/supervision/sources/cam-acct-retired',
        payload: { active: false },
      });
      const accounts = await brokerAccounts(qg.db, { topicPrefix: PREFIX, intake: INTAKE });
      assert.equal(accounts.sources, 2);
      const dir = mkdtempSync(join(tmpdir(), 'qg-mosquitto-'));
      writeFileSync(join(dir, 'passwords'), accounts.passwords);
      writeFileSync(join(dir, 'acl'), accounts.acl);
      const port = await freePort();
      url = `mqtt://127.0.0.1:${String(port)}`;
      // `user root`: a broker started by root keeps root's access to the files instead of dropping to 'mosquitto'.
      writeFileSync(
        join(dir, 'mosquitto.conf'),
        [
          `listener ${String(port)} 127.0.0.1`,
          'allow_anonymous false',
          `password_file ${join(dir, 'passwords')}`,
          `acl_file ${join(dir, 'acl')}`,
          'persistence false',
          'user root',
          '',
        ].join('\n'),
      );
      broker = spawn(MOSQUITTO!, ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
      await waitFor(
        async () => {
          try {
            (await login(INTAKE.username, INTAKE.password)).end(true);
            return true;
          } catch {
            return undefined;
          }
        },
        10_000,
        'mosquitto listening',
      );
    });
    after(async () => {
      await Promise.all(clients.map((client) => client.endAsync(true)));
      broker.kill();
      await qg.stop();
    });

    test('a source writes its own feed and the intake reads it through a shared subscription; a source writing another’s feed is not heard', async () => {
      const received: string[] = [];
      const intake = await login(INTAKE.username, INTAKE.password);
      intake.on('message', (topic) => received.push(topic));
      await intake.subscribeAsync(`$share/qadagalau-intake/${PREFIX}/+`, { qos: 1 });
      const camera = await login('cam-acct-a', passwords.get('cam-acct-a')!);
      await camera.publishAsync(`${PREFIX}/cam-acct-b`, '{"externalId":"spoofed"}', { qos: 1 });
      await camera.publishAsync(`${PREFIX}/cam-acct-a`, '{"externalId":"own"}', { qos: 1 });
      await waitFor(
        async () => (received.includes(`${PREFIX}/cam-acct-a`) ? true : undefined),
        5000,
        'the source’s own message',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(received, [`${PREFIX}/cam-acct-a`]);
    });

    test('a source cannot read the feeds, and a wrong or retired login is refused', async () => {
      const received: string[] = [];
      const snoop = await login('cam-acct-b', passwords.get('cam-acct-b')!);
      snoop.on('message', (topic) => received.push(topic));
      await snoop.subscribeAsync(`${PREFIX}/+`, { qos: 1 }).catch(() => undefined);
      const camera = await login('cam-acct-a', passwords.get('cam-acct-a')!);
      await camera.publishAsync(`${PREFIX}/cam-acct-a`, '{"externalId":"private"}', { qos: 1 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(received, []);
      await assert.rejects(login('cam-acct-a', 'guessed'));
      await assert.rejects(login('cam-acct-retired', passwords.get('cam-acct-retired')!));
    });
  },
);
