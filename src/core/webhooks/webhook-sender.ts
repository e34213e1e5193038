import type { Db } from '../db/db.js';
import { recordAttempt, type AttemptResult, type DueDelivery } from './webhooks.repository.js';
import { SIGNATURE_HEADER, signPayload } from './signature.js';

export interface SenderOptions {
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
}

const MAX_BACKOFF_MS = 3_600_000;

/** Exponential backoff with ±20 % jitter, so endpoints that failed together do not retry together. */
export function retryDelay(attempt: number, baseMs: number, random = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

export async function postSigned(delivery: DueDelivery, timeoutMs: number): Promise<AttemptResult> {
  const body = JSON.stringify(delivery.payload);
  const started = performance.now();
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signPayload(delivery.secret, body),
        'x-qadagalau-delivery': delivery.id,
        'x-qadagalau-event': delivery.event_type,
        'user-agent': 'Qadagalau-Webhooks/1',
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    const durationMs = Math.round(performance.now() - started);
    return { ok: response.ok, httpStatus: response.status, error: response.ok ? null : `HTTP ${response.status}`, durationMs };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const cause = error as Error & { cause?: { code?: string } };
    const reason = cause.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause.cause?.code ?? cause.message);
    return { ok: false, httpStatus: null, error: reason, durationMs };
  }
}

/** Sends one leased delivery and records the attempt; returns when the next retry is due, if any. */
export async function sendDelivery(db: Db, delivery: DueDelivery, options: SenderOptions): Promise<Date | null> {
  const result = await postSigned(delivery, options.timeoutMs);
  const attempt = delivery.attempts + 1;
  const retryAt = result.ok || attempt >= options.maxAttempts ? null : new Date(Date.now() + retryDelay(attempt, options.backoffMs));
  await db.tx((sql) => recordAttempt(sql, delivery, result, retryAt));
  return retryAt;
}
