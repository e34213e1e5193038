import { useI18n } from '../app/i18n';

interface FormActionsProps {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  submitTestId: string;
  disabled?: boolean;
  /** The submit does something hard to undo (revoke, reject): shown as a danger button. */
  danger?: boolean;
}

/** A dialog form's footer: Cancel, and the submit button, which says it is working while the request runs. */
export function FormActions({
  submitLabel,
  pending,
  onCancel,
  submitTestId,
  disabled = false,
  danger = false,
}: FormActionsProps) {
  const { t } = useI18n();
  return (
    <div className="form__actions">
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button
        type="submit"
        className={danger ? 'btn btn--danger' : 'btn btn--primary'}
        disabled={pending || disabled}
        data-testid={submitTestId}
      >
        {pending ? t('common.working') : submitLabel}
      </button>
    </div>
  );
}
