import { useI18n } from '../app/i18n';
import type { ApiError } from '../app/api-client';
import { ErrorState } from './error-state';
import { Modal } from './modal';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: ApiError | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, message, confirmLabel, danger = false, pending, error, onConfirm, onCancel } = props;
  const { t } = useI18n();
  return (
    <Modal
      title={title}
      onClose={onCancel}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'btn btn--danger' : 'btn btn--primary'}
            onClick={onConfirm}
            disabled={pending}
            data-testid="confirm-submit"
          >
            {pending ? t('common.working') : confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
      {error && <ErrorState error={error} inline />}
    </Modal>
  );
}
