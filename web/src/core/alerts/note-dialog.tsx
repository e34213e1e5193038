import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api-client';
import { useI18n } from '../../app/i18n';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { FormActions } from '../../components/form-actions';

interface NoteDialogProps {
  title: string;
  label: string;
  hint: string;
  submitLabel: string;
  /** Shortest acceptable text; the server checks the same bound. */
  minLength?: number;
  danger?: boolean;
  pending: boolean;
  error: ApiError | null;
  onSubmit: (text: string) => void;
  onClose: () => void;
  testId?: string;
}

/** A dialog that asks for one required text (an outcome, a reason, a purpose) before an action is taken. */
export function NoteDialog(props: NoteDialogProps) {
  const {
    title,
    label,
    hint,
    submitLabel,
    minLength = 1,
    danger = false,
    pending,
    error,
    onSubmit,
    onClose,
    testId,
  } = props;
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const trimmed = text.trim();
  const problem =
    trimmed.length === 0
      ? t('alert.required')
      : trimmed.length < minLength
        ? t('alert.purposeTooShort', { min: minLength })
        : null;

  function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    setTouched(true);
    if (!problem) onSubmit(trimmed);
  }

  return (
    <Modal title={title} onClose={onClose} testId={testId}>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <Field label={label} hint={hint} error={touched ? problem : null} required>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="input"
              rows={4}
              autoFocus
              required
              minLength={minLength}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onBlur={() => setTouched(true)}
              data-testid="note-text"
            />
          )}
        </Field>
        {error && <ErrorState error={error} inline />}
        <FormActions
          submitLabel={submitLabel}
          pending={pending}
          onCancel={onClose}
          submitTestId="note-submit"
          danger={danger}
        />
      </form>
    </Modal>
  );
}
