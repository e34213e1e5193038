import { useState, type SubmitEvent } from 'react';
import { useApi } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { useForecastingI18n } from './i18n';
import { DECISION_ACTIONS } from './types';
import type {
  DecisionAction,
  DecisionRecorded,
} from '../../../../src/modules/forecasting/forecasting.contract.js';

// The server's bounds for a note (DecisionBody in forecasting.schema.ts).
const NOTE_MIN = 3;
const NOTE_MAX = 2000;

/** Record what was done about an anomaly; the server keeps the forecast standing now to judge the effect later. */
export function DecisionForm({ anomalyId, onDecided }: { anomalyId: string; onDecided: () => void }) {
  const api = useApi();
  const { t, tCore } = useForecastingI18n();
  const [action, setAction] = useState<DecisionAction | ''>('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const record = useAction((body: { action: DecisionAction; note: string }) =>
    api.post<DecisionRecorded>(`/api/forecasting/anomalies/${encodeURIComponent(anomalyId)}/decisions`, body),
  );
  const trimmed = note.trim();
  const noteProblem = trimmed.length < NOTE_MIN ? t('dec.noteTooShort', { min: NOTE_MIN }) : null;

  async function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!action || noteProblem) return;
    const res = await record.run({ action, note: trimmed });
    if (!res) return;
    setAction('');
    setNote('');
    setSubmitted(false);
    onDecided();
  }

  return (
    <section className="detail-section" aria-labelledby="fc-decide-title">
      <h3 id="fc-decide-title">{t('dec.formTitle')}</h3>
      <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="fc-decision-form">
        <Field label={t('dec.action')} required error={submitted && !action ? t('dec.actionRequired') : null}>
          {({ id, describedBy }) => (
            <select
              id={id}
              className="input"
              value={action}
              aria-describedby={describedBy}
              onChange={(e) => setAction(e.target.value as DecisionAction | '')}
              data-testid="fc-decision-action"
            >
              <option value="">—</option>
              {DECISION_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`action.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('dec.note')} hint={t('dec.noteHint')} required error={submitted ? noteProblem : null}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="input"
              rows={3}
              maxLength={NOTE_MAX}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="fc-decision-note"
            />
          )}
        </Field>
        {record.error && <ErrorState error={record.error} inline />}
        {record.lastResult && !record.error && (
          <p className="notice notice--success" role="status" data-testid="fc-decision-recorded">
            {t('dec.recorded')}
          </p>
        )}
        <div className="form__actions">
          <button
            type="submit"
            className="btn btn--primary"
            disabled={record.pending}
            data-testid="fc-decision-submit"
          >
            {record.pending ? tCore('common.working') : t('dec.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
