import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-qadagalau-signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The timestamp is signed too, so a receiver can refuse
 * replays older than a few minutes.
 */
export function signPayload(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiving state body runs; also used by the demo receiver and the tests. */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts['t']);
  if (!Number.isFinite(timestamp) || !parts['v1'] || Math.abs(now / 1000 - timestamp) > toleranceSeconds)
    return false;
  const expected = Buffer.from(signPayload(secret, body, timestamp).split('v1=')[1] ?? '', 'hex');
  const actual = Buffer.from(parts['v1'], 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
