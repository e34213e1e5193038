import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { AuditVerifyResult } from '../../app/types';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';

/**
 * Recomputes the hash chain on the server. A clean result is what an inspector asks to see; a broken one lists each
 * entry that was edited, deleted or moved, so the damage can be located rather than merely suspected.
 */
export function AuditVerify() {
  const api = useApi();
  const { t, formatNumber, formatDateTime } = useI18n();
  const verify = useAction(() => api.get<AuditVerifyResult>('/api/audit/verify'));
  const result = verify.lastResult;

  return (
    <div className="audit-verify">
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => void verify.run()}
        disabled={verify.pending}
        data-testid="audit-verify"
      >
        {verify.pending ? t('audit.verifying') : t('audit.verify')}
      </button>
      {verify.error && <ErrorState error={verify.error} inline />}
      {result && !verify.pending && (
        <div
          className={result.ok ? 'notice notice--success' : 'notice notice--danger'}
          role="status"
          data-testid="audit-verify-result"
          data-ok={result.ok}
        >
          <p>
            <strong>
              {result.ok
                ? t('audit.verifyOk', { checked: formatNumber(result.checked) })
                : t('audit.verifyFailed', {
                    count: formatNumber(result.problems.length),
                    checked: formatNumber(result.checked),
                  })}
            </strong>
          </p>
          <p data-testid="audit-verify-checkpoints">
            {result.checkpoints.newest
              ? t('audit.checkpoints', {
                  count: formatNumber(result.checkpoints.count),
                  at: formatDateTime(result.checkpoints.newest.at),
                  seq: formatNumber(result.checkpoints.newest.headSeq),
                  uncovered: formatNumber(result.checkpoints.uncovered),
                })
              : t('audit.noCheckpoints')}
          </p>
          {result.problems.length > 0 && (
            <ul className="problem-list">
              {result.problems.map((p) => (
                <li key={`${p.seq}-${p.kind}`}>
                  <span className="mono">#{p.seq}</span> · {t(`audit.problem.${p.kind}`)}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
