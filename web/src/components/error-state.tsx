import type { ApiError } from '../app/api-client';
import { useI18n, type I18n } from '../app/i18n';

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** Flatten the optional `errors` member of a problem, whose shape varies by validator, into readable lines. */
export function fieldErrorLines(errors: unknown): string[] {
  if (!errors) return [];
  if (Array.isArray(errors)) {
    return errors.map((item) => {
      if (typeof item === 'string') return item;
      if (item && typeof item === 'object') {
        const rec = item as Record<string, unknown>;
        const where = rec.field ?? rec.path ?? rec.pointer ?? rec.instancePath ?? rec.name;
        const what = rec.message ?? rec.detail ?? rec.title ?? JSON.stringify(rec);
        return where ? `${asText(where)}: ${asText(what)}` : asText(what);
      }
      return asText(item);
    });
  }
  if (typeof errors === 'object') {
    return Object.entries(errors as Record<string, unknown>).map(
      ([field, msg]) => `${field}: ${Array.isArray(msg) ? msg.map(asText).join(', ') : asText(msg)}`,
    );
  }
  return [asText(errors)];
}

/** Title, detail and an optional hint to show for an API error, preferring the server's localised problem text. */
export function describeError(
  error: ApiError,
  i18n: I18n,
): { title: string; detail?: string; hint?: string } {
  if (error.status === 0) return { title: i18n.t('error.title'), detail: i18n.t('error.network') };
  const described = { title: error.problem.title || i18n.t('error.title'), detail: error.problem.detail };
  if (error.status !== 429) return described;
  // Rate limits (RFC 6585): say how long to wait, from Retry-After when the server sent it.
  const hint = error.retryAfter
    ? i18n.t('error.rateLimited', { seconds: error.retryAfter })
    : i18n.t('error.rateLimitedNoWait');
  return { ...described, hint };
}

interface ErrorStateProps {
  error: ApiError;
  onRetry?: () => void;
  /** Compact form for use inside forms and dialogs. */
  inline?: boolean;
}

export function ErrorState({ error, onRetry, inline = false }: ErrorStateProps) {
  const i18n = useI18n();
  const { title, detail, hint } = describeError(error, i18n);
  const lines = fieldErrorLines(error.problem.errors);
  return (
    <div
      className={inline ? 'error-state error-state--inline' : 'error-state'}
      role="alert"
      data-testid="error-state"
    >
      <p className="error-state__title">{title}</p>
      {detail && <p className="error-state__detail">{detail}</p>}
      {hint && (
        <p className="error-state__detail" data-testid="rate-limit-hint">
          {hint}
        </p>
      )}
      {lines.length > 0 && (
        <>
          <p className="error-state__detail">{i18n.t('error.fieldErrors')}</p>
          <ul className="error-state__list">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {error.requestId && (
        <p className="error-state__meta">
          {i18n.t('error.requestId')}: {error.requestId}
        </p>
      )}
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {i18n.t('common.retry')}
        </button>
      )}
    </div>
  );
}
