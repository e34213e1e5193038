import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api-client';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { useAppealsI18n } from './i18n';
import { AGENCY_KINDS } from './types';
import { FormActions } from '../../components/form-actions';

interface RouteDialogProps {
  /** The model's suggestion, preselected. */
  suggested: string | null;
  pending: boolean;
  error: ApiError | null;
  onSubmit: (agency: string, note: string) => void;
  onClose: () => void;
}

export function RouteDialog({ suggested, pending, error, onSubmit, onClose }: RouteDialogProps) {
  const { t, tOr } = useAppealsI18n();
  const [agency, setAgency] = useState(suggested ?? '');
  const [note, setNote] = useState('');
  const kinds: string[] = [...AGENCY_KINDS];
  if (suggested && !kinds.includes(suggested)) kinds.push(suggested);

  function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (agency) onSubmit(agency, note.trim());
  }

  const name = (kind: string) => tOr(`agency.${kind}`, kind);
  return (
    <Modal title={t('action.routeTitle')} onClose={onClose} testId="route-dialog">
      <form className="form" onSubmit={handleSubmit}>
        <Field label={t('action.agency')} required>
          {({ id }) => (
            <select
              id={id}
              className="input"
              value={agency}
              required
              onChange={(e) => setAgency(e.target.value)}
              data-testid="route-agency"
            >
              <option value="" disabled>
                —
              </option>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kind === suggested ? t('action.suggested', { agency: name(kind) }) : name(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
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
              data-testid="route-note"
            />
          )}
        </Field>
        {error && <ErrorState error={error} inline />}
        <FormActions
          submitLabel={t('action.route')}
          pending={pending}
          onCancel={onClose}
          submitTestId="route-submit"
          disabled={!agency}
        />
      </form>
    </Modal>
  );
}
