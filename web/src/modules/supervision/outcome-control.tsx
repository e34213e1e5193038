import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';
import { useSupervisionI18n } from './i18n';
import type { Outcome, OutcomeRecorded } from '../../../../src/modules/supervision/supervision.contract.js';
import { OUTCOMES } from './display-order';

interface OutcomeControlProps {
  alertId: string;
  recorded: Outcome | undefined;
  onRecorded: (outcome: Outcome) => void;
}

/**
 * What the dispatched officers found. A detention closes the watchlist entry through the system; a false match
 * counts against the source and the rule.
 */
export function OutcomeControl({ alertId, recorded, onRecorded }: OutcomeControlProps) {
  const api = useApi();
  const { t } = useSupervisionI18n();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const action = useAction((value: Outcome) =>
    api.post<OutcomeRecorded>(`/api/supervision/alerts/${encodeURIComponent(alertId)}/outcome`, {
      outcome: value,
      ...(note.trim() ? { note: note.trim() } : {}),
    }),
  );

  if (recorded) {
    return (
      <span
        className="badge badge--outline badge--neutral"
        data-testid="sv-outcome-recorded"
        data-outcome={recorded}
      >
        {t('outcome.recorded', { outcome: t(`outcome.${recorded}`) })}
      </span>
    );
  }
  return (
    <form
      className="sv-outcome"
      onSubmit={(event) => {
        event.preventDefault();
        if (!outcome) return;
        void action.run(outcome).then((result) => {
          if (result !== undefined) onRecorded(outcome);
        });
      }}
    >
      <select
        className="input"
        aria-label={t('outcome.choose', { id: alertId })}
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as Outcome | '')}
        data-testid="sv-outcome-select"
      >
        <option value="">—</option>
        {OUTCOMES.map((value) => (
          <option key={value} value={value}>
            {t(`outcome.${value}`)}
          </option>
        ))}
      </select>
      {outcome && (
        <input
          className="input"
          aria-label={t('outcome.note')}
          placeholder={t('outcome.note')}
          value={note}
          maxLength={1000}
          onChange={(event) => setNote(event.target.value)}
          data-testid="sv-outcome-note"
        />
      )}
      <button
        type="submit"
        className="btn btn--small btn--primary"
        disabled={!outcome || action.pending}
        data-testid="sv-outcome-submit"
      >
        {t('outcome.record')}
      </button>
      {action.error && <ErrorState error={action.error} inline />}
    </form>
  );
}
