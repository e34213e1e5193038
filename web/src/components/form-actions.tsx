import { useI18n } from '../app/i18n';

interface FormActionsProps {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  submitTestId: string;
  disabled?: boolean;
}

/** A dialog form's footer: Cancel, and the submit button, which says it is working while the request runs. */
export function FormActions({
  submitLabel,
  pending,
  onCancel,
  submitTestId,
  disabled = false,
}: FormActionsProps) {
  const { t } = useI18n();
  return (
    <div className="form__actions">
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button
        type="submit"
        className="btn btn--primary"
        disabled={pending || disabled}
        data-testid={submitTestId}
      >
        {pending ? t('common.working') : submitLabel}
      </button>
    </div>
  );
}
