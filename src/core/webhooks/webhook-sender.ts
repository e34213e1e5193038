import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Db } from '../db/db.js';
import type { DestinationGuard } from './destination-guard.js';
import { recordAttempt, type AttemptResult, type DueDelivery } from './webhooks.repository.js';
import { SIGNATURE_HEADER, signPayload } from './signature.js';

export interface SenderOptions {
  guard: DestinationGuard;
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

/**
 * Posts one delivery, signed, to a destination the guard allows. No redirect is followed (a 3xx is a failed
 * attempt): a public endpoint must not be able to bounce the platform into its own network.
 */
export async function postSigned(
  delivery: DueDelivery,
  timeoutMs: number,
  guard: DestinationGuard,
): Promise<AttemptResult> {
  const body = JSON.stringify(delivery.payload);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = guard.refusal(delivery.url);
  if (refused)
    return { ok: false, httpStatus: null, error: `destination refused: ${refused}`, durationMs: elapsed() };
  const url = new URL(delivery.url);
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    [SIGNATURE_HEADER]: signPayload(delivery.secret, body),
    'x-qadagalau-delivery': delivery.id,
    'x-qadagalau-event': delivery.event_type,
    'user-agent': 'Qadagalau-Webhooks/1',
  };
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const lookup = guard.lookupFor(url);
      const request = send(
        url,
        { method: 'POST', headers, signal: AbortSignal.timeout(timeoutMs), ...(lookup ? { lookup } : {}) },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    const ok = status >= 200 && status < 300;
    return {
      ok,
      httpStatus: status,
      error: ok
        ? null
        : status >= 300 && status < 400
          ? `HTTP ${status} (redirects are not followed)`
          : `HTTP ${status}`,
      durationMs: elapsed(),
    };
  } catch (error) {
    const cause = error as Error & { code?: string };
    const reason =
      cause.name === 'AbortError' || cause.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : cause.code === 'EDESTINATION'
          ? `destination refused: ${cause.message}`
          : (cause.code ?? cause.message);
    return { ok: false, httpStatus: null, error: reason, durationMs: elapsed() };
  }
}

/** Sends one leased delivery and records the attempt; returns when the next retry is due, if any. */
export async function sendDelivery(
  db: Db,
  delivery: DueDelivery,
  options: SenderOptions,
): Promise<Date | null> {
  const result = await postSigned(delivery, options.timeoutMs, options.guard);
  const attempt = delivery.attempts + 1;
  const retryAt =
    result.ok || attempt >= options.maxAttempts
      ? null
      : new Date(Date.now() + retryDelay(attempt, options.backoffMs));
  await db.tx((sql) => recordAttempt(sql, delivery, result, retryAt));
  return retryAt;
}
