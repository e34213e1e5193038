import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api-client';
import { ErrorState } from '../../components/error-state';
import { Checkbox, Field, FieldGroup } from '../../components/field';
import { Modal } from '../../components/modal';
import { useAppealsI18n } from './i18n';
import type { RiskLabel } from '../../../../src/modules/appeals/appeals.contract.js';
import { RISK_LABELS } from './types';
import { FormActions } from '../../components/form-actions';

interface CorrectLabelsDialogProps {
  current: RiskLabel[];
  pending: boolean;
  error: ApiError | null;
  onSubmit: (labels: RiskLabel[], note: string) => void;
  onClose: () => void;
}

/** The seven labels as checkboxes, starting from the labels in force; an empty set means "no risk". */
export function CorrectLabelsDialog({
  current,
  pending,
  error,
  onSubmit,
  onClose,
}: CorrectLabelsDialogProps) {
  const { t } = useAppealsI18n();
  const [labels, setLabels] = useState<RiskLabel[]>(current);
  const [note, setNote] = useState('');
  const unchanged = labels.length === current.length && labels.every((l) => current.includes(l));

  function toggle(label: RiskLabel, checked: boolean) {
    setLabels((prev) => RISK_LABELS.filter((l) => (l === label ? checked : prev.includes(l))));
  }

  function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!unchanged) onSubmit(labels, note.trim());
  }

  return (
    <Modal title={t('action.correctTitle')} onClose={onClose} testId="correct-dialog">
      <form className="form" onSubmit={handleSubmit}>
        <FieldGroup legend={t('action.labels')} hint={t('action.correctHint')}>
          <div className="checkbox-list">
            {RISK_LABELS.map((label) => (
              <Checkbox
                key={label}
                label={<span className={`label-swatch label-tone--${label}`}>{t(`label.${label}`)}</span>}
                checked={labels.includes(label)}
                onChange={(checked) => toggle(label, checked)}
                testId={`correct-label-${label}`}
              />
            ))}
          </div>
        </FieldGroup>
        <Field label={t('action.note')} hint={t('action.optional')}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              className="input"
              rows={2}
              maxLength={2000}
              aria-describedby={describedBy}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="correct-note"
            />
          )}
        </Field>
        {unchanged && <p className="muted small">{t('action.unchanged')}</p>}
        {error && <ErrorState error={error} inline />}
        <FormActions
          submitLabel={t('action.correct')}
          pending={pending}
          onCancel={onClose}
          submitTestId="correct-submit"
          disabled={unchanged}
        />
      </form>
    </Modal>
  );
}
